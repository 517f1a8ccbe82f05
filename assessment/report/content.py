"""Wording shared by every renderer (page, PDF, Markdown), so they say the same thing."""

from __future__ import annotations

from dataclasses import dataclass, field

from assessment.models import (
    DONT_KNOW,
    ROADMAP_HORIZONS,
    SEVERITY_RANK,
    AssessmentResult,
    FindingCounts,
    MissingCapability,
    RaciIssue,
    RecommendationResult,
    RuleFinding,
)

HORIZON_TITLES = {
    "tomorrow": "Start tomorrow",
    "3m": "Within 3 months",
    "6m": "Within 6 months",
    "12m": "Within 12 months",
    "later": "Later (when the team has room)",
}
"""The roadmap's five groups, in order; every renderer shows all five, "later" included."""

HORIZON_SHORT = {
    "tomorrow": "Tomorrow",
    "3m": "3 months",
    "6m": "6 months",
    "12m": "12 months",
    "later": "Later",
}
"""A horizon in one or two words, for badges and narrow column heads."""

LATER_NOTE = (
    "More than a team of this size can take on within 12 months. Nothing is dropped: "
    "start these when earlier actions are done."
)

CHECK_FIRST = "Check first"
CHECK_FIRST_WHY = (
    'it depends on answers given as "don\'t know", so find out whether it applies before acting'
)
EVIDENCE_LABEL = "Because you answered"
AFTER_LABEL = "After"
MOVED_LABEL = "Why not sooner"

GROUP_TITLES = {
    "capabilities": "MLOps capabilities",
    "team": "Team and skills",
    "organisation": "Organisation",
}

STATUS_TEXT = {
    "missing": "at or below its threshold",
    "suspected": "unknown, but a symptom points at it",
    "below_target": "below your target",
}

TO_CHECK_NOTE = 'answered "don\'t know"; a symptom points at it'
"""Why a capability with status "suspected" is listed to check, not as missing."""
TO_CHECK_INTRO = (
    'Not counted as missing: you answered "don\'t know" for them, and a symptom you reported '
    "points at each. Find out their level first."
)

COUNT_LABELS = {
    "questions_answered": "Answered",
    "questions_dont_know": "Don't know",
    "questions_unanswered": "Unanswered",
    "questions_total": "Questions",
    "missing_capabilities": "Missing capabilities",
    "capabilities_to_check": "Capabilities to check",
    "anti_patterns": "Anti-patterns",
    "use_case_traps": "Use-case traps",
    "raci_issues": "Responsibility issues",
    "actions_tomorrow": "Actions to start tomorrow",
    "actions_3m": "Actions within 3 months",
    "actions_6m": "Actions within 6 months",
    "actions_12m": "Actions within 12 months",
    "actions_later": "Actions for later",
}
"""One label per counted concept, keyed by the ids the CSV export uses. Every surface
(header cards, tabs, PDF tiles, Markdown, CSV) takes its counts from :func:`counts`."""

USE_CASE_TITLES = {
    "good": "Good first use case",
    "weak": "Weak first use case",
    "unsuitable": "Unsuitable first use case",
    "incomplete": "Not enough known yet",
    "no_candidate": "No candidate yet",
    "not_assessed": "Not assessed",
}

METHOD = [
    "Capability questions use a maturity scale from 0 (none) to 4 (automated and "
    "continuously improved). A dimension's score is the weighted mean level of its answered "
    'questions × 25, so 0–100; "don\'t know" answers are left out of the mean and listed.',
    "",
    "The approach (top-down or bottom-up) is the weighted mean of the signals in the "
    "organisation answers, from −1 (bottom-up) to +1 (top-down). Scores near zero are "
    '"mixed"; with too few answers it is "undetermined". Confidence grows with the '
    "share of signals answered and with the distance from the mixed band.",
    "",
    "A capability is missing when its level is at or below its threshold (or below your "
    "target); symptoms that point at it raise its severity. A capability answered "
    '"don\'t know" that a symptom points at is listed to check, not as missing. '
    "Anti-patterns, responsibility checks and use-case criteria are rules written in the "
    "question bank. Every recommendation is tied to the findings it answers and to the "
    "answers behind them.",
    "",
    "The roadmap never schedules an action before one it builds on. It holds a few actions "
    "to start tomorrow and fills each later horizon with what a team of your size and share "
    'of time can take on; the rest is listed under "later", never dropped. An action that '
    'depends on answers given as "don\'t know" is marked "check first".',
    "",
    'Completeness counts answered, "don\'t know" and unanswered questions separately, over '
    "the questions shown: some appear only when an earlier answer makes them relevant.",
]


