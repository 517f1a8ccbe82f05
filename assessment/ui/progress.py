"""How far the person has got: answered / shown questions, overall and per section.

This is bookkeeping for the questionnaire, not scoring: a question counts as done when it
holds any accepted answer, "don't know" included (so the bar moves on), and how many of
those were "don't know" is counted and said. "Questions" means the same as on every other
surface (the result's ``total``): the questions currently shown, those whose ``show_if``
holds; more may appear as answers make them relevant.

How long it takes is measured, not guessed (:func:`seconds_for`): the words a person reads
on screen for a question (its text, its choices or level descriptions, the matrix's
activities and roles) at :data:`READING_WPM`, plus the time to choose, by question type.
For the shipped bank (81 questions, ~4,200 words on screen and ~1,900 more behind "Why we
ask") that is about half an hour: the Start page says "about 25–35 minutes"
(:func:`estimate_range`) and the questionnaire the minutes left (:func:`minutes_left`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

from assessment.conditions import visible_questions
from assessment.i18n import translator
from assessment.models import DONT_KNOW, Bank, Question, ScaleLevel, Section, Text, localize
from assessment.ui.language import current

T = TypeVar("T")

READING_WPM = 230
"""Words per minute read on screen while choosing (careful reading, not skimming)."""
CHOOSING_SECONDS = {"single": 6, "scale": 8, "multi": 10, "number": 10, "text": 30}
"""Seconds to decide once the question is read, by type (a free text is typed)."""
RACI_CELL_SECONDS = 3
"""Seconds per cell of a responsibility matrix."""


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
        """``12 of 77 questions answered (3 "don't know")``: the sidebar's progress text,
        in the session's language."""
        lang = current()
        _ = translator(lang).gettext
        answered, total = count(self.answered, lang), count(self.total, lang)
        if self.dont_know:
            return _('{answered} of {total} questions answered ({dont_know} "don\'t know")').format(
                answered=answered, total=total, dont_know=count(self.dont_know, lang)
            )
        return _("{answered} of {total} questions answered").format(answered=answered, total=total)

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
    """Answered, shown and "don't know" per section (every answer's run says them)."""
    visible = frozenset(visible_questions(bank, values))
    titles = _section_titles(bank, current())
    sections = []
    for i, (section, ids) in enumerate(_section_ids(bank)):
        total = answered = dont_know = 0
        for qid in ids:
            if qid in visible:
                total += 1
                value = values.get(qid)
                if value is not None:
                    answered += 1
                    dont_know += value == DONT_KNOW
        sections.append(SectionProgress(i, section.id, titles[i], answered, total, dont_know))
    return Progress(sections, visible)


_BY_BANK: dict[tuple[str, int, str], tuple[Bank, Any]] = {}


def _once(what: str, bank: Bank, build: Callable[[], T], lang: str = "") -> T:
    """``build()`` for ``bank`` (and ``lang``), worked out once: an answer's run asks for
    these every time, and a bank does not change while the process runs (a bank loaded
    again is another object, so it is worked out again)."""
    key = (what, id(bank), lang)
    cached = _BY_BANK.get(key)
    if cached is None or cached[0] is not bank:
        if len(_BY_BANK) > 256:
            _BY_BANK.clear()
        cached = _BY_BANK[key] = (bank, build())
    found: T = cached[1]
    return found


def _section_titles(bank: Bank, lang: str) -> tuple[str, ...]:
    """The sections' titles in ``lang``."""
    return _once(
        "titles", bank, lambda: tuple(localize(s.title, lang) for s in bank.sections), lang
    )


def _section_ids(bank: Bank) -> list[tuple[Section, tuple[str, ...]]]:
    """Each section with its question ids, in order."""
    return _once(
        "ids", bank, lambda: [(s, tuple(q.id for q in s.questions)) for s in bank.sections]
    )


def conditional_questions(bank: Bank) -> bool:
    """Whether some questions appear only when an earlier answer makes them relevant."""
    return any(q.show_if is not None for q in bank.questions.values())


def _words(*texts: Text | None) -> int:
    return sum(len(localize(t).split()) for t in texts if t)


def seconds_for(q: Question, scale: Sequence[ScaleLevel]) -> float:
    """How long ``q`` takes: reading what it shows, then choosing (see the module doc)."""
    words = _words(q.text) + _words(*(o.label for o in q.options))
    if q.type == "scale":
        levels = q.levels or {}
        words += sum(
            _words(level.label) + _words(levels.get(level.level) or level.description)
            for level in scale
        )
    if q.type == "raci":
        words += _words(*(a.title for a in q.activities)) + _words(*(r.title for r in q.roles))
        choosing = RACI_CELL_SECONDS * len(q.activities) * len(q.roles)
    else:
        choosing = CHOOSING_SECONDS.get(q.type, 10)
    return words * 60 / READING_WPM + choosing


def _minutes(questions: Iterable[Question], scale: Sequence[ScaleLevel]) -> float:
    return sum(seconds_for(q, scale) for q in questions) / 60


def estimate_range(bank: Bank) -> tuple[int, int]:
    """The Start page's "about LOW–HIGH minutes" for every question of ``bank``.

    The measured time ±15 % (people read and think at different speeds), each end rounded
    to 5 minutes; section introductions count as read.
    """
    minutes = (
        _minutes(bank.questions.values(), bank.info.scale)
        + sum(_words(s.title, s.intro) for s in bank.sections) / READING_WPM
    )
    low = max(5, 5 * round(minutes * 0.85 / 5))
    high = max(low + 5, 5 * round(minutes * 1.15 / 5))
    return low, high


def _seconds_by_question(bank: Bank) -> dict[str, float]:
    """:func:`seconds_for` of every question of ``bank``, worked out once per bank.

    The questionnaire says the minutes left after every answer (in the answer's own
    fragment run, assessment.ui.reruns); counting the words each time cost ~1.4 ms of the
    server's time per answer on the shipped bank.
    """
    return _once(
        "seconds",
        bank,
        lambda: {qid: seconds_for(q, bank.info.scale) for qid, q in bank.questions.items()},
    )


def minutes_left(bank: Bank, values: Mapping[str, Any], visible: Iterable[str]) -> int:
    """Minutes the questions shown and not yet answered take, rounded up (0 when done)."""
    seconds = _seconds_by_question(bank)
    left = sum(seconds[qid] for qid in visible if qid in seconds and values.get(qid) is None)
    return math.ceil(left / 60) if left else 0


def time_left_text(minutes: int, lang: str | None = None) -> str:
    """``about 1 minute left``, ``about 12 minutes left`` (in ``lang``, by default the
    session's language)."""
    lang = lang or current()
    message = translator(lang).ngettext("about {n} minute left", "about {n} minutes left", minutes)
    return message.format(n=count(minutes, lang))


@lru_cache(maxsize=2048)
def count(n: int, lang: str) -> str:
    """A whole number as ``lang`` writes it (``1,234``), worked out once per number.

    Babel formats a number in ~0.05–0.1 ms; the questionnaire says half a dozen counts
    after every answer (its own fragment run, assessment.ui.reruns)."""
    return translator(lang).number(n)
