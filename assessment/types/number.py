"""Number: bounded by ``min`` / ``max``, whole by default; ``bands`` map values to levels."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from typing import Any

from assessment.i18n import translator
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


def check(q: Question, value: Any, lang: str = "en") -> Checked:
    _ = translator(lang).gettext
    if not is_number(value) or not math.isfinite(value):
        message = _("expected a number, found {found}")
        return None, [((), message.format(found=described(value, lang)))]
    if q.integer and value != int(value):
        return None, [((), _("expected a whole number, found {found}").format(found=value))]
    found = number_text(value)
    if q.min is not None and value < q.min:
        message = _("expected at least {min}, found {found}")
        return None, [((), message.format(min=number_text(q.min), found=found))]
    if q.max is not None and value > q.max:
        message = _("expected at most {max}, found {found}")
        return None, [((), message.format(max=number_text(q.max), found=found))]
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


def bounds_hint(q: Question, lang: str = "en") -> str:
    """ "A whole number from 0 to 500 (people)." — what the widget and template say."""
    _ = translator(lang).gettext
    kind = _("A whole number") if q.integer else _("A number")
    if q.min is not None and q.max is not None:
        hint = _("{kind} from {min} to {max}").format(kind=kind, min=f"{q.min:g}", max=f"{q.max:g}")
    elif q.min is not None:
        hint = _("{kind}, at least {min}").format(kind=kind, min=f"{q.min:g}")
    elif q.max is not None:
        hint = _("{kind}, at most {max}").format(kind=kind, max=f"{q.max:g}")
    else:
        hint = kind
    unit = localize(q.unit, lang)
    if unit:
        return _("{hint} ({unit}).").format(hint=hint, unit=unit)
    return _("{hint}.").format(hint=hint)


def template_hint(q: Question, lang: str) -> str:
    bounds = []
    if q.min is not None:
        bounds.append(f"≥ {q.min:g}")
    if q.max is not None:
        bounds.append(f"≤ {q.max:g}")
    _ = translator(lang).gettext
    whole = _("a whole number") if q.integer else _("a number")
    return whole + (f" ({', '.join(bounds)})" if bounds else "")


def template_lines(q: Question, scale: Sequence[ScaleLevel], lang: str) -> list[str]:
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
