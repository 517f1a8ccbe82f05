"""Wording shared by every renderer (page, PDF, Markdown), so they say the same thing."""

from __future__ import annotations

from dataclasses import dataclass, field

from assessment.models import DONT_KNOW, SEVERITY_RANK, AssessmentResult, RaciIssue

HORIZON_TITLES = {
    "tomorrow": "Start tomorrow",
    "3m": "Within 3 months",
    "6m": "Within 6 months",
    "12m": "Within 12 months",
}

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
    "A capability is missing when its level is at or below its threshold; symptoms that "
    "point at it raise its severity. Anti-patterns, responsibility checks and use-case "
    "criteria are rules written in the question bank. Every recommendation is tied to the "
    "findings it answers.",
]


def group_title(group: str) -> str:
    return GROUP_TITLES.get(group, group)


def pct(value: float) -> str:
    return f"{value * 100:.0f}%"


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
    """The most severe findings of any kind, and the first actions of the roadmap."""
    ranked: list[tuple[int, int, str]] = []
    for i, cap in enumerate(result.missing_capabilities):
        ranked.append((-SEVERITY_RANK[cap.severity], i, f"Missing capability: {cap.title}"))
    for i, f in enumerate(result.anti_patterns):
        ranked.append((-SEVERITY_RANK[f.severity], i, f"Anti-pattern: {f.title}"))
    for i, issue in enumerate(result.raci_issues):
        ranked.append((-SEVERITY_RANK[issue.severity], i, f"Responsibility: {issue.title}"))
    if result.use_case.status in ("weak", "unsuitable"):
        ranked.append((-2, 0, f"First use case: {result.use_case.summary}"))
    ranked.sort()
    findings = [text for _, _, text in ranked[:count]]
    actions = [r.title for r in result.recommendations[:count]]
    return Summary(findings, actions)


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
    "several_accountable": "Several accountable",
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


def top_findings(result: AssessmentResult, count: int = 3) -> list[RankedFinding]:
    """The most severe findings of any kind; the order :func:`executive_summary` prints."""
    ranked: list[tuple[int, int, str, RankedFinding]] = []

    def add(index: int, kind: str, title: str, severity: str, text: str) -> None:
        finding = RankedFinding(kind, title, severity, text)
        ranked.append((-SEVERITY_RANK[severity], index, text, finding))

    for i, cap in enumerate(result.missing_capabilities):
        add(i, "Missing capability", cap.title, cap.severity, f"Missing capability: {cap.title}")
    for i, f in enumerate(result.anti_patterns):
        add(i, "Anti-pattern", f.title, f.severity, f"Anti-pattern: {f.title}")
    for i, issue in enumerate(result.raci_issues):
        add(i, "Responsibility", issue.title, issue.severity, f"Responsibility: {issue.title}")
    if result.use_case.status in ("weak", "unsuitable"):
        summary = result.use_case.summary
        add(0, "First use case", summary, "medium", f"First use case: {summary}")
    ranked.sort(key=lambda item: item[:3])
    return [finding for _, _, _, finding in ranked[:count]]


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
    names[f"use_case:{result.use_case.status}"] = USE_CASE_TITLES.get(
        result.use_case.status, result.use_case.status
    )
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
