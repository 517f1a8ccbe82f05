"""The presentation model: frozen views of everything a reader sees of a result.

:func:`assessment.report.presentation.present` builds a :class:`Presentation`; the page,
the PDF, the Markdown export and the CLI summary lay its fields out as they stand. Every
text here is final: worded (from :mod:`assessment.report.content`, in the result's
language), ordered and counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assessment.i18n import Translator, translator
from assessment.models import RaciIssue
from assessment.report import content as c
from assessment.report.content import Side, Tone, humanize
from assessment.report.style import ProfileSeries

# --------------------------------------------------------------------------- small parts


@dataclass(frozen=True)
class Tag:
    """A status in words with its tone: a severity, a verdict, a criterion."""

    text: str
    """In full: "High severity", "Unsuitable first use case", "✔ Met"."""
    short: str
    """For a narrow badge: "High"."""
    tone: Tone


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    intro: str | None = None


@dataclass(frozen=True)
class Count:
    key: str
    label: str
    value: int
    language: str = "en"

    @property
    def heading(self) -> str:
        """``Missing capabilities (3)`` / ``欠けている能力（3）``: a heading with its count,
        the same everywhere."""
        return self.label + translator(self.language).aside(self.value)


@dataclass(frozen=True)
class Answer:
    """One answer behind a finding or an action: the question and the answer as shown."""

    question: str
    answer: str

    @property
    def text(self) -> str:
        return f"{self.question} — {self.answer}"


# --------------------------------------------------------------------------- cover


@dataclass(frozen=True)
class Cover:
    organization: str | None
    respondent: str | None
    role: str | None
    answers_date: str | None
    bank: str
    bank_version: str
    completeness: str
    """``52 answered · 20 don't know · 5 unanswered of 77 questions (68%)``."""
    based_on: str
    completeness_share: float
    notes: tuple[str, ...]


# --------------------------------------------------------------------------- approach


@dataclass(frozen=True)
class ApproachAnswer:
    question: str
    answer: str
    side: Side
    side_title: str
    """ "Top-down", "Bottom-up" or "Neither side": for a column."""
    toward: str
    """ "toward top-down", …, "neither side": within a line."""


@dataclass(frozen=True)
class Fact:
    key: str
    title: str
    text: str
    tone: Tone


@dataclass(frozen=True)
class ApproachView:
    label: str
    title: str
    """ "Top-down": for cards and big type."""
    name: str
    """ "top-down": within a sentence."""
    score: float
    placed: bool
    """Whether the score means anything (not for "undetermined")."""
    line: str
    """``Approach: top-down (score +0.83, confidence 100%).``"""
    detail: str
    """The score on its scale, the confidence and the signals answered, in one sentence."""
    summary: str | None
    no_meaning: str | None
    facts: tuple[Fact, ...]
    strengths: tuple[str, ...]
    weaknesses: tuple[str, ...]
    answers: tuple[ApproachAnswer, ...]


# --------------------------------------------------------------------------- profile


@dataclass(frozen=True)
class DimensionRow:
    id: str
    title: str
    score: float | None
    score_text: str
    """ "62", or "—" with no answers."""
    level: int | None
    level_name: str
    """ "2 · Repeatable", or "—"."""
    target: int | None
    target_text: str
    """The target level, or "—"."""
    answered: int
    unknown: int
    total: int
    answered_text: str
    """ "3 of 4"."""
    note: str | None
    """Why the score is limited (a verdict's ceiling), if it is."""


@dataclass(frozen=True)
class GroupView:
    key: str
    title: str
    dimensions: tuple[DimensionRow, ...]
    series: ProfileSeries


def level_name(scale: tuple[str, ...] | list[str], level: int | None) -> str:
    """``2 · Repeatable``: a level with its name on the bank's scale, or "—"."""
    if level is None:
        return "—"
    name = scale[level] if 0 <= level < len(scale) else ""
    return f"{level} · {name}" if name else str(level)


# --------------------------------------------------------------------------- findings


@dataclass(frozen=True)
class Prerequisite:
    title: str
    mark: str | None
    """ "also missing", "to check", or nothing when it is in place."""
    form: str = "{text} ({note})"
    """How the language puts the mark after the title (content.WITH_NOTE, translated)."""

    @property
    def text(self) -> str:
        return self.form.format(text=self.title, note=self.mark) if self.mark else self.title


@dataclass(frozen=True)
class CapabilityView:
    id: str
    number: int
    """Its place in its list (missing, or to check), from 1."""
    title: str
    severity: Tag
    status: str
    status_text: str
    level: int | None
    level_name: str
    """ "1 · Ad hoc", or "don't know"."""
    state: str
    """``Level 1 · Ad hoc: at or below its threshold``; the status alone when unknown."""
    threshold: int
    target: int | None
    symptoms: tuple[str, ...]
    symptoms_line: str | None
    builds_on: tuple[Prerequisite, ...]
    builds_on_line: str | None
    """``Builds on: Data versioning (also missing), Packaging``: every prerequisite."""
    evidence: tuple[Answer, ...]


@dataclass(frozen=True)
class RuleView:
    """An anti-pattern or a use-case trap."""

    id: str
    kind: str
    title: str
    severity: Tag
    why: str
    remedy: str
    evidence: tuple[Answer, ...]


