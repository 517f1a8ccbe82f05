"""Several teams of one organisation side by side: medians, who is ahead, what recurs.

A company that assessed each business unit (or ran a workshop per team) wants to see them
together: every team's score per dimension, the organisation's median, where each team
is ahead of or behind that median, and which findings turn up in several teams (a
company-wide problem rather than one team's). This module takes the teams' frozen results
and returns one frozen :class:`Portfolio` that every renderer lays out.

Findings are matched across teams by the same stable keys as a comparison over time
(:func:`assessment.compare.finding_refs`). A team is *ahead* on a dimension when its score
is at least :data:`MARGIN` points above the organisation's median, *behind* when at least
that far below, and *level* otherwise; a dimension a team left unanswered is *unscored*.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Literal

from pydantic import Field

from assessment.compare import FindingRef, finding_refs
from assessment.models import ApproachLabel, AssessmentResult, Result, Severity

MARGIN = 10.0
"""Points from the median (on 0–100) that make a team ahead or behind: under half a level."""
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2, None: 3}

Standing = Literal["ahead", "level", "behind", "unscored"]


class TeamScore(Result):
    score: float | None
    delta: float | None = Field(description="score − the organisation's median.")
    standing: Standing


class DimensionRow(Result):
    id: str
    title: str
    group: str
    median: float | None = Field(description="The organisation's median over scored teams.")
    teams: list[TeamScore] = Field(description="One per team, in the portfolio's order.")


class TeamSummary(Result):
    label: str
    approach: ApproachLabel
    completeness: float
    ahead: list[str] = Field(description="Titles of the dimensions where it is ahead.")
    behind: list[str] = Field(description="Titles of the dimensions where it is behind.")
    findings: int


class RecurringFinding(Result):
    key: str
    kind: str
    title: str
    severity: Severity | None = None
    teams: list[str] = Field(description="Labels of the teams that have it.")


class Portfolio(Result):
    teams: list[TeamSummary]
    dimensions: list[DimensionRow]
    recurring: list[RecurringFinding] = Field(description="Findings in two teams or more.")
    margin: float = MARGIN


def _standing(delta: float | None) -> Standing:
    if delta is None:
        return "unscored"
    if delta >= MARGIN:
        return "ahead"
    if delta <= -MARGIN:
        return "behind"
    return "level"


def analyse(teams: Sequence[tuple[str, AssessmentResult]]) -> Portfolio:
    """The teams (label, result) side by side, in the order given."""
    if not teams:
        return Portfolio(teams=[], dimensions=[], recurring=[])
    first = teams[0][1]
    shared = set.intersection(*({d.id for d in r.dimensions} for _, r in teams))
    by_team = [{d.id: d for d in r.dimensions} for _, r in teams]
    rows: list[DimensionRow] = []
    for dim in first.dimensions:
        if dim.id not in shared:
            continue
        scores = [found[dim.id].score for found in by_team]
        scored = [s for s in scores if s is not None]
        median = round(statistics.median(scored), 1) if scored else None
        cells = []
        for score in scores:
            delta = None if score is None or median is None else round(score - median, 1)
            cells.append(TeamScore(score=score, delta=delta, standing=_standing(delta)))
        rows.append(
            DimensionRow(id=dim.id, title=dim.title, group=dim.group, median=median, teams=cells)
        )

    summaries = []
    refs = [finding_refs(r) for _, r in teams]
    for i, (label, result) in enumerate(teams):
        summaries.append(
            TeamSummary(
                label=label,
                approach=result.approach.label,
                completeness=result.completeness,
                ahead=[row.title for row in rows if row.teams[i].standing == "ahead"],
                behind=[row.title for row in rows if row.teams[i].standing == "behind"],
                findings=len(refs[i]),
            )
        )

    first_ref: dict[str, FindingRef] = {}
    holders: dict[str, list[str]] = {}
    for (label, _), found in zip(teams, refs, strict=True):
        for key, ref in found.items():
            first_ref.setdefault(key, ref)
            holders.setdefault(key, []).append(label)
    order = {key: n for n, key in enumerate(first_ref)}
    recurring = [
        RecurringFinding(
            key=key, kind=ref.kind, title=ref.title, severity=ref.severity, teams=holders[key]
        )
        for key, ref in first_ref.items()
        if len(holders[key]) >= 2
    ]
    recurring.sort(key=lambda f: (-len(f.teams), SEVERITY_ORDER.get(f.severity, 3), order[f.key]))
    return Portfolio(teams=summaries, dimensions=rows, recurring=recurring)