def group_title(group: str) -> str:
    return GROUP_TITLES.get(group, group)


def pct(value: float) -> str:
    return f"{value * 100:.0f}%"


def completeness_line(result: AssessmentResult) -> str:
    """``52 answered · 20 don't know · 5 unanswered of 77 questions (68%)``: the one way
    every surface states how complete the answers are."""
    r = result
    return (
        f"{r.answered} answered · {r.dont_know} don't know · {r.unanswered} unanswered "
        f"of {r.total} questions ({pct(r.completeness)})"
    )


def finding_counts(result: AssessmentResult) -> FindingCounts:
    """The engine's counts of findings and actions."""
    return result.counts


def counts(result: AssessmentResult) -> dict[str, int]:
    """Every count a reader sees, keyed like :data:`COUNT_LABELS` and in its order."""
    c = finding_counts(result)
    values = {
        "questions_answered": result.answered,
        "questions_dont_know": result.dont_know,
        "questions_unanswered": result.unanswered,
        "questions_total": result.total,
        "missing_capabilities": c.missing_capabilities,
        "capabilities_to_check": c.capabilities_to_check,
        "anti_patterns": c.anti_patterns,
        "use_case_traps": c.use_case_traps,
        "raci_issues": c.raci_issues,
    }
    for horizon in ROADMAP_HORIZONS:
        values[f"actions_{horizon}"] = c.recommendations.get(horizon, 0)
    return {key: values[key] for key in COUNT_LABELS}


def counted(result: AssessmentResult, key: str) -> str:
    """``Missing capabilities (3)``: a heading with its count, the same on every surface."""
    return f"{COUNT_LABELS[key]} ({counts(result)[key]})"


def missing_and_to_check(
    result: AssessmentResult,
) -> tuple[list[MissingCapability], list[MissingCapability]]:
    """Capabilities missing (or below target), and those to check (status "suspected":
    answered "don't know" while a symptom points at them), each in the engine's order."""
    caps = result.missing_capabilities
    return [c for c in caps if c.status != "suspected"], [
        c for c in caps if c.status == "suspected"
    ]


def anti_patterns(result: AssessmentResult) -> list[RuleFinding]:
    """Anti-patterns proper: the rule findings that are not use-case traps."""
    return [f for f in result.anti_patterns if f.kind != "use_case_trap"]


def use_case_traps(result: AssessmentResult) -> list[RuleFinding]:
    """The use-case traps that fired (shown with the first use case)."""
    return [f for f in result.anti_patterns if f.kind == "use_case_trap"]


def capability_titles(result: AssessmentResult, ids: list[str]) -> list[str]:
    """The titles of capabilities given by id (``requires``), never the ids themselves."""
    return [result.titles.get(f"capability:{i}") or humanize(i.removeprefix("cap_")) for i in ids]


def roadmap_basis(result: AssessmentResult) -> str | None:
    """``Sized for 3 people, full-time: about 6 actions a quarter.``"""
    basis = result.roadmap.basis.rstrip(".")
    return f"Sized for {basis}."


def roadmap_groups(
    result: AssessmentResult,
) -> list[tuple[str, str, list[RecommendationResult]]]:
    """The five roadmap groups in order: (horizon, title, its actions in the engine's order)."""
    return [
        (horizon, title, [r for r in result.recommendations if r.horizon == horizon])
        for horizon, title in HORIZON_TITLES.items()
    ]


def after_titles(result: AssessmentResult, rec: RecommendationResult) -> list[str]:
    """The titles of the actions that come before ``rec`` (its ``after`` ids)."""
    titles = {r.id: r.title for r in result.recommendations}
    return [titles.get(i) or humanize(i.removeprefix("rec_")) for i in rec.after]


@dataclass(frozen=True)
class ActionNotes:
    """What a renderer prints under an action's title and why, in this order."""

    check_first: str | None
    after: str | None
    moved: str | None
    evidence: list[str]


def action_notes(result: AssessmentResult, rec: RecommendationResult) -> ActionNotes:
    after = after_titles(result, rec)
    return ActionNotes(
        check_first=f"{CHECK_FIRST}: {CHECK_FIRST_WHY}" if rec.tentative else None,
        after=f"{AFTER_LABEL}: " + "; ".join(after) if after else None,
        moved=f"{MOVED_LABEL}: {rec.moved_because}" if rec.moved_because else None,
        evidence=[f"{e.text} — {e.answer_text}" for e in rec.evidence],
    )


