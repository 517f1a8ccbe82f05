"""Pydantic models of a question bank: what a bank author can write.

This module doubles as the bank format's reference (``assess schema`` turns it into JSON
Schema; docs/BANK_FORMAT.md explains it). Models are frozen and reject unknown keys: a
typo in a bank is an error, never silently ignored. How each question type is checked,
scored and shown lives in :mod:`assessment.types`; here is only what it may contain.
"""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator, model_validator

from assessment.models.base import (
    ApproachLabel,
    BankId,
    Group,
    Horizon,
    Id,
    LangCode,
    Severity,
    Strict,
    Text,
)
from assessment.models.conditions import Condition


class ScaleLevel(Strict):
    level: int = Field(ge=0, le=4)
    label: Text
    description: Text | None = None


class BankInfo(Strict):
    """The bank's header. Exactly one file of a bank carries it."""

    id: BankId
    version: str = Field(min_length=1, max_length=32)
    title: Text
    description: Text | None = None
    languages: list[LangCode] = Field(default_factory=lambda: ["en"])
    scale: list[ScaleLevel] = Field(
        min_length=5, max_length=5, description="The maturity scale, levels 0 to 4 in order."
    )
    approach_band: float = Field(
        0.2, gt=0, lt=1, description="|score| below this is classified 'mixed'."
    )
    approach_min_signals: int = Field(
        3, ge=1, description="Fewer answered approach questions than this: 'undetermined'."
    )

    @field_validator("scale")
    @classmethod
    def _levels_in_order(cls, value: list[ScaleLevel]) -> list[ScaleLevel]:
        if [s.level for s in value] != [0, 1, 2, 3, 4]:
            raise ValueError("scale must list levels 0, 1, 2, 3, 4 in that order")
        return value


class Dimension(Strict):
    """One axis of a radar chart. Questions feed it a level 0–4 each."""

    id: Id
    title: Text
    group: Group
    description: Text


class Option(Strict):
    """A choice of a single or multiple choice question."""

    id: Id
    label: Text
    level: float | None = Field(
        None, ge=0, le=4, description="Single choice: the maturity level this answer means."
    )
    credit: float | None = Field(
        None,
        ge=0,
        description="Multiple choice: share of the question's level this option earns.",
    )
    approach: float | None = Field(
        None, ge=-1, le=1, description="Signed weight: +1 top-down, -1 bottom-up."
    )
    exclusive: bool = Field(
        False, description="Multiple choice: selecting it excludes every other option."
    )


class Band(Strict):
    """Number question: values in [min, max] mean this level."""

    min: float | None = None
    max: float | None = None
    level: float = Field(ge=0, le=4)


class Capability(Strict):
    """Marks a scale question as an MLOps capability that can be reported missing."""

    title: Text = Field(description="Short name of the capability, as a finding title.")
    threshold: int = Field(1, ge=0, le=3, description="At or below this level it is missing.")
    requires: list[Id] = Field(
        default_factory=list, description="Capabilities (question ids) that should come first."
    )


class Activity(Strict):
    id: Id
    title: Text


class Role(Strict):
    id: Id
    title: Text


QuestionType = Literal["single", "multi", "scale", "number", "text", "raci"]


