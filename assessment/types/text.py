"""Free text: never scored, never "don't know"; at most ``max_length`` characters."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from assessment.i18n import translator
from assessment.models import Question, QuestionCondition, ScaleLevel
from assessment.types.base import AnswerProblems, Checked, OptionCount, described, key_line

OPERATORS = frozenset({"answered"})


def check(q: Question, value: Any, lang: str = "en") -> Checked:
    _ = translator(lang).gettext
    if not isinstance(value, str):
        return None, [((), _("expected text, found {found}").format(found=described(value, lang)))]
    if len(value) > q.max_length:
        message = _("is {length} characters long; the limit is {limit}")
        return None, [((), message.format(length=len(value), limit=q.max_length))]
    return value, []


def level(q: Question, value: Any) -> float | None:
    return None


def answer_text(q: Question, value: Any, lang: str) -> str:
    return str(value)


def holds(cond: QuestionCondition, q: Question, value: Any) -> bool:
    return False


def condition_problems(cond: QuestionCondition, q: Question) -> list[tuple[str, str]]:
    return []


def bank_problems(q: Question) -> AnswerProblems:
    return []


def answer_nodes(q: Question) -> int:
    return 2


def template_hint(q: Question, lang: str) -> str:
    return translator(lang).gettext("free text in quotes (never scored)")


def template_lines(q: Question, scale: Sequence[ScaleLevel], lang: str) -> list[str]:
    return [key_line(q)]


def disagreement(q: Question, given: Sequence[Any], levels: Sequence[float] | None) -> float | None:
    return None


def counts(q: Question, given: Sequence[Any], scale: Sequence[ScaleLevel]) -> list[OptionCount]:
    return []


def numbers(given: Sequence[Any]) -> list[float]:
    return []
