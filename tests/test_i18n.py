"""The message catalogs and the language helpers (``assessment.i18n``).

Both catalogs hold exactly the messages the code marks (found by Babel's own extractor,
as ``python -m assessment.i18n.extract`` finds them), every one translated, none fuzzy,
with the same placeholders as the English; the English catalog says what the code says,
so an English user reads exactly the words in the code.
"""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from paths import CORE, PERSONAS

from assessment.engine import assess
from assessment.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGE_NAMES,
    LANGUAGES,
    N_,
    NP_,
    negotiate_language,
    normalise_language,
    translator,
)
from assessment.i18n.extract import KEYWORDS, messages_in_code, read_catalog
from assessment.loader import load_answers
from assessment.models import Bank
from assessment.report.markdown import render_markdown

PLACEHOLDER = re.compile(r"\{[a-z_]*\}")
JAPANESE = r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff60]"
SPACE_IN_JAPANESE = re.compile(rf"{JAPANESE} +{JAPANESE}")


def entries(catalog: Catalog) -> list[Message]:
    return [m for m in catalog if m.id]


def ids(m: Message) -> tuple[str, ...]:
    """A message's msgid, or its singular and plural msgids."""
    return tuple(m.id) if isinstance(m.id, tuple | list) else (str(m.id),)


def forms(m: Message) -> tuple[str, ...]:
    """A message's translation, or its plural forms."""
    if isinstance(m.string, tuple | list):
        return tuple(str(form or "") for form in m.string)
    return (str(m.string or ""),)


@pytest.fixture(scope="module")
def in_code() -> set[str | tuple[str, ...]]:
    return set(messages_in_code())


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalog_has_every_message_of_the_code_and_no_other(
    language: str, in_code: set[str | tuple[str, ...]]
) -> None:
    catalog = {m.id for m in entries(read_catalog(language))}
    missing = sorted(map(str, in_code - catalog))
    unused = sorted(map(str, catalog - in_code))
    hint = "run: python -m assessment.i18n.extract, then translate what it lists"
    assert not missing, f"{language}: not in the catalog ({hint}): {missing[:10]}"
    assert not unused, f"{language}: no longer in the code ({hint}): {unused[:10]}"


def test_the_code_marks_messages_at_all(in_code: set[str | tuple[str, ...]]) -> None:
    # The comparison above is only as good as the extraction: spot-check a message of
    # each kind (a report constant, an engine sentence, a plural, a template line).
    assert "Top findings" in in_code
    assert "No one is accountable for {activity}" in in_code
    assert ("{n} person", "{n} people") in in_code
    assert "Answer: {hint}." in in_code


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_translation_is_empty_or_fuzzy(language: str) -> None:
    catalog = read_catalog(language)
    assert not catalog.fuzzy
    problems = []
    for m in entries(catalog):
        if m.fuzzy or not all(form.strip() for form in forms(m)):
            problems.append(m.id)
    assert not problems, f"{language}: empty or fuzzy: {problems[:10]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_every_placeholder(language: str) -> None:
    problems = []
    for m in entries(read_catalog(language)):
        expected = set().union(*(PLACEHOLDER.findall(i) for i in ids(m)))
        for form in forms(m):
            if set(PLACEHOLDER.findall(form)) != expected:
                problems.append((m.id, form))
    assert not problems, problems[:5]


def test_the_english_catalog_says_what_the_code_says() -> None:
    for m in entries(read_catalog("en")):
        assert forms(m) == ids(m)


def test_japanese_has_no_spaces_between_japanese_characters() -> None:
    spaced = [
        form
        for m in entries(read_catalog("ja"))
        for form in forms(m)
        if SPACE_IN_JAPANESE.search(form)
    ]
    assert not spaced, spaced[:5]


