"""Workshop maths: aggregate a room's answers, find where people disagree, guard anonymity.

Pure functions over plain answer dicts, so the shared screen, the tests and the benchmark
(500 participants in well under 100 ms) use the same code. Nothing here identifies a
participant: results are counts, medians and spreads, and below the anonymity threshold
they are withheld altogether.

The threshold is always compared with the number of people who answered *the thing
shown*, never with the number who joined: a distribution over three people of whom two
have not answered is one person's answer. So a question's counts need that many answers
to it, a dimension that many people with a score in it, and the approach spread that
many people who answered at least one question that signals the approach (someone who
answered none is not "undetermined", they are simply not counted).
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from assessment.models import DONT_KNOW, Bank, Question, localize
from assessment.scoring import (
    Facts,
    approach_label,
    approach_signals,
    dimension_levels,
)
from assessment.types import REGISTRY
from assessment.types import OptionCount as OptionCount  # re-exported: the screen reads it

JOIN_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud, typed on a phone
JOIN_CODE_LENGTH = 6


@dataclass(frozen=True, slots=True)
class DimensionSpread:
    id: str
    title: str
    group: str
    n: int
    median: float | None
    q1: float | None
    q3: float | None
    low: float | None
    high: float | None


@dataclass(frozen=True, slots=True)
class QuestionSpread:
    id: str
    section: str
    text: str
    type: str
    answered: int
    """Answers other than "don't know"."""
    unknown: int | None
    """"Don't know" answers; None (withheld) while fewer than the threshold responded."""
    disagreement: float | None
    median_level: float | None
    counts: list[OptionCount] = field(default_factory=list)
    responses: int = 0
    """Everyone who responded, "don't know" included: a count of people, always shown."""
    values: list[float] = field(default_factory=list)
    """Number questions: every value given, smallest first (withheld like the counts)."""
    median: float | None = None
    """Number questions: the median value (withheld like the counts)."""
    low: float | None = None
    """Number questions: the smallest value given (withheld like the counts)."""
    high: float | None = None
    """Number questions: the largest value given (withheld like the counts)."""


@dataclass(frozen=True, slots=True)
class SectionProgress:
    id: str
    title: str
    questions: int
    complete: int
    answered_share: float


@dataclass(frozen=True, slots=True)
class Aggregate:
    participants: int
    threshold: int
    dimensions: list[DimensionSpread]
    questions: dict[str, QuestionSpread]
    approaches: dict[str, int]
    progress: list[SectionProgress]
    approach_answered: int = 0
    """People who answered at least one question that signals the approach."""

    @property
    def shown(self) -> bool:
        """Whether the room is large enough to show any aggregate at all."""
        return self.participants >= self.threshold

    def disagreements(self, limit: int | None = None) -> list[QuestionSpread]:
        """Questions with the widest spread first: the topics to discuss."""
        ranked = [
            q
            for q in self.questions.values()
            if q.disagreement is not None and q.answered >= max(2, self.threshold)
        ]
        ranked.sort(key=lambda q: (-(q.disagreement or 0), -q.answered))
        return ranked[:limit] if limit else ranked


def _quartiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) == 1:
        return values[0], values[0], values[0]
    q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, q2, q3


def disagreement(
    q: Question, answers: Sequence[Any], levels: Sequence[float] | None = None
) -> float | None:
    """0 (everyone agrees) … 1 (maximal disagreement) for one question's answers.

    Ordinal answers (maturity levels, options with levels, banded numbers) use the
    standard deviation of levels over its maximum (2 on a 0–4 scale); unordered choices
    use the normalised Gini–Simpson index; multiple choice averages 4p(1−p) per option;
    a RACI grid averages the index over its cells (each type says how: assessment.types).
    """
    given = [a for a in answers if a is not None and a != DONT_KNOW]
    if len(given) < 2:
        return None
    return REGISTRY[q.type].disagreement(q, given, levels)


def aggregate(bank: Bank, participants: Sequence[Mapping[str, Any]], threshold: int) -> Aggregate:
    """Combine participants' answers. Distributions are withheld below ``threshold``."""
    n = len(participants)
    dim_values: dict[str, list[float]] = {d.id: [] for d in bank.dimensions}
    per_question: dict[str, list[Any]] = {qid: [] for qid in bank.questions}
    levels: dict[str, list[float]] = {qid: [] for qid in bank.questions}
    unknown: Counter[str] = Counter()
    approaches: Counter[str] = Counter()
    section_done: Counter[str] = Counter()
    section_share: dict[str, float] = {s.id: 0.0 for s in bank.sections}
    section_of = {q.id: s.id for s in bank.sections for q in s.questions}
    section_size = {s.id: len(s.questions) for s in bank.sections}
    everyone_sees_all = bank.question_ids
    for answers in participants:
        facts = Facts.of(bank, answers)
        for qid, level in facts.levels.items():
            levels[qid].append(level)
        for dim, (mean, _, _, _) in dimension_levels(bank, facts).items():
            if mean is not None:
                dim_values[dim].append(mean * 25)
        score, signals, _, _ = approach_signals(bank, facts)
        if signals:
            approaches[approach_label(bank, score, signals)] += 1
        # Section progress: shown questions per section, and how many of them hold an answer.
        shown = dict(section_size)
        if facts.visible is not everyone_sees_all:
            for qid in everyone_sees_all - facts.visible:
                shown[section_of[qid]] -= 1
        answered = dict.fromkeys(section_size, 0)
        for qid, value in facts.values.items():  # visible answers only
            if value is None:
                continue
            answered[section_of[qid]] += 1
            if value == DONT_KNOW:
                unknown[qid] += 1
            else:
                per_question[qid].append(value)
        for sid, count in shown.items():
            if count:
                section_share[sid] += answered[sid] / count
                section_done[sid] += answered[sid] == count

    enough_people = n >= threshold
    approach_answered = sum(approaches.values())
    dimensions = []
    for d in bank.dimensions:
        scores = sorted(dim_values[d.id])
        if enough_people and len(scores) >= threshold and scores:
            q1, med, q3 = _quartiles(scores)
            dimensions.append(
                DimensionSpread(
                    d.id,
                    localize(d.title),
                    d.group,
                    len(scores),
                    med,
                    q1,
                    q3,
                    scores[0],
                    scores[-1],
                )
            )
        else:
            dimensions.append(
                DimensionSpread(
                    d.id, localize(d.title), d.group, len(scores), None, None, None, None, None
                )
            )
    questions: dict[str, QuestionSpread] = {}
    for section in bank.sections:
        for q in section.questions:
            given = per_question[q.id]
            kind = REGISTRY[q.type]
            responses = len(given) + unknown[q.id]
            enough = enough_people and len(given) >= threshold
            q_levels = levels[q.id]
            numbers = kind.numbers(given) if enough else []
            questions[q.id] = QuestionSpread(
                id=q.id,
                section=section.id,
                text=localize(q.text),
                type=q.type,
                answered=len(given),
                unknown=unknown[q.id] if enough_people and responses >= threshold else None,
                responses=responses,
                disagreement=disagreement(q, given, q_levels or None) if enough else None,
                median_level=statistics.median(q_levels) if enough and q_levels else None,
                counts=kind.counts(q, given, bank.info.scale) if enough else [],
                values=numbers,
                median=statistics.median(numbers) if numbers else None,
                low=numbers[0] if numbers else None,
                high=numbers[-1] if numbers else None,
            )
    progress = [
        SectionProgress(
            s.id,
            localize(s.title),
            len(s.questions),
            section_done[s.id],
            section_share[s.id] / n if n else 0.0,
        )
        for s in bank.sections
    ]
    return Aggregate(
        participants=n,
        threshold=threshold,
        dimensions=dimensions,
        questions=questions,
        approaches=dict(approaches) if enough_people and approach_answered >= threshold else {},
        progress=progress,
        approach_answered=approach_answered,
    )
