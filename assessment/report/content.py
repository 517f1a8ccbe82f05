"""The report's vocabulary: every word, title and tone a reader sees, in one place.

Pure data. :mod:`assessment.report.presentation` picks from it once per result; the page,
the PDF, the Markdown and the CLI summary print what it picked and word nothing of their
own. A translation replaces this module's strings, not the renderers'.
"""

from __future__ import annotations

from typing import Literal

Tone = Literal["danger", "warning", "neutral", "good", "info", "accent"]
"""What a badge's colour means. Each medium maps a tone to its palette (the PDF's hex
colours in :mod:`assessment.report.style`, the page's badge colours), and a tone is never
the only carrier of meaning: every badge spells its status out."""

REPORT_TITLE = "MLOps Team Readiness Assessment"
REPORT_HEADING = "MLOps team readiness assessment"
"""The title as the first line of the Markdown export (``assess score --format markdown``
starts with it; tests/test_cli.py holds it)."""
SUMMARY_HEADING = "MLOps team readiness — {organization}"
"""The first line of the CLI's text summary."""
REPORT_SUBJECT = "MLOps team readiness report"

# --------------------------------------------------------------------------- cover

COVER = {
    "kind": "READINESS REPORT",
    "prepared_for": "Prepared for",
    "no_organisation": "Organisation not named",
    "respondent": "Respondent",
    "role": "Respondent's role",
    "report_date": "Report date",
    "answers_date": "Answers dated",
    "bank": "Question bank",
    "completeness": "Completeness",
    "note": "Note",
    "generated": "Generated from the answers given in the assessment. Scores run from 0 to 100 "
    "(maturity level × 25); the method is explained on the last page.",
    "produced": "Produced by the open-source MLOps Team Readiness Assessment.",
}
BANK_LINE = "{bank}, version {version}"
FOOTER_LINE = "Question bank {bank} {version} · {date}"

# --------------------------------------------------------------------------- sections

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
"""Every report's sections, in this order ("dont_know" is the appendix's last part)."""

SECTION_INTROS = {
    "approach": "Whether the effort starts from management (top-down) or from the field "
    "(bottom-up) shapes the team, its first steps and its main risk.",
    "profile": "Each dimension is scored 0–100 (maturity level × 25); the rings or "
    "gridlines mark levels 1 to 4. The solid blue line is where you are today; the "
    "dashed amber line, where shown, is your target.",
    "missing": "Capabilities at or below their threshold level (or below your target), most "
    "severe first. Symptoms you reported raise the severity; prerequisites come before "
    "what builds on them.",
    "anti_patterns": "Traps that first MLOps teams often fall into and that your answers "
    "point at: why they hurt, and what to do.",
    "raci": "Who is Responsible (does the work), Accountable (has the final word; exactly "
    "one per activity), Consulted and Informed. A row with a problem is shaded and the "
    "problem is named in its last column.",
    "roadmap": "What to do, tied to the findings above: start tomorrow, then within 3, 6 "
    "and 12 months; what the team cannot take on yet is listed for later, not dropped. "
    "P1 is the most urgent within its horizon.",
    "appendix": "Every question shown to the respondent, in the order asked, with the "
    "answer as given.",
}
"""A sentence under a section's title, where the report explains what follows."""

GROUP_TITLES = {
    "capabilities": "MLOps capabilities",
    "team": "Team and skills",
    "organisation": "Organisation",
}

PROFILE_COLUMNS = {
    "dimension": "Dimension",
    "score": "Score",
    "level": "Level",
    "target": "Target",
    "answered": "Answered",
    "unknown": "Don't know",
    "note": "Note",
}
"""The profile table's column heads (a target is a level, like the level column)."""
ANSWERED_OF = "{answered} of {total}"

# --------------------------------------------------------------------------- counts

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
"""One label per counted concept, keyed by the ids the CSV export uses."""

BASED_ON = "Based on {completeness}."

# --------------------------------------------------------------------------- severity, status

