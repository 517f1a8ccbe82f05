"""Single choice: one option id; options may carry a maturity ``level``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from assessment.errors import shorten
from assessment.i18n import translator
from assessment.models import Question, QuestionCondition, ScaleLevel, localize
from assessment.types.base import (
    GENERIC_OPERATORS,
    AnswerProblems,
    Checked,
    OptionCount,
    at_least_or_most,
    described,
    key_line,
    levels_spread,
    listed,
    nominal,
)

OPERATORS = GENERIC_OPERATORS | {"equals", "in_", "at_least", "at_most"}


def check(q: Question, value: Any, lang: str = "en") -> Checked:
    ids = [o.id for o in q.options]
    if isinstance(value, str) and value in ids:
        return value, []
    _ = translator(lang).gettext
    options = listed(ids, lang)
    if not isinstance(value, str):
        message = _("expected one option id of {options}, found {found}")
        return None, [((), message.format(options=options, found=described(value, lang)))]
    message = _("'{value}' is not an option of '{question}'; expected one of {options}")
    return None, [((), message.format(value=shorten(value), question=q.id, options=options))]


def level(q: Question, value: Any) -> float | None:
    option = q.option(value)
    return option.level if option is not None else None


def answer_text(q: Question, value: Any, lang: str) -> str:
    option = q.option(value)
    return localize(option.label, lang) if option else str(value)


def holds(cond: QuestionCondition, q: Question, value: Any) -> bool:
    op = cond.operator
    if op == "equals":
        return bool(value == cond.equals)
    if op == "in_":
        return bool(value in (cond.in_ or []))
    if op in ("at_least", "at_most") and isinstance(value, str):
        option = q.option(value)
        return at_least_or_most(cond, option.level if option is not None else None)
    return False


def _has_levels(q: Question) -> bool:
    return any(o.level is not None for o in q.options)


def condition_problems(cond: QuestionCondition, q: Question) -> list[tuple[str, str]]:
    op = cond.operator
    if op in ("at_least", "at_most") and not _has_levels(q):
        return [(op, f"question '{q.id}' has no option levels to compare")]
    return []


def bank_problems(q: Question) -> AnswerProblems:
    if q.dimension is not None and not _has_levels(q):
        return [(("dimension",), "a scored single question needs a level on its options")]
    return []


def answer_nodes(q: Question) -> int:
    return 2 + len(q.options)


def template_hint(q: Question, lang: str) -> str:
    return translator(lang).gettext("one option id")


def template_lines(q: Question, scale: Sequence[ScaleLevel], lang: str) -> list[str]:
    return [*(f"  #   {o.id}: {localize(o.label, lang)}" for o in q.options), key_line(q)]


def disagreement(q: Question, given: Sequence[Any], levels: Sequence[float] | None) -> float | None:
    if _has_levels(q):
        if levels is None:
            levels = [lv for lv in (level(q, a) for a in given) if lv is not None]
        if len(levels) >= 2:
            return levels_spread(levels)
    return nominal(Counter(given), len(q.options), len(given))


def counts(q: Question, given: Sequence[Any], scale: Sequence[ScaleLevel]) -> list[OptionCount]:
    tally = Counter(given)
    return [OptionCount(o.id, localize(o.label), tally.get(o.id, 0)) for o in q.options]


def numbers(given: Sequence[Any]) -> list[float]:
    return []
