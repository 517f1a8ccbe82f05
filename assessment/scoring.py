"""Facts, dimension scores, maturity levels, completeness and the top-down / bottom-up call.

Semantics (DESIGN.md §4): each scored question yields a level 0–4; a dimension's score is
the weighted mean level × 25, with "don't know" left out of the mean but counted. The
approach is the weighted mean of the chosen options' signed weights (+ top-down), with a
band around zero called ``mixed`` and too few signals called ``undetermined``.

What the answers say before any judgement, which questions are shown and the level of
each answer, is computed once per assessment (:class:`Facts`) and read by scoring,
findings, recommendations and the workshop alike.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from assessment.conditions import visible_questions
from assessment.models import (
    DONT_KNOW,
    ApproachLabel,
    ApproachResult,
    Bank,
    DimensionScore,
    Evidence,
    Question,
    localize,
)
from assessment.types import REGISTRY, raci

# The level and the words of an answer belong to its type (assessment.types); importable
# from here too, where scoring's callers have always found them.
from assessment.types import answer_text as answer_text
from assessment.types import question_level as question_level


@dataclass(frozen=True, slots=True)
class Facts:
    """What one set of answers says, computed once (:meth:`of`) and read by every step.

    Only shown questions count: a hidden question's answer is dropped from ``values``,
    so nothing downstream can read it by mistake.
    """

    values: Mapping[str, Any]
    """Answers of the visible questions, "don't know" included."""
    visible: frozenset[str]
    """Ids of the questions shown for these answers (``show_if`` holds)."""
    levels: Mapping[str, float]
    """Level 0–4 of each visible answer that carries one (not "don't know", not text)."""

    @classmethod
    def of(cls, bank: Bank, answers: Mapping[str, Any]) -> Facts:
        """Visibility, then the level of every visible answer: once per assessment."""
        visible = visible_questions(bank, answers)
        values: dict[str, Any] = {}
        levels: dict[str, float] = {}
        questions = bank.questions
        for qid, value in answers.items():
            if qid not in visible:
                continue
            values[qid] = value
            if value is None or (value.__class__ is str and value == DONT_KNOW):
                continue
            q = questions[qid]
            level = REGISTRY[q.type].level(q, value)
            if level is not None:
                levels[qid] = level
        return cls(values, visible, levels)


def raci_health(q: Question, matrix: Mapping[str, Mapping[str, str]]) -> float:
    """Share of activities with an Accountable and a Responsible role (see types.raci)."""
    return raci.health(q, matrix)


def level_of(score: float | None) -> int | None:
    """0–4 from a 0–100 score: a level is reached only when fully reached (floor)."""
    if score is None:
        return None
    return min(4, math.floor(score / 25 + 1e-9))


def dimension_levels(bank: Bank, facts: Facts) -> dict[str, tuple[float | None, int, int, int]]:
    """Per dimension: (weighted mean level or None, answered, don't know, total).

    Plain tuples, no models: the workshop aggregates hundreds of participants with this.
    """
    sums: dict[str, list[float]] = {d.id: [0.0, 0.0, 0, 0, 0] for d in bank.dimensions}
    visible, values, levels = facts.visible, facts.values, facts.levels
    for q in bank.scored_questions:
        qid = q.id
        if qid not in visible:
            continue
        acc = sums[q.dimension or ""]
        acc[4] += 1
        level = levels.get(qid)
        if level is None:
            value = values.get(qid)
            if value is not None and value.__class__ is str and value == DONT_KNOW:
                acc[3] += 1
            continue
        acc[0] += level * q.weight
        acc[1] += q.weight
        acc[2] += 1
    return {
        dim: ((w_sum / w) if w else None, int(n), int(unknown), int(total))
        for dim, (w_sum, w, n, unknown, total) in sums.items()
    }


def dimension_scores(
    bank: Bank,
    facts: Facts,
    targets: Mapping[str, int] | None = None,
    ceilings: Mapping[str, tuple[float, str]] | None = None,
    lang: str = "en",
) -> list[DimensionScore]:
    """Each dimension's score; ``ceilings`` cap a dimension a verdict disagrees with."""
    levels = dimension_levels(bank, facts)
    result = []
    for d in bank.dimensions:
        mean, answered, unknown, total = levels[d.id]
        score = round(mean * 25, 1) if mean is not None else None
        ceiling, reason = (ceilings or {}).get(d.id, (None, None))
        if score is None or ceiling is None or score <= ceiling:
            ceiling, reason = None, None
        else:
            score = ceiling
        result.append(
            DimensionScore(
                id=d.id,
                title=localize(d.title, lang),
                group=d.group,
                score=score,
                level=level_of(score),
                target=(targets or {}).get(d.id),
                answered=answered,
                unknown=unknown,
                total=total,
                ceiling=ceiling,
                ceiling_reason=reason,
            )
        )
    return result


def completeness(bank: Bank, facts: Facts) -> tuple[int, int, int, int]:
    """(answered, don't know, unanswered, total) over every question asked (shown).

    The one definition of "questions" used by every surface: the questionnaire's
    progress, the Results page, the PDF, Markdown, JSON and CSV. "Don't know" is counted
    apart from answered, so a questionnaire full of "don't know" never reads as complete.
    """
    answered = dont_know = total = 0
    values, visible = facts.values, facts.visible
    for qid in bank.questions:
        if qid not in visible:
            continue
        total += 1
        value = values.get(qid)
        if value is None:
            continue
        if value == DONT_KNOW:
            dont_know += 1
        else:
            answered += 1
    return answered, dont_know, total - answered - dont_know, total


def approach_signals(bank: Bank, facts: Facts) -> tuple[float, int, int, list[tuple[str, float]]]:
    """(score −1…+1, answered signals, total signals, [(question id, signal)])."""
    values, visible = facts.values, facts.visible
    numerator = denominator = 0.0
    signals = total = 0
    moved: list[tuple[str, float]] = []
    for q in bank.approach_questions:
        qid = q.id
        if qid not in visible:
            continue
        total += 1
        value = values.get(qid)
        if value is None or value == DONT_KNOW:
            continue
        options = q.option_map
        chosen = [value] if isinstance(value, str) else value
        weights = [
            w for w in (options[c].approach for c in chosen if c in options) if w is not None
        ]
        if not weights:
            continue
        signal = sum(weights) / len(weights)
        signals += 1
        numerator += signal * q.approach_weight
        denominator += q.approach_weight
        if signal:
            moved.append((qid, signal))
    score = max(-1.0, min(1.0, numerator / denominator)) if denominator else 0.0
    return score, signals, total, moved


def approach_label(bank: Bank, score: float, signals: int) -> ApproachLabel:
    info = bank.info
    if signals < info.approach_min_signals:
        return "undetermined"
    if abs(score) < info.approach_band:
        return "mixed"
    return "top-down" if score > 0 else "bottom-up"


def classify_approach(bank: Bank, facts: Facts, lang: str = "en") -> ApproachResult:
    score, signals, total, moved = approach_signals(bank, facts)
    info = bank.info
    label = approach_label(bank, score, signals)
    coverage = signals / total if total else 0.0
    if label == "undetermined":
        confidence = 0.0
    elif label == "mixed":
        confidence = coverage * (1 - abs(score) / info.approach_band) ** 0.5
    else:
        margin = min(1.0, (abs(score) - info.approach_band) / (1 - info.approach_band) + 0.5)
        confidence = coverage * margin
    moved.sort(key=lambda item: -abs(item[1] * bank.questions[item[0]].approach_weight))
    return ApproachResult(
        label=label,
        score=round(score, 3),
        confidence=round(max(0.0, min(1.0, confidence)), 3),
        signals=signals,
        total_signals=total,
        evidence=[
            make_evidence(bank.questions[qid], facts.values[qid], round(signal, 3), lang)
            for qid, signal in moved[:8]
        ],
    )


def make_evidence(
    q: Question, value: Any, weight: float | None = None, lang: str = "en"
) -> Evidence:
    """One answer behind a finding: the question and the answer in ``lang``'s words."""
    return Evidence(
        question=q.id,
        answer=value,
        text=localize(q.text, lang),
        answer_text=answer_text(q, value, lang),
        weight=weight,
    )