def action_line(rec: RecommendationResult) -> str:
    """An action's title, marked when it should be checked before acting on it."""
    return f"{rec.title} ({CHECK_FIRST.lower()})" if rec.tentative else rec.title


def approach_line(result: AssessmentResult) -> str:
    a = result.approach
    if a.label == "undetermined":
        return (
            f"Approach: undetermined — only {a.signals} of {a.total_signals} organisation "
            "signals answered."
        )
    return f"Approach: {a.label} (score {a.score:+.2f}, confidence {pct(a.confidence)})."


@dataclass(frozen=True)
class Summary:
    findings: list[str]
    actions: list[str]


def executive_summary(result: AssessmentResult, count: int = 3) -> Summary:
    """The most severe findings of any kind (:func:`top_findings`), and the first actions
    of the roadmap (:func:`top_actions`)."""
    return Summary(
        [f.text for f in top_findings(result, count)],
        [action_line(r) for r in top_actions(result, count)],
    )


def top_actions(result: AssessmentResult, count: int = 3) -> list[RecommendationResult]:
    """The first actions of the roadmap, in its order."""
    return result.recommendations[:count]


# --------------------------------------------------------------------------- shared helpers
# Added for the PDF; the Results page can use them too so all renderers agree.

REPORT_TITLE = "MLOps Team Readiness Assessment"

SECTION_TITLES = {
    "summary": "Executive summary",
    "approach": "Approach",
    "profile": "Capability and team profile",
    "missing": "Missing capabilities",
    "anti_patterns": "Anti-patterns",
    "raci": "Responsibilities (RACI)",
    "use_case": "First use case",
    "roadmap": "Roadmap",
    "appendix": "Appendix: answers",
    "dont_know": 'Answered "don\'t know"',
    "method": "Method",
}
"""Section headings of the PDF, in order; all but "profile" are the Markdown export's too."""

APPROACH_SIDES = {
    "top-down": "Top-down",
    "bottom-up": "Bottom-up",
    "mixed": "Mixed",
    "undetermined": "Undetermined",
}

CRITERION_STATUS = {"met": "✔ Met", "unmet": "✘ Not met", "unknown": "? Unknown"}
"""A criterion's status in words with a symbol, never by colour alone."""

RACI_LETTERS = {"R": "Responsible", "A": "Accountable", "C": "Consulted", "I": "Informed"}

RACI_CHECK_LABELS = {
    "no_accountable": "No one accountable",
    "several_accountable": "Shared accountability",
    "no_responsible": "No one responsible",
    "concentrated": "Accountable for too much",
}
"""Short names of the generic matrix checks, for a table cell next to the highlight."""


_ACRONYMS = {
    "ai": "AI",
    "api": "API",
    "cd": "CD",
    "ceo": "CEO",
    "ci": "CI",
    "cio": "CIO",
    "cto": "CTO",
    "devops": "DevOps",
    "it": "IT",
    "kpi": "KPI",
    "llm": "LLM",
    "ml": "ML",
    "mlops": "MLOps",
    "qa": "QA",
    "sre": "SRE",
    "ux": "UX",
}


def humanize(identifier: str) -> str:
    """``ml_engineer`` → ``ML engineer``: a readable title when only an id is known."""
    words = [
        _ACRONYMS.get(word, word) for word in identifier.replace("_", " ").replace("-", " ").split()
    ]
    if not words:
        return identifier
    return " ".join([words[0][:1].upper() + words[0][1:], *words[1:]])


@dataclass(frozen=True)
class RankedFinding:
    """One entry of the executive summary, with what a renderer needs to badge it."""

    kind: str
    title: str
    severity: str
    text: str
    note: str = ""


FINDING_KINDS = {
    "missing": "Missing capability",
    "below_target": "Missing capability",
    "suspected": "To check",
    "anti_pattern": "Anti-pattern",
    "use_case_trap": "Use-case trap",
    "raci": "Responsibility",
    "use_case": "First use case",
}