class Question(Strict):
    id: Id
    type: QuestionType
    text: Text
    help: Text = Field(description="Why the question matters, shown on demand.")
    dimension: Id | None = Field(None, description="Dimension the answer's level feeds.")
    weight: float = Field(1.0, gt=0, le=10, description="Weight within its dimension.")
    options: list[Option] = Field(default_factory=list)
    levels: dict[int, Text] | None = Field(
        None, description="Scale: what each level 0–4 looks like for this question."
    )
    capability: Capability | None = None
    approach_weight: float = Field(
        1.0, gt=0, le=10, description="Importance of this question's approach signal."
    )
    min: float | None = Field(None, description="Number: smallest accepted value.")
    max: float | None = Field(None, description="Number: largest accepted value.")
    integer: bool = Field(True, description="Number: whole numbers only.")
    unit: Text | None = None
    bands: list[Band] = Field(default_factory=list, description="Number: value → level.")
    activities: list[Activity] = Field(default_factory=list, description="RACI rows.")
    roles: list[Role] = Field(default_factory=list, description="RACI columns.")
    max_accountable_share: float = Field(
        0.6, gt=0, le=1, description="RACI: share of activities one role may hold A for."
    )
    tie_breaker: Id | None = Field(
        None,
        description=(
            "RACI: the role that settles disagreements when several roles share "
            "accountability for an activity (for example the business stakeholders)."
        ),
    )
    show_if: Condition | None = Field(None, description="Ask only when this holds.")
    dont_know: bool = Field(True, description="Offer 'don't know' (scored questions).")
    max_length: int = Field(2000, ge=1, le=20000, description="Text: longest answer.")

    @model_validator(mode="after")
    def _fits_type(self) -> Question:
        errors: list[str] = []
        t = self.type
        if t in ("single", "multi"):
            if len(self.options) < 2:
                errors.append(f"a {t} question needs at least 2 options")
        elif self.options:
            errors.append(f"a {t} question has no options")
        if t == "single" and any(o.credit is not None for o in self.options):
            errors.append("credit is for multi questions; single options use level")
        if t == "multi" and any(o.level is not None for o in self.options):
            errors.append("level is for single questions; multi options use credit")
        if t != "multi" and any(o.exclusive for o in self.options):
            errors.append("exclusive is for multi questions only")
        if t != "scale" and (self.levels is not None or self.capability is not None):
            errors.append("levels and capability are for scale questions only")
        if self.levels is not None and any(k not in range(5) for k in self.levels):
            errors.append("levels keys must be 0 to 4")
        if t != "number" and (self.bands or self.min is not None or self.max is not None):
            errors.append("min, max and bands are for number questions only")
        if t == "number" and self.min is not None and self.max is not None and self.min > self.max:
            errors.append("min must not be greater than max")
        if t == "number" and self.dimension is not None and not self.bands:
            errors.append("a number question that feeds a dimension needs bands")
        if t == "raci":
            if not self.activities or not self.roles:
                errors.append("a raci question needs activities and roles")
        elif self.activities or self.roles or self.tie_breaker is not None:
            errors.append("activities, roles and tie_breaker are for raci questions only")
        if t == "text" and self.dimension is not None:
            errors.append("text answers are never scored: remove dimension")
        if errors:
            raise ValueError("; ".join(errors))
        return self

    @property
    def scored(self) -> bool:
        return self.dimension is not None

    # Cached lookups: scoring runs per rerun and per workshop participant, and a frozen
    # question never changes, so these are computed once per question.
    @cached_property
    def has_approach(self) -> bool:
        return any(o.approach is not None for o in self.options)

    @cached_property
    def offers_dont_know(self) -> bool:
        return self.dont_know and self.type != "text"

    @cached_property
    def option_map(self) -> dict[str, Option]:
        return {o.id: o for o in self.options}

    @cached_property
    def total_credit(self) -> float:
        return sum(o.credit or 0 for o in self.options)

    def option(self, option_id: str) -> Option | None:
        return self.option_map.get(option_id)


class Section(Strict):
    id: Id
    title: Text
    intro: Text
    questions: list[Question] = Field(min_length=1)


class RuleVariant(Strict):
    """How a rule reads for some approach labels: the evidence decides whether a risk
    fires, the label only changes its wording and priority."""

    approach: list[ApproachLabel] = Field(min_length=1)
    title: Text | None = None
    why: Text | None = None
    remedy: Text | None = None
    severity: Severity | None = None


class Rule(Strict):
    """A declarative finding: when the condition holds, the finding is reported."""

    id: Id
    kind: Literal["anti_pattern", "raci", "use_case_trap"]
    title: Text
    why: Text = Field(description="Why it hurts.")
    remedy: Text = Field(description="What to do about it.")
    severity: Severity = "medium"
    when: Condition
    variants: list[RuleVariant] = Field(
        default_factory=list,
        description="Wording and severity per approach label; the first that matches wins.",
    )

    def variant(self, approach: str) -> RuleVariant | None:
        return next((v for v in self.variants if approach in v.approach), None)


class Symptom(Strict):
    """A reported symptom that points at capabilities and raises their severity."""

    id: Id
    title: Text
    when: Condition
    points_to: list[Id] = Field(min_length=1, description="Capability question ids.")
    weight: int = Field(1, ge=1, le=3, description="How much it raises severity.")


class Criterion(Strict):
    """A use-case criterion: met when the question's answer is one of ``good``."""

    id: Id
    title: Text
    question: Id
    good: list[Id] = Field(min_length=1)
    blocking: bool = Field(False, description="Unmet means the use case is unsuitable.")
    rules_out: list[Id] = Field(
        default_factory=list,
        description="Answers that make the candidate unsuitable (not just weak).",
    )
    reason: Text | None = Field(
        None, description="Why an answer that rules the candidate out does so."
    )


class UseCaseCheck(Strict):
    candidate: Condition = Field(description="Holds when a candidate use case exists.")
    criteria: list[Criterion] = Field(min_length=1)
    dimension: Id | None = Field(
        None, description="The dimension that scores the use case; it agrees with the verdict."
    )
    ceilings: dict[Literal["unsuitable", "weak"], float] = Field(
        default_factory=dict,
        description="Highest score (0–100) the dimension may show for a verdict.",
    )

    @field_validator("ceilings")
    @classmethod
    def _in_range(cls, value: dict[str, float]) -> dict[str, float]:
        for status, ceiling in value.items():
            if not 0 <= ceiling <= 100:
                raise ValueError(f"the ceiling for '{status}' must be between 0 and 100")
        return value


RACI_CHECKS = ("no_accountable", "several_accountable", "no_responsible", "concentrated")
USE_CASE_STATUSES = ("no_candidate", "unsuitable", "weak", "incomplete", "good")