SEVERITY_TEXT = {"high": "High severity", "medium": "Medium severity", "low": "Low severity"}
SEVERITY_SHORT = {"high": "High", "medium": "Medium", "low": "Low"}
SEVERITY_TONES: dict[str, Tone] = {"high": "danger", "medium": "warning", "low": "neutral"}

STATUS_TEXT = {
    "missing": "at or below its threshold",
    "suspected": 'answered "don\'t know"; a symptom points at it',
    "below_target": "below your target",
}
"""Why a capability is listed: the same words in every list, summary and export."""

TO_CHECK_INTRO = (
    'Not counted as missing: you answered "don\'t know" for them, and a symptom you reported '
    "points at each. Find out their level first."
)
TO_CHECK_WORD = "to check"
LEVEL_UNKNOWN = "don't know"
LEVEL_LINE = "Level {level}: {status}"
THRESHOLD_LINE = "threshold {level}"
TARGET_LINE = "target {level}"
SYMPTOMS_LABEL = "Symptoms pointing here"
BUILDS_ON_LABEL = "Builds on"
ALSO_MISSING = "also missing"
"""Marks a prerequisite that is itself missing or below target; "to check" marks one
answered "don't know"; a prerequisite in place carries no mark."""

NO_MISSING = "None at or below their threshold among the answered questions."
NO_ANTI_PATTERNS = "None detected."
WHY_IT_HURTS = "Why it hurts"
WHAT_TO_DO = "What to do"
EVIDENCE_LABEL = "Because you answered"

FINDING_KINDS = {
    "missing": "Missing capability",
    "below_target": "Missing capability",
    "suspected": "To check",
    "anti_pattern": "Anti-pattern",
    "use_case_trap": "Use-case trap",
    "raci": "Responsibility",
    "use_case": "First use case",
}

# --------------------------------------------------------------------------- summary

SUMMARY_SIZE = 3
"""How many findings and actions every executive summary lists (page, PDF, Markdown, CLI)."""
TOP_FINDINGS = "Top findings"
TOP_ACTIONS = "Top actions"
NO_FINDINGS = "No findings: nothing is at or below its threshold and no rule fired."
NO_ACTIONS = "No actions yet: answer more questions."
AT_A_GLANCE = "At a glance"

# --------------------------------------------------------------------------- approach

APPROACH_SIDES = {
    "top-down": "Top-down",
    "bottom-up": "Bottom-up",
    "mixed": "Mixed",
    "undetermined": "Undetermined",
}
"""An approach as a title (cards, badges, the spectrum's ends)."""
APPROACH_NAMES = {
    "top-down": "top-down",
    "bottom-up": "bottom-up",
    "mixed": "mixed",
    "undetermined": "undetermined",
}
"""An approach within a sentence."""
STARTING_APPROACH = "Starting approach"
APPROACH_LINE = "Approach: {name} (score {score}, confidence {confidence})."
APPROACH_UNDETERMINED = (
    "Approach: undetermined — only {signals} of {total} organisation signals answered."
)
APPROACH_DETAIL = (
    "Score {score} on a scale from −1 (bottom-up) to +1 (top-down), confidence {confidence}, "
    "{signals} of {total} signals answered."
)
APPROACH_TOO_FEW = (
    "Only {signals} of {total} organisation signals answered: too few to place the approach."
)
APPROACH_SCALE_NOTE = "Scores near zero are mixed."
APPROACH_NO_MEANING = {
    "undetermined": "Answer the questions about how the effort is organised to see what "
    "your starting approach means.",
    "other": "The question bank does not describe this approach further.",
}
APPROACH_NO_ANSWERS = "No approach signals were answered."
APPROACH_MORE = "{n} more answer(s) with less weight ({sides}): see the appendix."
APPROACH_ANSWERS = "The answers behind it"
APPROACH_FACTS: tuple[tuple[str, str, Tone], ...] = (
    ("primary_risk", "Primary risk", "danger"),
    ("first_step", "First step", "info"),
    ("structure", "Recommended structure", "accent"),
    ("key_to_success", "Key to success", "good"),
)
"""The approach's facts in the order every renderer lists them."""
STRENGTHS = "Strengths"
WEAKNESSES = "Weaknesses"
STRENGTHS_AND_WEAKNESSES = "Strengths and weaknesses of this approach"