@dataclass(frozen=True)
class RaciIssueView:
    title: str
    check: str
    """A short name for a table cell ("No one accountable"), or the rule's title."""
    severity: Tag
    why: str


@dataclass(frozen=True)
class RaciMatrix:
    """One answered RACI question as a grid, with the generic checks placed on it.

    Rows and columns follow the bank's order and titles (``result.raci``); a rule that
    tests one cell is shown on that cell's row.
    """

    question: str
    text: str
    activities: list[str]
    roles: list[str]
    cells: dict[tuple[str, str], str]
    activity_issues: dict[str, list[RaciIssue]]
    role_issues: dict[str, list[RaciIssue]]
    activity_titles: dict[str, str] = field(default_factory=dict)
    role_titles: dict[str, str] = field(default_factory=dict)
    check_labels: dict[str, str] = field(default_factory=lambda: dict(c.RACI_CHECK_LABELS))
    """The generic checks' short names, in the presentation's language."""

    def activity_title(self, activity: str) -> str:
        return self.activity_titles.get(activity) or humanize(activity)

    def role_title(self, role: str) -> str:
        return self.role_titles.get(role) or humanize(role)

    def problems(self, activity: str) -> str:
        """The checks that fired on an activity's row, by their short names."""
        return "; ".join(
            self.check_labels.get(i.check, i.title) for i in self.activity_issues.get(activity, [])
        )


@dataclass(frozen=True)
class RaciView:
    matrices: tuple[RaciMatrix, ...]
    issues: tuple[RaciIssueView, ...]
    empty: str | None
    """What to say when no problem was found: the matrix is empty, or it is fine."""
    legend: str


@dataclass(frozen=True)
class CriterionView:
    title: str
    status: Tag
    blocking: bool
    rules_it_out: bool
    """Blocking and not met: the reason the verdict is "unsuitable"."""


@dataclass(frozen=True)
class UseCaseView:
    status: Tag
    summary: str
    reasons: tuple[str, ...]
    criteria: tuple[CriterionView, ...]
    capped: tuple[str, ...]
    """``Organisation score: 25 (capped because …)``: scores the verdict limits."""
    traps: tuple[RuleView, ...]


# --------------------------------------------------------------------------- roadmap


@dataclass(frozen=True)
class ActionView:
    id: str
    title: str
    line: str
    """The title, marked "(check first)" when it rests on "don't know"."""
    why: str
    priority: str
    """ "P1": most urgent within its horizon."""
    horizon: str
    horizon_short: str
    check_first: str | None
    after: str | None
    moved: str | None
    addresses: str | None
    evidence: tuple[Answer, ...]


@dataclass(frozen=True)
class HorizonView:
    key: str
    title: str
    short: str
    note: str | None
    actions: tuple[ActionView, ...]
    language: str = "en"

    @property
    def heading(self) -> str:
        return self.title + translator(self.language).aside(len(self.actions))


@dataclass(frozen=True)
class RoadmapView:
    basis: str
    groups: tuple[HorizonView, ...]
    """All five, "later" last."""

    @property
    def dated(self) -> tuple[HorizonView, ...]:
        return tuple(g for g in self.groups if g.key != "later")

    @property
    def later(self) -> HorizonView:
        return next(g for g in self.groups if g.key == "later")

    @property
    def actions(self) -> tuple[ActionView, ...]:
        return tuple(a for g in self.groups for a in g.actions)


# --------------------------------------------------------------------------- summary


@dataclass(frozen=True)
class RankedFinding:
    """One entry of the executive summary, with what a renderer needs to badge it."""

    kind: str
    title: str
    severity: str
    tag: Tag
    text: str
    note: str = ""


@dataclass(frozen=True)
class SummaryView:
    findings: tuple[RankedFinding, ...]
    actions: tuple[ActionView, ...]


@dataclass(frozen=True)
class AnswerRow:
    section: str
    question: str
    answer: str
    lines: tuple[str, ...]
    """The answer in lines: one per RACI activity, else the answer itself."""


# --------------------------------------------------------------------------- the whole


@dataclass(frozen=True)
class Presentation:
    title: str
    cover: Cover
    sections: tuple[Section, ...]
    counts: tuple[Count, ...]
    summary: SummaryView
    approach: ApproachView
    profile: tuple[GroupView, ...]
    missing: tuple[CapabilityView, ...]
    to_check: tuple[CapabilityView, ...]
    anti_patterns: tuple[RuleView, ...]
    raci: RaciView
    use_case: UseCaseView
    roadmap: RoadmapView
    answers: tuple[AnswerRow, ...]
    dont_know: tuple[str, ...]
    method: tuple[str, ...]
    scale: tuple[str, ...]
    language: str = "en"
    """The language every text above is in; a renderer words its own labels in it too."""

    @property
    def tr(self) -> Translator:
        """The translator for :attr:`language`: ``_ = p.tr.gettext`` in a renderer."""
        return translator(self.language)

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def count(self, key: str) -> Count:
        return next(n for n in self.counts if n.key == key)

    def level_name(self, level: int | None) -> str:
        return level_name(self.scale, level)
