"""Wording shared by every renderer (page, PDF, Markdown), so they say the same thing."""

from __future__ import annotations

from dataclasses import dataclass

from assessment.models import SEVERITY_RANK, AssessmentResult

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
    "questions × 25, so 0–100; \"don't know\" answers are left out of the mean and listed.",
    "",
    "The approach (top-down or bottom-up) is the weighted mean of the signals in the "
    "organisation answers, from −1 (bottom-up) to +1 (top-down). Scores near zero are "
    "\"mixed\"; with too few answers it is \"undetermined\". Confidence grows with the "
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
