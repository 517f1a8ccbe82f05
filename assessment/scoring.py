"""Dimension scores, maturity levels, completeness and the top-down / bottom-up call.

Semantics (DESIGN.md §4): each scored question yields a level 0–4; a dimension's score is
the weighted mean level × 25, with "don't know" left out of the mean but counted. The
approach is the weighted mean of the chosen options' signed weights (+ top-down), with a
band around zero called ``mixed`` and too few signals called ``undetermined``.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from typing import Any

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

# The level and the words of an answer belong to its type (assessment.types); importable
# from here too, where scoring's callers have always found them.
from assessment.types import answer_text as answer_text
from assessment.types import question_level as question_level
from assessment.types import raci


def raci_health(q: Question, matrix: Mapping[str, Mapping[str, str]]) -> float:
    """Share of activities with an Accountable and a Responsible role (see types.raci)."""
    return raci.health(q, matrix)


def level_of(score: float | None) -> int | None:
    """0–4 from a 0–100 score: a level is reached only when fully reached (floor)."""
    if score is None:
        return None
    return min(4, math.floor(score / 25 + 1e-9))


def dimension_levels(
    bank: Bank,
    values: Mapping[str, Any],
    visible: Collection[str],
    levels_out: dict[str, list[float]] | None = None,
) -> dict[str, tuple[float | None, int, int, int]]:
    """Per dimension: (weighted mean level or None, answered, don't know, total).

    Plain tuples, no models: the workshop aggregates hundreds of participants with this,
    and collects each question's level in ``levels_out`` to avoid computing it twice.
    """
    sums: dict[str, list[float]] = {d.id: [0.0, 0.0, 0, 0, 0] for d in bank.dimensions}
    for q in bank.scored_questions:
        if q.id not in visible:
            continue
        acc = sums[q.dimension or ""]
        acc[4] += 1
        value = values.get(q.id)
        if value is None:
            continue
        if value.__class__ is str and value == DONT_KNOW:
            acc[3] += 1
            continue
        level = question_level(q, value)
        if level is None:
            continue
        if levels_out is not None:
            levels_out[q.id].append(level)
        acc[0] += level * q.weight
        acc[1] += q.weight
        acc[2] += 1
    return {
        dim: ((w_sum / w) if w else None, int(n), int(unknown), int(total))
        for dim, (w_sum, w, n, unknown, total) in sums.items()
    }


def dimension_scores(
    bank: Bank,
    values: Mapping[str, Any],
    visible: Collection[str],
    targets: Mapping[str, int] | None = None,
    ceilings: Mapping[str, tuple[float, str]] | None = None,
) -> list[DimensionScore]:
    """Each dimension's score; ``ceilings`` cap a dimension a verdict disagrees with."""
    levels = dimension_levels(bank, values, visible)
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
                title=localize(d.title),
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


def completeness(
    bank: Bank, values: Mapping[str, Any], visible: Collection[str]
) -> tuple[int, int, int, int]:
    """(answered, don't know, unanswered, total) over every question asked (shown).

    The one definition of "questions" used by every surface: the questionnaire's
    progress, the Results page, the PDF, Markdown, JSON and CSV. "Don't know" is counted
    apart from answered, so a questionnaire full of "don't know" never reads as complete.
    """
    answered = dont_know = total = 0
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


def approach_signals(
    bank: Bank, values: Mapping[str, Any], visible: Collection[str]
) -> tuple[float, int, int, list[tuple[str, float]]]:
    """(score −1…+1, answered signals, total signals, [(question id, signal)])."""
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


def classify_approach(
    bank: Bank, values: Mapping[str, Any], visible: Collection[str]
) -> ApproachResult:
    score, signals, total, moved = approach_signals(bank, values, visible)
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
            make_evidence(bank.questions[qid], values[qid], round(signal, 3))
            for qid, signal in moved[:8]
        ],
    )


def make_evidence(q: Question, value: Any, weight: float | None = None) -> Evidence:
    return Evidence(
        question=q.id,
        answer=value,
        text=localize(q.text),
        answer_text=answer_text(q, value),
        weight=weight,
    )
