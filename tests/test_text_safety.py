"""User text stays literal wherever it is shown (issue 11, items 6, 8 and 10).

:func:`markdown_literal` is checked against Streamlit's own patterns (the browser test
``e2e/test_literal_text.py`` renders the same corpus for real); :func:`csv_cell` against
spreadsheet formula tricks; :func:`terminal_safe` against terminal escape sequences. Each
renderer is checked to use the one function rather than a copy of its rules.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hostile_text import HOSTILE_TEXTS

from assessment.engine import assess
from assessment.models import Answers, AnswersMeta, Bank
from assessment.report import exports
from assessment.report.markdown import esc, render_markdown
from assessment.text_safety import (
    WORD_JOINER,
    csv_cell,
    markdown_literal,
    no_autolink,
    terminal_safe,
)
from assessment.ui.text import plain

ROOT = Path(__file__).resolve().parent.parent
# Patterns Streamlit's front end rewrites in text after Markdown escapes are resolved
# (remark-emoji, its icon and logo plugins, GFM autolink literals, typography).
TEXT_LEVEL = {
    "emoji shortcode": re.compile(r":[\w+-]+:"),
    "material icon": re.compile(r":material[/_]"),
    "bare link": re.compile(r"(?i)(https?|mailto|ftp):/|www\."),
    "e-mail link": re.compile(r"[\w.+-]@[\w-]"),
    "typography": re.compile(r"<-|->|--|>=|<=|~="),
}
SOURCE_SPECIALS = set("\\`*_[]<>|#&~$")


def literal(text: str) -> str:
    """What a reader should see: one line, control characters as a replacement mark."""
    flat = " ".join(text.split())
    return "".join("\ufffd" if ord(ch) < 32 or 127 <= ord(ch) < 160 else ch for ch in flat)


def unescape(markdown: str) -> str:
    """What CommonMark shows for escaped text: backslash escapes resolved, joiners hidden."""
    return re.sub(r"\\(.)", r"\1", markdown).replace(WORD_JOINER, "")


# --------------------------------------------------------------------------- Markdown


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_markdown_literal_keeps_every_character(text: str) -> None:
    assert unescape(markdown_literal(text)) == literal(text)


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_markdown_literal_escapes_every_source_special(text: str) -> None:
    out = markdown_literal(text)
    i = 0
    while i < len(out):
        if out[i] == "\\":
            i += 2  # an escape and the character it makes literal
            continue
        assert out[i] not in SOURCE_SPECIALS, f"unescaped {out[i]!r} in {out!r}"
        i += 1


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_markdown_literal_breaks_every_text_level_shortcut(text: str) -> None:
    # Streamlit matches these in text nodes, where escapes are already resolved.
    shown = re.sub(r"\\(.)", r"\1", markdown_literal(text))
    for name, pattern in TEXT_LEVEL.items():
        assert not pattern.search(shown), f"{name} left in {shown!r}"


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_markdown_literal_never_starts_a_block(text: str) -> None:
    out = markdown_literal(text)
    assert "\n" not in out
    assert not re.match(r"[-+*>#=]|\d{1,9}[.)](\s|$)|\s", out), out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Example Corp", "Example Corp"),
        ("ACME (Japan) Ltd.", "ACME (Japan) Ltd."),
        ("Why it hurts: nobody owns it", "Why it hurts: nobody owns it"),
        ("0.1", "0.1"),
        ("-5 days", "\\-5 days"),
        ("= total", "\\= total"),
        ("$5", "\\$5"),
        (":red[x]", f":{WORD_JOINER}red\\[x\\]"),
        ("see https://a.example", f"see https:{WORD_JOINER}//a.example"),
        ("www.a.example", f"www{WORD_JOINER}.a.example"),
        ("me@a.example", f"me@{WORD_JOINER}a.example"),
        ("a -> b", f"a -{WORD_JOINER}\\> b"),
        ("- item", "\\- item"),
        ("1. first", "1\\. first"),
        ("line\nbreak", "line break"),
    ],
)
def test_markdown_literal_examples(text: str, expected: str) -> None:
    assert markdown_literal(text) == expected


def test_the_page_and_the_markdown_export_share_the_one_function() -> None:
    for text in HOSTILE_TEXTS:
        assert plain(text) == esc(text) == markdown_literal(text)


def test_no_other_module_escapes_markdown_its_own_way() -> None:
    """One escaping function: a second set of rules would drift from it."""
    copies = [
        path.relative_to(ROOT)
        for path in (ROOT / "assessment").rglob("*.py")
        if path.name != "text_safety.py"
        and re.search(r"_MD_SPECIAL|re\.compile\(r\"\(\[\\\\\\\\`", path.read_text())
    ]
    assert copies == []


def test_the_markdown_export_prints_a_hostile_organisation_literally(mini_bank: Bank) -> None:
    name = ":red[Evil] $x$ :material/home: https://evil.example <b>x</b>"
    answers = Answers(bank="mini", meta=AnswersMeta(organization=name, respondent="- me"))
    text = render_markdown(assess(mini_bank, answers))
    line = next(line for line in text.splitlines() if line.startswith("**Organisation:**"))
    assert line == f"**Organisation:** {markdown_literal(name)}  "
    assert "**Respondent:** \\- me  " in text


def test_no_autolink_breaks_only_addresses() -> None:
    assert no_autolink("Visit https://evil.example or www.evil.example, mail a@b.example") == (
        f"Visit https:{WORD_JOINER}//evil.example or www{WORD_JOINER}.evil.example, "
        f"mail a@{WORD_JOINER}b.example"
    )
    assert no_autolink("Plain words: nothing to break.") == "Plain words: nothing to break."


# --------------------------------------------------------------------------- CSV

FORMULAS = [
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(A1)",
    '=HYPERLINK("https://evil.example","x")',
    " =1+1",  # a leading space
    "   @SUM(A1)",
    "\n=1+1",  # a line break
    "\r\n=1+1",
    "\t=1+1",  # a tab
    "\r=1+1",  # a carriage return
    "\u200b=1+1",  # a zero-width space
    "\ufeff=1+1",  # a byte-order mark
    "\u2060+1",  # a word joiner
    "\u00a0=1",  # a no-break space
    "\u3000=1",  # an ideographic space
    "\uff1d1+1",  # full-width =
    "\uff0b1",  # full-width +
    "\uff0d1",  # full-width -
    "\uff20SUM(A1)",  # full-width @
    "\ufe66 1",  # small =
    " \u200b\n\t\uff1dcmd|' /C calc'!A0",
    "\t",
    "\r",
]
HARMLESS = ["Example Corp", "5", "-5", "-0.25", "1e3", "", "a=b", "x - y", "日本語"]


@pytest.mark.parametrize("text", FORMULAS)
def test_csv_cell_neutralises_every_formula(text: str) -> None:
    assert csv_cell(text) == "'" + text


@pytest.mark.parametrize("text", HARMLESS)
def test_csv_cell_leaves_plain_text_and_numbers(text: str) -> None:
    assert csv_cell(text) == text


def test_csv_cell_numbers_and_nothing() -> None:
    assert csv_cell(None) == ""
    assert csv_cell(3) == "3"
    assert csv_cell(-0.5) == "-0.5"
    assert csv_cell(72.25) == "72.2"


@pytest.mark.parametrize("text", FORMULAS)
def test_the_results_export_uses_the_one_sanitiser(text: str) -> None:
    assert exports._cell(text) == csv_cell(text)


CSV_WRITERS = sorted(
    path
    for path in (ROOT / "assessment").rglob("*.py")
    if "csv.writer(" in path.read_text() or "csv.DictWriter(" in path.read_text()
)


@pytest.mark.parametrize("path", CSV_WRITERS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_csv_export_uses_the_one_sanitiser(path: Path) -> None:
    source = path.read_text()
    assert "csv_cell" in source
    assert not re.search(r"startswith\(\s*\(?\s*[\"']=", source), "a second set of formula rules"
    assert not re.search(r"in \(\"=\", \"\+\"", source), "a second set of formula rules"


def test_both_csv_exports_are_found() -> None:
    assert {str(p.relative_to(ROOT)) for p in CSV_WRITERS} >= {
        "assessment/report/exports.py",
        "assessment/store/export.py",
    }


# --------------------------------------------------------------------------- terminal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain text", "plain text"),
        ("two\nlines\tand a tab", "two\nlines\tand a tab"),
        ("\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"),
        ("\x1b]0;title\x07", "\\x1b]0;title\\x07"),
        ("over\rwrite", "over\\x0dwrite"),
        ("back\bspace\x7f", "back\\x08space\\x7f"),
        ("c1 \x9b31m", "c1 \\x9b31m"),
        ("bidi \u202egnp.exe", "bidi \\u202egnp.exe"),
        ("日本語\u3000テキスト", "日本語\u3000テキスト"),
    ],
)
def test_terminal_safe(text: str, expected: str) -> None:
    assert terminal_safe(text) == expected


def test_terminal_safe_json_stays_json() -> None:
    assert terminal_safe('"a\x7fb\x9bc\u202e"', json=True) == '"a\\u007fb\\u009bc\\u202e"'