class Recommendation(Strict):
    id: Id
    title: Text
    why: Text
    horizon: Horizon = Field(
        description="The earliest horizon; prerequisites and capacity may move it later."
    )
    priority: int = Field(2, ge=1, le=3, description="1 most urgent within its horizon.")
    unless: Condition | None = Field(
        None,
        description="When this holds the practice is already in place: never recommend it.",
    )
    after: list[Id] = Field(
        default_factory=list,
        description="Recommendations that must come first when they are recommended too.",
    )
    stops: bool = Field(
        False,
        description=(
            "The action stops a practice under way (a build from scratch, a company-wide "
            "standard first): it ranks first among equals, since every month it goes on "
            "spends the team's time on what the talk says not to do."
        ),
    )
    addresses: list[Annotated[str, StringConstraints(pattern=r"^[a-z_]+:[a-z0-9_-]+$")]] = Field(
        min_length=1,
        description=(
            "Findings this answers, as kind:id — capability:<question>, rule:<id>, "
            "raci:<check>, approach:<label>, use_case:<status>, symptom:<id>, unknowns:any."
        ),
    )


class ApproachProfile(Strict):
    """What an approach label means for the company: shown on the approach card."""

    label: ApproachLabel
    summary: Text
    strengths: list[Text] = Field(default_factory=list)
    weaknesses: list[Text] = Field(default_factory=list)
    primary_risk: Text | None = None
    first_step: Text | None = None
    structure: Text | None = Field(None, description="Where the team should sit.")
    key_to_success: Text | None = None


class TimeShare(Strict):
    """Which answer says how much of their time the team spends, and what each option means."""

    question: Id
    shares: dict[Id, float] = Field(
        min_length=1, description="Option id → share of a full-time person (0–1)."
    )

    @field_validator("shares")
    @classmethod
    def _shares_in_range(cls, value: dict[str, float]) -> dict[str, float]:
        for option, share in value.items():
            if not 0 <= share <= 1:
                raise ValueError(f"the share of '{option}' must be between 0 and 1")
        return value


class RoadmapSettings(Strict):
    """How many actions a team can absorb, so the roadmap is one it can follow.

    Per quarter: ``base + per_person × people × time share × pace``, rounded, between 1 and
    ``max_per_quarter``. "3 months" and "6 months" hold one quarter's worth each,
    "12 months" two; what does not fit goes to "later".
    """

    tomorrow: int = Field(3, ge=1, le=5, description="Most actions to start tomorrow.")
    team_size: Id | None = Field(None, description="The number question giving the team's size.")
    default_team_size: int = Field(
        3, ge=1, le=50, description="Assumed when the size is not answered."
    )
    time_share: TimeShare | None = None
    default_share: float = Field(0.5, ge=0, le=1, description="Assumed when not answered.")
    pace: dict[ApproachLabel, float] = Field(
        default_factory=dict, description="Speed factor per approach label (default 1)."
    )
    base: float = Field(1.0, ge=0, le=10)
    per_person: float = Field(1.5, ge=0, le=10)
    max_per_quarter: int = Field(6, ge=1, le=50)


class BankFile(Strict):
    """One YAML file of a bank. A bank is a folder of these, merged in file-name order."""

    bank: BankInfo | None = None
    dimensions: list[Dimension] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    rules: list[Rule] = Field(default_factory=list)
    symptoms: list[Symptom] = Field(default_factory=list)
    use_case: UseCaseCheck | None = None
    approaches: list[ApproachProfile] = Field(default_factory=list)
    recommendations: list[Recommendation] = Field(default_factory=list)
    roadmap: RoadmapSettings | None = None


class Bank(Strict):
    """A whole, cross-checked bank: what the engine runs on."""

    info: BankInfo
    dimensions: list[Dimension]
    sections: list[Section]
    rules: list[Rule]
    symptoms: list[Symptom]
    use_case: UseCaseCheck | None
    approaches: list[ApproachProfile] = Field(default_factory=list)
    recommendations: list[Recommendation]
    roadmap: RoadmapSettings = Field(default_factory=RoadmapSettings)

    # Derived lookups, computed once per (frozen) bank: the app reruns scoring on every
    # click and the workshop scores hundreds of participants.
    @cached_property
    def questions(self) -> dict[str, Question]:
        return {q.id: q for s in self.sections for q in s.questions}

    @cached_property
    def dimension_map(self) -> dict[str, Dimension]:
        return {d.id: d for d in self.dimensions}

    @cached_property
    def capabilities(self) -> dict[str, Question]:
        return {qid: q for qid, q in self.questions.items() if q.capability is not None}

    @cached_property
    def scored_questions(self) -> list[Question]:
        return [q for q in self.questions.values() if q.dimension is not None]

    @cached_property
    def approach_questions(self) -> list[Question]:
        return [q for q in self.questions.values() if q.has_approach]

    @cached_property
    def question_ids(self) -> frozenset[str]:
        return frozenset(self.questions)
