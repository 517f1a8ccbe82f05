"""The assessment result: one frozen model that every renderer reads and nothing else.

Parts carry their evidence (the answers behind them) and readable titles, so a page, the
PDF, Markdown, JSON and CSV never go back to the bank.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from assessment.models.answers import AnswersMeta
from assessment.models.base import ApproachLabel, Group, Horizon, RoadmapHorizon, Severity


class Result(BaseModel):
    model_config = ConfigDict(frozen=True)


class Evidence(Result):
    """One answer that contributed to a finding."""

    question: str
    answer: Any
    text: str = Field(description="The question, in plain words.")
    answer_text: str = Field(description="The answer, in plain words.")
    weight: float | None = None


class ApproachMeaning(Result):
    summary: str
    strengths: list[str]
    weaknesses: list[str]
    primary_risk: str | None
    first_step: str | None
    structure: str | None
    key_to_success: str | None


class ApproachResult(Result):
    label: ApproachLabel
    score: float = Field(ge=-1, le=1)
    confidence: float = Field(ge=0, le=1)
    signals: int
    total_signals: int
    evidence: list[Evidence]
    meaning: ApproachMeaning | None = None


class DimensionScore(Result):
    id: str
    title: str
    group: Group
    score: float | None = Field(None, ge=0, le=100)
    level: int | None = Field(None, ge=0, le=4)
    target: int | None = Field(None, ge=0, le=4)
    answered: int
    unknown: int
    total: int
    ceiling: float | None = Field(
        None, description="The score was limited to this by a verdict (see ceiling_reason)."
    )
    ceiling_reason: str | None = None


class MissingCapability(Result):
    id: str
    title: str
    dimension: str
    level: int | None
    threshold: int
    target: int | None = None
    status: Literal["missing", "suspected", "below_target"]
    severity: Severity
    severity_score: int
    symptoms: list[str] = Field(description="Titles of the symptoms that point at it.")
    requires: list[str]
    evidence: list[Evidence]


class RuleFinding(Result):
    id: str
    kind: str
    title: str
    why: str
    remedy: str
    severity: Severity
    evidence: list[Evidence]


class RaciIssue(Result):
    id: str = Field(description="raci:<check> or the rule id.")
    check: str
    activity: str | None
    role: str | None
    title: str
    why: str
    severity: Severity
    evidence: list[Evidence]


class CriterionResult(Result):
    id: str
    title: str
    status: Literal["met", "unmet", "unknown"]
    blocking: bool
    evidence: list[Evidence]


class UseCaseResult(Result):
    status: Literal["no_candidate", "unsuitable", "weak", "incomplete", "good", "not_assessed"]
    score: float | None = Field(None, ge=0, le=1)
    criteria: list[CriterionResult]
    traps: list[str] = Field(description="Ids of use-case trap rules that fired.")
    summary: str
    reasons: list[str] = Field(
        default_factory=list,
        description="Why the candidate is unsuitable or weak, in the talk's terms.",
    )


class RecommendationResult(Result):
    id: str
    title: str
    why: str
    horizon: RoadmapHorizon = Field(description="Where the roadmap schedules it.")
    declared_horizon: Horizon = Field(description="The earliest horizon the bank gives it.")
    priority: int
    findings: list[str]
    evidence: list[Evidence] = Field(
        default_factory=list, description="The answers that caused it: 'because you answered'."
    )
    after: list[str] = Field(
        default_factory=list,
        description="Ids of recommended actions that must come first (shown before it).",
    )
    moved_because: str | None = Field(
        None, description="Why it sits later than its declared horizon, in words."
    )
    tentative: bool = Field(
        False,
        description=(
            'It rests on "don\'t know" answers (its findings, or the answer that would show '
            "the practice is already in place): check before acting."
        ),
    )


class RoadmapInfo(Result):
    """What the roadmap was sized for, so a reader can see why it holds what it holds."""

    capacity: dict[RoadmapHorizon, int] = Field(
        description="Most actions per horizon ('later' is unbounded and absent)."
    )
    people: int
    time_share: float
    pace: float
    basis: str = Field(description="The sizing in words, with what was assumed.")


class FindingCounts(Result):
    """One count per concept, used by every surface (cards, tabs, PDF, Markdown, CSV)."""

    missing_capabilities: int = Field(description="Missing or below target.")
    capabilities_to_check: int = Field(
        description='Answered "don\'t know" while a symptom points at them.'
    )
    anti_patterns: int
    use_case_traps: int
    raci_issues: int
    recommendations: dict[RoadmapHorizon, int]


class Labelled(Result):
    id: str
    title: str


class RaciGrid(Result):
    """An answered responsibility matrix with the bank's titles and order."""

    question: str
    text: str
    activities: list[Labelled]
    roles: list[Labelled]
    cells: dict[str, dict[str, str]] = Field(description="activity → role → letters")


class AnsweredQuestion(Result):
    """One row of the report's appendix: every question shown, in bank order."""

    section: str
    question: str
    text: str
    answer: Any
    answer_text: str
    dimension: str | None


class AssessmentResult(Result):
    bank: str
    bank_version: str
    answers_bank_version: str | None
    meta: AnswersMeta
    language: str = Field(
        "en", description="The language of every text in this result (bank and engine words)."
    )
    completeness: float = Field(ge=0, le=1, description="answered / total.")
    answered: int = Field(description='Questions asked and answered (not "don\'t know").')
    dont_know: int = Field(0, description='Questions asked and answered "don\'t know".')
    unanswered: int = Field(0, description="Questions asked and not answered.")
    total: int = Field(description="Questions asked: answered + dont_know + unanswered.")
    unknowns: list[str]
    approach: ApproachResult
    dimensions: list[DimensionScore]
    missing_capabilities: list[MissingCapability]
    anti_patterns: list[RuleFinding]
    raci_issues: list[RaciIssue]
    use_case: UseCaseResult
    recommendations: list[RecommendationResult]
    roadmap: RoadmapInfo
    counts: FindingCounts
    answers: list[AnsweredQuestion] = Field(default_factory=list)
    raci: list[RaciGrid] = Field(default_factory=list)
    symptoms: list[Labelled] = Field(default_factory=list, description="Symptoms reported.")
    titles: dict[str, str] = Field(
        default_factory=dict,
        description="Readable title of every capability, rule and symptom, by kind:id.",
    )
    scale: list[str] = Field(default_factory=list, description="Maturity level labels 0–4.")
    notes: list[str] = Field(default_factory=list)
