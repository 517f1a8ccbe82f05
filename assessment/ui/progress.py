"""How far the person has got: answered / shown questions, overall and per section.

This is bookkeeping for the questionnaire, not scoring: a question counts as done when it
holds any accepted answer, "don't know" included (so the bar moves on), and how many of
those were "don't know" is counted and said. "Questions" means the same as on every other
surface (the result's ``total``): the questions currently shown, those whose ``show_if``
holds; more may appear as answers make them relevant.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from assessment.conditions import visible_questions
from assessment.models import DONT_KNOW, Bank, Question, Section, localize


@dataclass(frozen=True)
class SectionProgress:
    index: int
    id: str
    title: str
    answered: int
    total: int
    dont_know: int = 0

    @property
    def done(self) -> bool:
        return self.total > 0 and self.answered >= self.total


@dataclass(frozen=True)
class Progress:
    sections: list[SectionProgress]
    visible: frozenset[str]

    @property
    def answered(self) -> int:
        return sum(s.answered for s in self.sections)

    @property
    def total(self) -> int:
        return sum(s.total for s in self.sections)

    @property
    def dont_know(self) -> int:
        """How many of the answered questions were answered "don't know"."""
        return sum(s.dont_know for s in self.sections)

    @property
    def line(self) -> str:
        """``12 of 77 questions answered (3 "don't know")``: the sidebar's progress text."""
        text = f"{self.answered} of {self.total} questions answered"
        if self.dont_know:
            text += f' ({self.dont_know} "don\'t know")'
        return text

    @property
    def share(self) -> float:
        return self.answered / self.total if self.total else 0.0

    def first_open_section(self) -> int:
        """The first section with an unanswered question (where the person left off)."""
        for s in self.sections:
            if not s.done:
                return s.index
        return len(self.sections) - 1


def shown_questions(section: Section, visible: frozenset[str]) -> list[Question]:
    return [q for q in section.questions if q.id in visible]


def progress(bank: Bank, values: Mapping[str, Any]) -> Progress:
    visible = frozenset(visible_questions(bank, values))
    sections = []
    for i, section in enumerate(bank.sections):
        shown = shown_questions(section, visible)
        answered = sum(1 for q in shown if values.get(q.id) is not None)
        dont_know = sum(1 for q in shown if values.get(q.id) == DONT_KNOW)
        sections.append(
            SectionProgress(i, section.id, localize(section.title), answered, len(shown), dont_know)
        )
    return Progress(sections, visible)


def conditional_questions(bank: Bank) -> bool:
    """Whether some questions appear only when an earlier answer makes them relevant."""
    return any(q.show_if is not None for q in bank.questions.values())
