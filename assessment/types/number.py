"""Number: bounded by ``min`` / ``max``, whole by default; ``bands`` map values to levels."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from typing import Any

from assessment.models import Question, QuestionCondition, ScaleLevel, localize
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
    number_text,
)

OPERATORS = GENERIC_OPERATORS | {"at_least", "at_most"}


def check(q: Question, value: Any) -> Checked:
    if not is_number(value) or not math.isfinite(value):
        return None, [((), f"expected a number, found {described(value)}")]
    if q.integer and value != int(value):
        return None, [((), f"expected a whole number, found {value}")]
    if q.min is not None and value < q.min:
        return None, [((), f"expected at least {number_text(q.min)}, found {number_text(value)}")]
    if q.max is not None and value > q.max:
        return None, [((), f"expected at most {number_text(q.max)}, found {number_text(value)}")]
    return (int(value) if q.integer else float(value)), []


def level(q: Question, value: Any) -> float | None:
    for band in q.bands:
        if (band.min is None or value >= band.min) and (band.max is None or value <= band.max):
            return band.level
    return None


def answer_text(q: Question, value: Any, lang: str) -> str:
    unit = f" {localize(q.unit, lang)}" if q.unit else ""
    return f"{value:g}{unit}" if isinstance(value, float) else f"{value}{unit}"


def holds(cond: QuestionCondition, q: Question, value: Any) -> bool:
    return at_least_or_most(cond, float(value) if is_number(value) else None)


def condition_problems(cond: QuestionCondition, q: Question) -> list[tuple[str, str]]:
    return []


def bank_problems(q: Question) -> AnswerProblems:
    return []


def answer_nodes(q: Question) -> int:
    return 2


def bounds_hint(q: Question) -> str:
    """ "A whole number from 0 to 500 (people)." — what the widget and template say."""
    kind = "A whole number" if q.integer else "A number"
    if q.min is not None and q.max is not None:
        hint = f"{kind} from {q.min:g} to {q.max:g}"
    elif q.min is not None:
        hint = f"{kind}, at least {q.min:g}"
    elif q.max is not None:
        hint = f"{kind}, at most {q.max:g}"
    else:
        hint = kind
    unit = localize(q.unit)
    return f"{hint} ({unit})." if unit else f"{hint}."


def template_hint(q: Question) -> str:
    bounds = []
    if q.min is not None:
        bounds.append(f"≥ {q.min:g}")
    if q.max is not None:
        bounds.append(f"≤ {q.max:g}")
    whole = "a whole number" if q.integer else "a number"
    return whole + (f" ({', '.join(bounds)})" if bounds else "")


def template_lines(q: Question, scale: Sequence[ScaleLevel]) -> list[str]:
    return [key_line(q)]


def disagreement(q: Question, given: Sequence[Any], levels: Sequence[float] | None) -> float | None:
    """Banded numbers disagree by level; others by spread relative to their size."""
    if q.bands:
        if levels is None:
            levels = [lv for lv in (level(q, a) for a in given) if lv is not None]
        if len(levels) >= 2:
            return levels_spread(levels)
    values = [float(a) for a in given]
    mean = statistics.fmean(values)
    return min(1.0, statistics.pstdev(values) / (abs(mean) + 1))


def counts(q: Question, given: Sequence[Any], scale: Sequence[ScaleLevel]) -> list[OptionCount]:
    return []


def numbers(given: Sequence[Any]) -> list[float]:
    return sorted(float(a) for a in given)
