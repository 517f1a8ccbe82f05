"""Pydantic models for question banks, answers and results.

Everything a bank author can write is described here, so this module doubles as the
bank format's reference (``assess schema`` turns it into JSON Schema). Models are frozen
and reject unknown keys: a typo in a bank is an error, never silently ignored.
"""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    field_validator,
    model_validator,
)

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,63}$"),
    Field(description="Lower-case identifier: a letter, then letters, digits or _ (max 64)."),
]
BankId = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_-]{0,63}$"),
    Field(description="Bank identifier: a lower-case letter, then letters, digits, _ or -."),
]
LangCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}(-[A-Z]{2})?$")]

Horizon = Literal["tomorrow", "3m", "6m", "12m"]
HORIZONS: tuple[Horizon, ...] = ("tomorrow", "3m", "6m", "12m")
RoadmapHorizon = Literal["tomorrow", "3m", "6m", "12m", "later"]
ROADMAP_HORIZONS: tuple[RoadmapHorizon, ...] = ("tomorrow", "3m", "6m", "12m", "later")
"""Where an action lands: the bank's four horizons, plus "later" for what the team cannot
absorb within twelve months (shown, never dropped)."""
Severity = Literal["low", "medium", "high"]
SEVERITY_RANK: dict[str, int] = {"low": 1, "medium": 2, "high": 3}
Group = Literal["capabilities", "team", "organisation"]
ApproachLabel = Literal["top-down", "bottom-up", "mixed", "undetermined"]
RaciLetter = Literal["R", "A", "C", "I"]
DONT_KNOW = "dont_know"


class Strict(BaseModel):
    """Base for bank models: frozen, unknown keys rejected, no coercion surprises."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _check_localized(value: Any) -> Any:
    if isinstance(value, dict):
        if "en" not in value:
            raise ValueError("a per-language text needs an 'en' entry")
        for lang, text in value.items():
            if not isinstance(text, str) or not text.strip():
                raise ValueError(f"the '{lang}' text must be a non-empty string")
    elif isinstance(value, str) and not value.strip():
        raise ValueError("text must not be empty")
    return value


Text = Annotated[
    str | dict[LangCode, str],
    AfterValidator(_check_localized),
    Field(description="A plain string, or a map of language code to string with 'en' required."),
]


def localize(text: str | dict[str, str] | None, lang: str = "en") -> str:
    """Pick the text for ``lang``, falling back to English: banks may be partly translated."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    return text.get(lang) or text["en"]


# --------------------------------------------------------------------------- conditions


class QuestionCondition(Strict):
    """A test on one question's answer. Exactly one operator besides ``question``."""

    question: Id
    equals: Id | None = Field(None, description="Single choice: the chosen option is this one.")
    in_: list[Id] | None = Field(
        None, alias="in", description="Single choice: the chosen option is one of these."
    )
    includes: Id | None = Field(None, description="Multiple choice: this option is selected.")
    includes_any: list[Id] | None = Field(None, description="Multiple choice: any is selected.")
    includes_all: list[Id] | None = Field(None, description="Multiple choice: all are selected.")
    excludes: Id | None = Field(None, description="Multiple choice: this option is not selected.")
    at_least: float | None = Field(None, description="Scale level, number, or option level ≥.")
    at_most: float | None = Field(None, description="Scale level, number, or option level ≤.")
    answered: bool | None = Field(None, description="true: answered (not 'don't know').")
    unknown: bool | None = Field(None, description="true: answered 'don't know'.")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _one_operator(self) -> QuestionCondition:
        ops = [
            name
            for name in (
                "equals",
                "in_",
                "includes",
                "includes_any",
                "includes_all",
                "excludes",
                "at_least",
                "at_most",
                "answered",
                "unknown",
            )
            if getattr(self, name) is not None
        ]
        if len(ops) != 1:
            raise ValueError(
                "needs exactly one of equals, in, includes, includes_any, includes_all, "
                f"excludes, at_least, at_most, answered, unknown (found {len(ops)})"
            )
        return self

    @property
    def operator(self) -> str:
        for name in (
            "equals",
            "in_",
            "includes",
            "includes_any",
            "includes_all",
            "excludes",
            "at_least",
            "at_most",
            "answered",
            "unknown",
        ):
            if getattr(self, name) is not None:
                return name
        raise AssertionError("validated condition has an operator")

    def option_refs(self) -> list[str]:
        """Option ids this condition names, for the loader's cross-checks."""
        refs: list[str] = []
        for name in ("equals", "includes", "excludes"):
            value = getattr(self, name)
            if value is not None:
                refs.append(value)
        for name in ("in_", "includes_any", "includes_all"):
            value = getattr(self, name)
            if value is not None:
                refs.extend(value)
        return refs