Side = Literal["top-down", "bottom-up", "neither"]
SIDE_TITLES: dict[Side, str] = {
    "top-down": "Top-down",
    "bottom-up": "Bottom-up",
    "neither": "Neither side",
}
SIDE_TOWARD: dict[Side, str] = {
    "top-down": "toward top-down",
    "bottom-up": "toward bottom-up",
    "neither": "neither side",
}
"""Where one answer points: a positive weight top-down, a negative one bottom-up, and a
weight of zero (or none) neither side."""
POINTS_TOWARD = "Points toward"

# --------------------------------------------------------------------------- RACI, use case

RACI_LETTERS = {"R": "Responsible", "A": "Accountable", "C": "Consulted", "I": "Informed"}
RACI_CHECK_LABELS = {
    "no_accountable": "No one accountable",
    "several_accountable": "Shared accountability",
    "no_responsible": "No one responsible",
    "concentrated": "Accountable for too much",
}
"""Short names of the generic matrix checks, for a table cell next to the highlight."""
RACI_NOT_FILLED = "The responsibility matrix is not filled in yet."
RACI_NO_PROBLEMS = "No problems found in the responsibility matrix."
RACI_CAPTION = "The responsibility matrix (RACI): who does, decides, is consulted, is informed."
RACI_PROBLEMS = "Problems found"

USE_CASE_TITLES = {
    "good": "Good first use case",
    "weak": "Weak first use case",
    "unsuitable": "Unsuitable first use case",
    "incomplete": "Not enough known yet",
    "no_candidate": "No candidate yet",
    "not_assessed": "Not assessed",
}
USE_CASE_TONES: dict[str, Tone] = {
    "good": "good",
    "weak": "warning",
    "unsuitable": "danger",
    "incomplete": "neutral",
    "no_candidate": "neutral",
    "not_assessed": "neutral",
}
USE_CASE_WHY = "Why"
CRITERION_STATUS = {"met": "✔ Met", "unmet": "✘ Not met", "unknown": "? Unknown"}
"""A criterion's status in words with a symbol, never by colour alone."""
CRITERION_TONES: dict[str, Tone] = {"met": "good", "unmet": "danger", "unknown": "neutral"}
RULES_IT_OUT = "rules it out"
BLOCKING_YES = "Yes: if unmet, the use case is unsuitable"
BLOCKING_NO = "No"
CAPPED_LINE = "{dimension} score: {score} ({reason})"

# --------------------------------------------------------------------------- roadmap

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
LATER_NONE = "Nothing: the team can take on every action above."
NOTHING_SPECIFIC = "Nothing specific."
NO_RECOMMENDATIONS = "No recommendations."
ROADMAP_BASIS = "Sized for {basis}."
ROADMAP_CAPTION = (
    "Each step answers findings of this assessment; the most urgent come first, and no "
    "step comes before one it builds on."
)
CHECK_FIRST = "Check first"
CHECK_FIRST_WHY = (
    'it depends on answers given as "don\'t know", so find out whether it applies before acting'
)
AFTER_LABEL = "After"
MOVED_LABEL = "Why not sooner"
ADDRESSES_LABEL = "Addresses"
PRIORITY = "P{n}"

# --------------------------------------------------------------------------- appendix, method

NO_ANSWERS = "No answers."
DONT_KNOW_NONE = "None."
DONT_KNOW_INTRO = "{n} question(s). Finding the answers is a first action in itself."
MATURITY_LEVELS = "Maturity levels"

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


# --------------------------------------------------------------------------- readable ids

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


def group_title(group: str) -> str:
    return GROUP_TITLES.get(group, group)


def pct(value: float) -> str:
    return f"{value * 100:.0f}%"