def _marked_calls_in_fstrings(tree: ast.AST) -> list[int]:
    """Lines where ``_("…")`` or ``gettext("…")`` sits inside an f-string: Babel's
    extractor does not look there, so such a message would never reach a catalog."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call):
                    func = inner.func
                    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                    literal = inner.args and isinstance(inner.args[0], ast.Constant)
                    if name in KEYWORDS and literal:
                        lines.append(inner.lineno)
    return lines


def test_every_marked_message_is_where_the_extractor_finds_it() -> None:
    hidden = []
    for path in sorted(CORE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        hidden += [f"{path.relative_to(CORE)}:{n}" for n in _marked_calls_in_fstrings(tree)]
    assert not hidden, "take the message out of the f-string: " + ", ".join(hidden)


def test_the_fstring_scan_would_notice() -> None:
    tree = ast.parse('x = f"{tr.gettext(\'nobody\')}"\ny = f"{_(c.TITLE)}"\n')
    assert _marked_calls_in_fstrings(tree) == [1]


def test_the_extractor_finds_new_messages(tmp_path: Path) -> None:
    (tmp_path / "module.py").write_text(
        'from assessment.i18n import N_, NP_\nA = N_("Fresh words")\n'
        'B = NP_("{n} thing", "{n} things")\n'
        'def f(tr):\n    return tr.gettext("More words") + tr.ngettext("a", "b", 2)\n',
        encoding="utf-8",
    )
    found = set(messages_in_code(tmp_path))
    assert found == {"Fresh words", ("{n} thing", "{n} things"), "More words", ("a", "b")}


# --------------------------------------------------------------------------- choosing


@pytest.mark.parametrize(
    ("tag", "language"),
    [
        ("ja-JP", "ja"),
        ("ja_JP.UTF-8", "ja"),
        (" JA ", "ja"),
        ("ja", "ja"),
        ("en-GB", "en"),
        ("fr", "en"),
        ("", "en"),
        (None, "en"),
        (3, "en"),
    ],
)
def test_normalise_language(tag: object, language: str) -> None:
    assert normalise_language(tag) == language


@pytest.mark.parametrize(
    ("accepted", "language"),
    [
        ("ja,en-US;q=0.9,en;q=0.8", "ja"),
        ("en-US,en;q=0.9,ja;q=0.8", "en"),
        ("fr-FR,fr;q=0.9,ja;q=0.5", "ja"),
        ("en;q=0.5, ja-JP;q=0.8", "ja"),
        ("ja;q=0, en;q=0.1", "en"),
        ("de-DE", "en"),
        ("", "en"),
        (None, "en"),
        (["ja-JP", "en-US"], "ja"),
        (["zh-CN", "en"], "en"),
    ],
)
def test_negotiate_language(accepted: str | list[str] | None, language: str) -> None:
    assert negotiate_language(accepted) == language


def test_languages_are_named_in_their_own_words() -> None:
    assert LANGUAGES[0] == DEFAULT_LANGUAGE == "en"
    assert LANGUAGE_NAMES == {"en": "English", "ja": "日本語"}


# --------------------------------------------------------------------------- translating


def test_translator_words_plurals_numbers_and_dates() -> None:
    en, ja = translator("en-US"), translator("ja-JP")
    assert (en.language, ja.language) == ("en", "ja")
    assert translator("fr") is en  # one shared translator per language
    assert en.gettext("Top findings") == "Top findings"
    assert ja.gettext("Top findings") == "主な指摘事項"
    assert en.gettext("") == ja.gettext("") == ""  # never the catalog's header
    assert ja.gettext("a message nobody marked") == "a message nobody marked"
    assert [en.ngettext("{n} person", "{n} people", n) for n in (1, 2)] == [
        "{n} person",
        "{n} people",
    ]
    assert [ja.ngettext("{n} person", "{n} people", n) for n in (1, 2)] == ["{n}人", "{n}人"]
    assert ja.plural(NP_("{n} person", "{n} people"), 5).format(n=5) == "5人"
    assert N_("kept as it is") == "kept as it is"
    assert en.number(1234.5) == ja.number(1234.5) == "1,234.5"
    assert en.number(3, decimals=2) == "3.00"
    assert (en.percent(0.685), ja.percent(0.68)) == ("68%", "68%")
    assert en.date(date(2026, 1, 1)) == "2026-01-01"
    assert ja.date(date(2026, 1, 1)) == "2026年1月1日"
    assert en.in_sentence("Model deployment") == "model deployment"
    assert ja.in_sentence("CI/CDパイプライン") == "CI/CDパイプライン"
    assert (en.join(["A", "B"]), ja.join(["A", "B"])) == ("A, B", "A、B")
    assert (en.join(["A", "B"], "parts"), ja.join(["A", "B"], "parts")) == ("A; B", "A／B")
    assert (en.join(["A.", "B."], "sentences"), ja.join(["A。", "B。"], "sentences")) == (
        "A. B.",
        "A。B。",
    )


def test_labels_and_asides_use_the_languages_punctuation() -> None:
    en, ja = translator("en"), translator("ja")
    assert (en.label("Organisation"), ja.label("組織")) == ("Organisation:", "組織：")
    assert (en.labelled("Met", "Data"), ja.labelled("満たしている", "データ")) == (
        "Met: Data",
        "満たしている：データ",
    )
    assert ("Actions" + en.aside(3), "施策" + ja.aside(3)) == ("Actions (3)", "施策（3）")


def test_a_japanese_markdown_report_has_no_ascii_label_colons_or_brackets(
    shipped_bank: Bank,
) -> None:
    answers = load_answers(PERSONAS / "exec_platform.yaml", shipped_bank)
    text = render_markdown(assess(shipped_bank, answers, lang="ja"))
    assert "**組織：**" in text and "（重大度：高）" in text
    assert not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]:", text), "an ASCII colon after Japanese"
    assert not re.search(r"[\u3040-\u30ff\u4e00-\u9fff] \(", text), "an ASCII bracket"
