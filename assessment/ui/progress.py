"""How far the person has got: answered / shown questions, overall and per section.

This is bookkeeping for the questionnaire, not scoring: a question counts as answered when
it holds any accepted answer, "don't know" included, and only questions currently shown
(their ``show_if`` holds) are counted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from assessment.conditions import visible_questions
from assessment.models import Bank, Question, Section, localize


@dataclass(frozen=True)
class SectionProgress:
    index: int
    id: str
    title: str
    answered: int
    total: int

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
        sections.append(
            SectionProgress(i, section.id, localize(section.title), answered, len(shown))
        )
    return Progress(sections, visible)
