"""The shipped bank is complete in Japanese (issue 13, item 1).

Every user-visible text of a bank is a field typed as the bank format's ``Text`` (a plain
string or a ``{en, ja, ...}`` map). The walk below finds those fields from the models'
type annotations, not from a list of field names, so a text field added to the format
later is checked too. Two things are refused in the shipped bank:

- a text without a non-empty ``ja`` (a plain string, or a map with only ``en``);
- a ``ja`` text with ASCII spaces between two Japanese characters: the trace of a
  folded YAML block (``>-``) whose lines were broken inside a Japanese sentence, which
  the reader sees as stray gaps. Japanese texts stay on one line in the YAML.
"""

from __future__ import annotations

import re
import types
from collections.abc import Iterator
from typing import Annotated, Any, Union, get_args, get_origin

import pytest
from pydantic import AfterValidator, BaseModel

from assessment.models import Bank
from assessment.models.bank import Dimension, Option, Question
from assessment.models.base import Text

TEXT_MARK = next(m for m in get_args(Text)[1:] if isinstance(m, AfterValidator))
"""What makes an annotation the bank's ``Text``: pydantic keeps it in a field's metadata,
or inside ``Annotated[...]`` where Text is nested (``list[Text]``, ``Text | None``)."""

JAPANESE = r"[\u3000-\u303f\u3040-\u309f\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]"
STRAY_SPACE = re.compile(rf"{JAPANESE} +{JAPANESE}")


def _is_text(tp: Any) -> bool:
    if get_origin(tp) is Annotated:
        return TEXT_MARK in tp.__metadata__
    if get_origin(tp) in (Union, types.UnionType):
        return any(_is_text(arg) for arg in get_args(tp))
    return False


def _without_none(tp: Any) -> Any:
    """``X | None`` → ``X``; an ``Annotated`` that is not Text → what it annotates."""
    if get_origin(tp) in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return _without_none(args[0])
    if get_origin(tp) is Annotated:
        return _without_none(get_args(tp)[0])
    return tp


def _label(item: Any, index: int) -> str:
    for key in ("id", "label", "level"):
        value = getattr(item, key, None)
        if isinstance(value, str | int) and not isinstance(value, bool):
            return str(value)
    return str(index)


def texts(value: Any, tp: Any = None, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every (field path, text) under ``value``, a bank model, by the models' annotations."""
    if value is None:
        return
    if tp is not None and _is_text(tp):
        yield path, value
        return
    if isinstance(value, BaseModel):
        for name, field in type(value).model_fields.items():
            annotation: Any = field.annotation
            if TEXT_MARK in field.metadata:
                annotation = Annotated[annotation, TEXT_MARK]
            yield from texts(getattr(value, name), annotation, f"{path}.{name}".lstrip("."))
        return
    inner = get_args(_without_none(tp)) if tp is not None else ()
    if isinstance(value, list | tuple):
        element = inner[0] if inner else None
        for i, item in enumerate(value):
            yield from texts(item, element, f"{path}[{_label(item, i)}]")
    elif isinstance(value, dict):
        element = inner[1] if len(inner) == 2 else None
        for key, item in value.items():
            yield from texts(item, element, f"{path}[{key}]")


def missing_japanese(bank: BaseModel) -> list[str]:
    return [
        path
        for path, text in texts(bank)
        if not (isinstance(text, dict) and isinstance(text.get("ja"), str) and text["ja"].strip())
    ]


def stray_spaces(bank: BaseModel) -> list[str]:
    return [
        f"{path}: …{match.group(0)}…"
        for path, text in texts(bank)
        if isinstance(text, dict) and isinstance(text.get("ja"), str)
        for match in [STRAY_SPACE.search(text["ja"])]
        if match
    ]


# ---------------------------------------------------------------- the walk itself


def test_the_walk_finds_every_kind_of_text_field(shipped_bank: Bank) -> None:
    """Texts at every depth and in every container shape the format has are reached."""
    found = {re.sub(r"\[[^\]]*\]", "[]", path) for path, _ in texts(shipped_bank)}
    for expected in (
        "info.title",
        "info.scale[].label",
        "dimensions[].description",
        "sections[].intro",
        "sections[].questions[].text",
        "sections[].questions[].help",
        "sections[].questions[].options[].label",
        "sections[].questions[].levels[]",
        "sections[].questions[].capability.title",
        "sections[].questions[].unit",
        "sections[].questions[].activities[].title",
        "sections[].questions[].roles[].title",
        "rules[].remedy",
        "rules[].variants[].why",
        "symptoms[].title",
        "use_case.criteria[].reason",
        "approaches[].strengths[]",
        "recommendations[].why",
    ):
        assert expected in found, f"the walk misses {expected}"
    # Ids, conditions and references are not texts.
    assert not any(p.endswith((".id", ".question", ".addresses[]")) for p in found)


def test_an_untranslated_or_folded_text_is_caught() -> None:
    dimension = Dimension(
        id="x", title="Plain English only", group="team", description={"en": "a", "ja": "あ"}
    )
    assert missing_japanese(dimension) == ["title"]
    question = Question(
        id="q",
        type="single",
        text={"en": "Q?", "ja": "質問です。"},
        help={"en": "Help", "ja": "説明が 折り返されています。"},
        options=[
            Option(id="a", label={"en": "A"}),
            Option(id="b", label={"en": "B", "ja": "ビー"}),
        ],
    )
    assert missing_japanese(question) == ["options[a].label"]
    assert stray_spaces(question) == ["help: …が 折…"]
    # Spaces beside Latin letters and digits are ordinary Japanese typography.
    assert not STRAY_SPACE.search("Why → What → How → Riskの順に、MLOps チームで 3 か月")


# ---------------------------------------------------------------- the shipped bank


def test_the_shipped_bank_offers_japanese(shipped_bank: Bank) -> None:
    assert "ja" in shipped_bank.info.languages


def test_every_text_of_the_shipped_bank_has_japanese(shipped_bank: Bank) -> None:
    missing = missing_japanese(shipped_bank)
    if missing:
        pytest.fail(
            f"{len(missing)} texts of the shipped bank have no Japanese (ja):\n  "
            + "\n  ".join(missing)
        )


def test_no_japanese_text_has_stray_spaces(shipped_bank: Bank) -> None:
    stray = stray_spaces(shipped_bank)
    if stray:
        pytest.fail(
            "Japanese texts with ASCII spaces between Japanese characters (a folded YAML "
            "block broken inside a sentence? keep each ja text on one line):\n  "
            + "\n  ".join(stray)
        )
