"""Findings → recommended actions, ordered into a roadmap (tomorrow, 3, 6, 12 months).

Recommendations live in the bank and name the findings they answer (``addresses``), so
content authors decide what to advise; this module only selects and orders. A
recommendation is shown when any finding it addresses is present.
"""

from __future__ import annotations

from assessment.models import (
    HORIZONS,
    Bank,
    RecommendationResult,
    localize,
)


def recommend(bank: Bank, active: dict[str, int]) -> list[RecommendationResult]:
    """Recommendations for the active findings, by horizon, then priority and severity.

    ``active`` maps finding references (``kind:id``) to their severity rank (1–3).
    """
    chosen: list[tuple[tuple[int, int, int, int], RecommendationResult]] = []
    for index, rec in enumerate(bank.recommendations):
        hits = [ref for ref in rec.addresses if ref in active]
        if not hits:
            continue
        severity = max(active[ref] for ref in hits)
        key = (HORIZONS.index(rec.horizon), rec.priority, -severity, index)
        chosen.append(
            (
                key,
                RecommendationResult(
                    id=rec.id,
                    title=localize(rec.title),
                    why=localize(rec.why),
                    horizon=rec.horizon,
                    priority=rec.priority,
                    findings=hits,
                ),
            )
        )
    chosen.sort(key=lambda pair: pair[0])
    return [rec for _, rec in chosen]