class RaciCondition(Strict):
    """A test on one cell of a RACI question: the letters ``role`` holds for ``activity``."""

    raci: Id = Field(description="Id of a raci question.")
    activity: Id
    role: Id
    has: RaciLetter | None = Field(None, description="The cell contains this letter.")
    lacks: RaciLetter | None = Field(None, description="The cell does not contain this letter.")

    @model_validator(mode="after")
    def _one_operator(self) -> RaciCondition:
        if (self.has is None) == (self.lacks is None):
            raise ValueError("needs exactly one of has, lacks")
        return self


class ApproachCondition(Strict):
    """True when the classified approach is one of the listed labels."""

    approach: list[ApproachLabel] = Field(min_length=1)


class AllCondition(Strict):
    all: list[Condition] = Field(min_length=1)


class AnyCondition(Strict):
    any: list[Condition] = Field(min_length=1)


class NotCondition(Strict):
    not_: Condition = Field(alias="not")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def _condition_kind(value: Any) -> str | None:
    if isinstance(value, BaseModel):
        return {
            AllCondition: "all",
            AnyCondition: "any",
            NotCondition: "not",
            QuestionCondition: "question",
            RaciCondition: "raci",
            ApproachCondition: "approach",
        }.get(type(value))
    if isinstance(value, dict):
        for key in ("all", "any", "not", "question", "raci", "approach"):
            if key in value:
                return key
    return None


Condition = Annotated[
    Annotated[AllCondition, Tag("all")]
    | Annotated[AnyCondition, Tag("any")]
    | Annotated[NotCondition, Tag("not")]
    | Annotated[QuestionCondition, Tag("question")]
    | Annotated[RaciCondition, Tag("raci")]
    | Annotated[ApproachCondition, Tag("approach")],
    Discriminator(
        _condition_kind,
        custom_error_type="condition_kind",
        custom_error_message=(
            "a condition is a mapping with one of the keys all, any, not, question, raci, approach"
        ),
    ),
]

AllCondition.model_rebuild()
AnyCondition.model_rebuild()
NotCondition.model_rebuild()


# --------------------------------------------------------------------------- bank parts


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


REF_KINDS = ("capability", "rule", "raci", "approach", "use_case", "symptom", "unknowns")
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


# --------------------------------------------------------------------------- answers

RaciCell = str
AnswerValue = str | float | int | bool | list[str] | dict[str, dict[str, str]] | None


class AnswersMeta(Strict):
    organization: str | None = Field(None, max_length=200)
    respondent: str | None = Field(None, max_length=200)
    role: str | None = Field(None, max_length=200)
    language: LangCode = "en"
    date: str | None = Field(None, max_length=40)


class AnswersFile(BaseModel):
    """The answers-file contract (DESIGN.md §3), before checking it against a bank."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    bank: BankId
    bank_version: str | None = Field(None, max_length=32)
    meta: AnswersMeta = Field(default_factory=AnswersMeta)
    answers: dict[str, Any] = Field(default_factory=dict)


class Answers(BaseModel):
    """Answers checked against a bank: every value is of its question's type.

    Values: single → option id; multi → list of option ids; scale → int 0–4; number →
    float; text → str; raci → {activity: {role: "R"/"A"/"C"/"I" letters}};
    "dont_know" for a question that offers it.
    """

    model_config = ConfigDict(frozen=True)

    bank: str
    bank_version: str | None = None
    meta: AnswersMeta = Field(default_factory=AnswersMeta)
    values: dict[str, Any] = Field(default_factory=dict)


# --------------------------------------------------------------------------- result


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
