"""Maturity scale: a level 0–4 on the bank's scale; may mark a capability."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from assessment.i18n import translator
from assessment.models import DONT_KNOW, Question, QuestionCondition, ScaleLevel, localize
from assessment.types.base import (
    GENERIC_OPERATORS,
    AnswerProblems,
    Checked,
    OptionCount,
    at_least_or_most,
    described,
    is_number,
    key_line,
    levels_spread,
)

OPERATORS = GENERIC_OPERATORS | {"at_least", "at_most"}


def check(q: Question, value: Any, lang: str = "en") -> Checked:
    _ = translator(lang).gettext
    if not is_number(value) or value != int(value):
        message = _("expected a maturity level 0 to 4 or '{dont_know}', found {found}")
        return None, [((), message.format(dont_know=DONT_KNOW, found=described(value, lang)))]
    if not 0 <= value <= 4:
        message = _("expected a maturity level 0 to 4, found {found}")
        return None, [((), message.format(found=value))]
    return int(value), []


def level(q: Question, value: Any) -> float | None:
    return float(value)


def answer_text(q: Question, value: Any, lang: str) -> str:
    _ = translator(lang).gettext
    if q.levels and int(value) in q.levels:
        return _("level {level}: {description}").format(
            level=value, description=localize(q.levels[int(value)], lang)
        )
    return _("level {level}").format(level=value)


def holds(cond: QuestionCondition, q: Question, value: Any) -> bool:
    return at_least_or_most(cond, float(value) if is_number(value) else None)


def condition_problems(cond: QuestionCondition, q: Question) -> list[tuple[str, str]]:
    return []


def bank_problems(q: Question) -> AnswerProblems:
    return []


def answer_nodes(q: Question) -> int:
    return 2


def template_hint(q: Question, lang: str) -> str:
    return translator(lang).gettext("a maturity level 0 to 4")


def template_lines(q: Question, scale: Sequence[ScaleLevel], lang: str) -> list[str]:
    lines = []
    for step in scale:
        desc = q.levels.get(step.level) if q.levels else None
        lines.append(f"  #   {step.level} = {localize(desc or step.label, lang)}")
    return [*lines, key_line(q)]


def disagreement(q: Question, given: Sequence[Any], levels: Sequence[float] | None) -> float | None:
    if levels is None:
        levels = [float(a) for a in given]
    return levels_spread(levels) if len(levels) >= 2 else None


def counts(q: Question, given: Sequence[Any], scale: Sequence[ScaleLevel]) -> list[OptionCount]:
    tally = Counter(int(a) for a in given)
    return [
        OptionCount(str(s.level), f"{s.level} · {localize(s.label)}", tally.get(s.level, 0))
        for s in scale
    ]


def numbers(given: Sequence[Any]) -> list[float]:
    return []