def top_findings(result: AssessmentResult, count: int = 3) -> list[RankedFinding]:
    """The most severe findings of any kind, the one ranking every summary uses.

    A capability answered "don't know" (status "suspected") is never called missing: it
    is listed "to check". Within a severity the kinds take turns (the first of each kind,
    then the second, …), each kind in the engine's order.
    """
    ranked: list[tuple[int, int, int, RankedFinding]] = []

    def add(order: int, index: int, kind: str, title: str, severity: str, note: str = "") -> None:
        text = f"{kind}: {title}" + (f" ({note})" if note else "")
        finding = RankedFinding(kind, title, severity, text, note)
        ranked.append((-SEVERITY_RANK[severity], index, order, finding))

    for i, cap in enumerate(result.missing_capabilities):
        note = ""
        if cap.status == "suspected":
            note = TO_CHECK_NOTE
        elif cap.status == "below_target":
            note = STATUS_TEXT["below_target"]
        add(1, i, FINDING_KINDS[cap.status], cap.title, cap.severity, note)
    for i, f in enumerate(result.anti_patterns):
        add(0, i, FINDING_KINDS.get(f.kind, "Anti-pattern"), f.title, f.severity)
    for i, issue in enumerate(result.raci_issues):
        add(2, i, FINDING_KINDS["raci"], issue.title, issue.severity)
    if result.use_case.status in ("weak", "unsuitable"):
        severity = "high" if result.use_case.status == "unsuitable" else "medium"
        add(3, 0, FINDING_KINDS["use_case"], result.use_case.summary, severity)
    ranked.sort(key=lambda item: item[:3])
    return [finding for *_, finding in ranked[:count]]


def finding_titles(result: AssessmentResult) -> dict[str, str]:
    """Readable names for the ``kind:id`` keys a recommendation lists in ``findings``."""
    names: dict[str, str] = dict(result.titles)
    for cap in result.missing_capabilities:
        names[f"capability:{cap.id}"] = cap.title
    for rule in result.anti_patterns:
        names[f"rule:{rule.id}"] = rule.title
    for issue in result.raci_issues:
        key = issue.id if issue.id.startswith("raci:") else f"rule:{issue.id}"
        if issue.id.startswith("raci:"):
            names.setdefault(key, RACI_CHECK_LABELS.get(issue.check, issue.title))
        else:
            names[key] = issue.title
    names[f"approach:{result.approach.label}"] = (
        f"{APPROACH_SIDES.get(result.approach.label, result.approach.label)} approach"
    )
    for status, title in USE_CASE_TITLES.items():
        names[f"use_case:{status}"] = title
    names["unknowns:any"] = '"Don\'t know" answers'
    return names


def finding_name(key: str, names: dict[str, str]) -> str:
    """The readable name of a finding key, or its id made readable when the result lacks one."""
    if key in names:
        return names[key]
    kind, _, ident = key.partition(":")
    if kind == "symptom":
        # Fired symptoms are listed by title on their capabilities, not by id.
        return "Symptom: " + humanize(ident.removeprefix("sym_"))
    return humanize(ident or key)


def unknown_questions(result: AssessmentResult) -> list[str]:
    """The questions answered "don't know", in bank order, as the person read them."""
    return [row.text for row in result.answers if row.answer == DONT_KNOW]


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

    def activity_title(self, activity: str) -> str:
        return self.activity_titles.get(activity) or humanize(activity)

    def role_title(self, role: str) -> str:
        return self.role_titles.get(role) or humanize(role)


def raci_matrices(result: AssessmentResult) -> list[RaciMatrix]:
    """Every answered RACI question as a :class:`RaciMatrix`, in the bank's order.

    Checks about an activity (and rules that test one cell) go on that activity's row; a
    role that holds too much (no activity) marks the role's column.
    """
    matrices: list[RaciMatrix] = []
    for grid in result.raci:
        activities = [a.id for a in grid.activities]
        roles = [r.id for r in grid.roles]
        cells = {
            (activity, role): letters
            for activity, row in grid.cells.items()
            for role, letters in row.items()
            if letters
        }
        activity_issues: dict[str, list[RaciIssue]] = {}
        role_issues: dict[str, list[RaciIssue]] = {}
        for issue in result.raci_issues:
            if not any(e.question == grid.question for e in issue.evidence):
                continue
            if issue.activity is not None and issue.activity in activities:
                activity_issues.setdefault(issue.activity, []).append(issue)
            elif issue.role is not None and issue.role in roles:
                role_issues.setdefault(issue.role, []).append(issue)
        matrices.append(
            RaciMatrix(
                question=grid.question,
                text=grid.text,
                activities=activities,
                roles=roles,
                cells=cells,
                activity_issues=activity_issues,
                role_issues=role_issues,
                activity_titles={a.id: a.title for a in grid.activities},
                role_titles={r.id: r.title for r in grid.roles},
            )
        )
    return matrices
