"""Question types in one place: a registry from type name to the module that knows it.

Each module (:mod:`~assessment.types.single`, :mod:`~assessment.types.multi`,
:mod:`~assessment.types.scale`, :mod:`~assessment.types.number`,
:mod:`~assessment.types.text`, :mod:`~assessment.types.raci`) provides a
:class:`~assessment.types.base.QuestionKind`: its answer check, the level an answer
means, the answer in words, the condition operators that apply and what they test, its
bank cross-checks, its answers-template lines and its workshop aggregation. The loader,
conditions, scoring, the template and the workshop ask the registry instead of testing
``q.type`` themselves; the UI's widgets (:mod:`assessment.ui.widgets`) do the same.

The functions here hold the rules shared by every type: an empty answer (``None``) is
unanswered, "don't know" is accepted where the question offers it, and neither reaches a
type module. docs/BANK_FORMAT.md ("Adding a question type") says how to add one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assessment.i18n import translator
from assessment.models import DONT_KNOW, Question
from assessment.types import multi, number, raci, scale, single, text
from assessment.types.base import AnswerProblems, Checked, OptionCount, QuestionKind

REGISTRY: Mapping[str, QuestionKind] = {
    "single": single,
    "multi": multi,
    "scale": scale,
    "number": number,
    "text": text,
    "raci": raci,
}
"""Type name (a question's ``type`` in a bank) → the module that implements it."""


def kind_of(q: Question) -> QuestionKind:
    """The module that knows ``q``'s type."""
    return REGISTRY[q.type]


def check_value(q: Question, value: Any, lang: str = "en") -> Checked:
    """Check one answer against its question: (normalised value or None, problems).

    ``None`` (an empty answer) means unanswered and is accepted. Problems carry the
    sub-path inside the answer (for RACI cells) and a plain message, in ``lang``.
    """
    if value is None:
        return None, []
    if value == DONT_KNOW:
        if q.offers_dont_know:
            return DONT_KNOW, []
        message = translator(lang).gettext("question '{question}' does not offer \"don't know\"")
        return None, [((), message.format(question=q.id))]
    return REGISTRY[q.type].check(q, value, lang)


def question_level(q: Question, value: Any) -> float | None:
    """The maturity level 0–4 an answer means, or None when it carries none."""
    if value is None or value == DONT_KNOW:
        return None
    return REGISTRY[q.type].level(q, value)


def answer_text(q: Question, value: Any, lang: str = "en") -> str:
    """An answer in the words the person saw, in ``lang``."""
    if value is None:
        return translator(lang).gettext("not answered")
    if value == DONT_KNOW:
        return translator(lang).gettext("don't know")
    return REGISTRY[q.type].answer_text(q, value, lang)


__all__ = [
    "REGISTRY",
    "AnswerProblems",
    "Checked",
    "OptionCount",
    "QuestionKind",
    "answer_text",
    "check_value",
    "kind_of",
    "question_level",
]
