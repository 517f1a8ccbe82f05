"""The report's vocabulary: every word, title and tone a reader sees, in one place.

Pure data. :mod:`assessment.report.presentation` picks from it once per result; the page,
the PDF, the Markdown and the CLI summary print what it picked and word nothing of their
own.

Every text here is an English msgid marked with ``N_`` (``NP_`` where it has plural
forms): it is translated where it is used, in the result's language, with
``translator(lang).gettext(c.TOP_FINDINGS)`` (a renderer: ``p.tr.gettext``). A
translation is a catalog entry (``assessment/i18n/locales``), never a change here.
"""

from __future__ import annotations

from typing import Literal

from assessment.i18n import N_, NP_, translator

Tone = Literal["danger", "warning", "neutral", "good", "info", "accent"]
"""What a badge's colour means. Each medium maps a tone to its palette (the PDF's hex
colours in :mod:`assessment.report.style`, the page's badge colours), and a tone is never
the only carrier of meaning: every badge spells its status out."""

REPORT_TITLE = N_("MLOps Team Readiness Assessment")
REPORT_HEADING = N_("MLOps team readiness assessment")
"""The title as the first line of the Markdown export (``assess score --format markdown``
starts with it; tests/test_cli.py holds it)."""
SUMMARY_HEADING = N_("MLOps team readiness — {organization}")
"""The first line of the CLI's text summary."""
REPORT_SUBJECT = N_("MLOps team readiness report")

# --------------------------------------------------------------------------- cover

COVER = {
    "kind": N_("READINESS REPORT"),
    "prepared_for": N_("Prepared for"),
    "no_organisation": N_("Organisation not named"),
    "respondent": N_("Respondent"),
    "role": N_("Respondent's role"),
    "report_date": N_("Report date"),
    "answers_date": N_("Answers dated"),
    "bank": N_("Question bank"),
    "completeness": N_("Completeness"),
    "note": N_("Note"),
    "generated": N_(
        "Generated from the answers given in the assessment. Scores run from 0 to 100 "
        "(maturity level × 25); the method is explained on the last page."
    ),
    "produced": N_("Produced by the open-source MLOps Team Readiness Assessment."),
}
BANK_LINE = N_("{bank}, version {version}")
FOOTER_LINE = N_("Question bank {bank} {version} · {date}")

# --------------------------------------------------------------------------- sections

SECTION_TITLES = {
    "summary": N_("Executive summary"),
    "approach": N_("Approach"),
    "profile": N_("Capability and team profile"),
    "missing": N_("Missing capabilities"),
    "anti_patterns": N_("Anti-patterns"),
    "raci": N_("Responsibilities (RACI)"),
    "use_case": N_("First use case"),
    "roadmap": N_("Roadmap"),
    "appendix": N_("Appendix: answers"),
    "dont_know": N_('Answered "don\'t know"'),
    "method": N_("Method"),
}
"""Every report's sections, in this order ("dont_know" is the appendix's last part)."""

SECTION_INTROS = {
    "approach": N_(
        "Whether the effort starts from management (top-down) or from the field "
        "(bottom-up) shapes the team, its first steps and its main risk."
    ),
    "profile": N_(
        "Each dimension is scored 0–100 (maturity level × 25); the rings or "
        "gridlines mark levels 1 to 4. The solid blue line is where you are today; the "
        "dashed amber line, where shown, is your target."
    ),
    "missing": N_(
        "Capabilities at or below their threshold level (or below your target), most "
        "severe first. Symptoms you reported raise the severity; prerequisites come before "
        "what builds on them."
    ),
    "anti_patterns": N_(
        "Traps that first MLOps teams often fall into and that your answers "
        "point at: why they hurt, and what to do."
    ),
    "raci": N_(
        "Who is Responsible (does the work), Accountable (has the final word; exactly "
        "one per activity), Consulted and Informed. A row with a problem is shaded and the "
        "problem is named in its last column."
    ),
    "roadmap": N_(
        "What to do, tied to the findings above: start tomorrow, then within 3, 6 "
        "and 12 months; what the team cannot take on yet is listed for later, not dropped. "
        "P1 is the most urgent within its horizon."
    ),
    "appendix": N_(
        "Every question shown to the respondent, in the order asked, with the answer as given."
    ),
}
"""A sentence under a section's title, where the report explains what follows."""

GROUP_TITLES = {
    "capabilities": N_("MLOps capabilities"),
    "team": N_("Team and skills"),
    "organisation": N_("Organisation"),
}

PROFILE_COLUMNS = {
    "dimension": N_("Dimension"),
    "score": N_("Score"),
    "level": N_("Level"),
    "target": N_("Target"),
    "answered": N_("Answered"),
    "unknown": N_("Don't know"),
    "note": N_("Note"),
}
"""The profile table's column heads (a target is a level, like the level column)."""
ANSWERED_OF = N_("{answered} of {total}")

# --------------------------------------------------------------------------- counts

COUNT_LABELS = {
    "questions_answered": N_("Answered"),
    "questions_dont_know": N_("Don't know"),
    "questions_unanswered": N_("Unanswered"),
    "questions_total": N_("Questions"),
    "missing_capabilities": N_("Missing capabilities"),
    "capabilities_to_check": N_("Capabilities to check"),
    "anti_patterns": N_("Anti-patterns"),
    "use_case_traps": N_("Use-case traps"),
    "raci_issues": N_("Responsibility issues"),
    "actions_tomorrow": N_("Actions to start tomorrow"),
    "actions_3m": N_("Actions within 3 months"),
    "actions_6m": N_("Actions within 6 months"),
    "actions_12m": N_("Actions within 12 months"),
    "actions_later": N_("Actions for later"),
}
"""One label per counted concept, keyed by the ids the CSV export uses."""

BASED_ON = N_("Based on {completeness}.")

# --------------------------------------------------------------------------- severity, status

SEVERITY_TEXT = {
    "high": N_("High severity"),
    "medium": N_("Medium severity"),
    "low": N_("Low severity"),
}
SEVERITY_SHORT = {"high": N_("High"), "medium": N_("Medium"), "low": N_("Low")}
SEVERITY_TONES: dict[str, Tone] = {"high": "danger", "medium": "warning", "low": "neutral"}

STATUS_TEXT = {
    "missing": N_("at or below its threshold"),
    "suspected": N_('answered "don\'t know"; a symptom points at it'),
    "below_target": N_("below your target"),
}
"""Why a capability is listed: the same words in every list, summary and export."""

TO_CHECK_INTRO = N_(
    'Not counted as missing: you answered "don\'t know" for them, and a symptom you reported '
    "points at each. Find out their level first."
)
TO_CHECK_WORD = N_("to check")
LEVEL_UNKNOWN = N_("don't know")
LEVEL_LINE = N_("Level {level}: {status}")
THRESHOLD_LINE = N_("threshold {level}")
TARGET_LINE = N_("target {level}")
SYMPTOMS_LABEL = N_("Symptoms pointing here")
BUILDS_ON_LABEL = N_("Builds on")
ALSO_MISSING = N_("also missing")
"""Marks a prerequisite that is itself missing or below target; "to check" marks one
answered "don't know"; a prerequisite in place carries no mark."""

NO_MISSING = N_("None at or below their threshold among the answered questions.")
NO_ANTI_PATTERNS = N_("None detected.")
WHY_IT_HURTS = N_("Why it hurts")
WHAT_TO_DO = N_("What to do")
EVIDENCE_LABEL = N_("Because you answered")

FINDING_KINDS = {
    "missing": N_("Missing capability"),
    "below_target": N_("Missing capability"),
    "suspected": N_("To check"),
    "anti_pattern": N_("Anti-pattern"),
    "use_case_trap": N_("Use-case trap"),
    "raci": N_("Responsibility"),
    "use_case": N_("First use case"),
}

# --------------------------------------------------------------------------- summary

SUMMARY_SIZE = 3
"""How many findings and actions every executive summary lists (page, PDF, Markdown, CLI)."""
TOP_FINDINGS = N_("Top findings")
TOP_ACTIONS = N_("Top actions")
NO_FINDINGS = N_("No findings: nothing is at or below its threshold and no rule fired.")
NO_ACTIONS = N_("No actions yet: answer more questions.")
AT_A_GLANCE = N_("At a glance")

# --------------------------------------------------------------------------- approach

APPROACH_SIDES = {
    "top-down": N_("Top-down"),
    "bottom-up": N_("Bottom-up"),
    "mixed": N_("Mixed"),
    "undetermined": N_("Undetermined"),
}
"""An approach as a title (cards, badges, the spectrum's ends)."""
APPROACH_NAMES = {
    "top-down": N_("top-down"),
    "bottom-up": N_("bottom-up"),
    "mixed": N_("mixed"),
    "undetermined": N_("undetermined"),
}
"""An approach within a sentence."""
STARTING_APPROACH = N_("Starting approach")
APPROACH_LINE = N_("Approach: {name} (score {score}, confidence {confidence}).")
APPROACH_UNDETERMINED = N_(
    "Approach: undetermined — only {signals} of {total} organisation signals answered."
)
APPROACH_DETAIL = N_(
    "Score {score} on a scale from −1 (bottom-up) to +1 (top-down), confidence {confidence}, "
    "{signals} of {total} signals answered."
)
APPROACH_TOO_FEW = N_(
    "Only {signals} of {total} organisation signals answered: too few to place the approach."
)
APPROACH_SCALE_NOTE = N_("Scores near zero are mixed.")
APPROACH_NO_MEANING = {
    "undetermined": N_(
        "Answer the questions about how the effort is organised to see what "
        "your starting approach means."
    ),
    "other": N_("The question bank does not describe this approach further."),
}
APPROACH_NO_ANSWERS = N_("No approach signals were answered.")
APPROACH_MORE = NP_(
    "{n} more answer with less weight ({sides}): see the appendix.",
    "{n} more answers with less weight ({sides}): see the appendix.",
)
APPROACH_ANSWERS = N_("The answers behind it")
APPROACH_FACTS: tuple[tuple[str, str, Tone], ...] = (
    ("primary_risk", N_("Primary risk"), "danger"),
    ("first_step", N_("First step"), "info"),
    ("structure", N_("Recommended structure"), "accent"),
    ("key_to_success", N_("Key to success"), "good"),
)
"""The approach's facts in the order every renderer lists them."""
STRENGTHS = N_("Strengths")
WEAKNESSES = N_("Weaknesses")
STRENGTHS_AND_WEAKNESSES = N_("Strengths and weaknesses of this approach")

Side = Literal["top-down", "bottom-up", "neither"]
SIDE_TITLES: dict[Side, str] = {
    "top-down": N_("Top-down"),
    "bottom-up": N_("Bottom-up"),
    "neither": N_("Neither side"),
}
SIDE_TOWARD: dict[Side, str] = {
    "top-down": N_("toward top-down"),
    "bottom-up": N_("toward bottom-up"),
    "neither": N_("neither side"),
}
"""Where one answer points: a positive weight top-down, a negative one bottom-up, and a
weight of zero (or none) neither side."""
POINTS_TOWARD = N_("Points toward")

# --------------------------------------------------------------------------- RACI, use case

RACI_LETTERS = {
    "R": N_("Responsible"),
    "A": N_("Accountable"),
    "C": N_("Consulted"),
    "I": N_("Informed"),
}
RACI_CHECK_LABELS = {
    "no_accountable": N_("No one accountable"),
    "several_accountable": N_("Shared accountability"),
    "no_responsible": N_("No one responsible"),
    "concentrated": N_("Accountable for too much"),
}
"""Short names of the generic matrix checks, for a table cell next to the highlight."""
RACI_NOT_FILLED = N_("The responsibility matrix is not filled in yet.")
RACI_NO_PROBLEMS = N_("No problems found in the responsibility matrix.")
RACI_CAPTION = N_("The responsibility matrix (RACI): who does, decides, is consulted, is informed.")
RACI_PROBLEMS = N_("Problems found")

USE_CASE_TITLES = {
    "good": N_("Good first use case"),
    "weak": N_("Weak first use case"),
    "unsuitable": N_("Unsuitable first use case"),
    "incomplete": N_("Not enough known yet"),
    "no_candidate": N_("No candidate yet"),
    "not_assessed": N_("Not assessed"),
}
USE_CASE_TONES: dict[str, Tone] = {
    "good": "good",
    "weak": "warning",
    "unsuitable": "danger",
    "incomplete": "neutral",
    "no_candidate": "neutral",
    "not_assessed": "neutral",
}
USE_CASE_WHY = N_("Why")
CRITERION_STATUS = {"met": N_("✔ Met"), "unmet": N_("✘ Not met"), "unknown": N_("? Unknown")}
"""A criterion's status in words with a symbol, never by colour alone."""
CRITERION_TONES: dict[str, Tone] = {"met": "good", "unmet": "danger", "unknown": "neutral"}
RULES_IT_OUT = N_("rules it out")
BLOCKING_YES = N_("Yes: if unmet, the use case is unsuitable")
BLOCKING_NO = N_("No")
CAPPED_LINE = N_("{dimension} score: {score} ({reason})")

# --------------------------------------------------------------------------- roadmap

HORIZON_TITLES = {
    "tomorrow": N_("Start tomorrow"),
    "3m": N_("Within 3 months"),
    "6m": N_("Within 6 months"),
    "12m": N_("Within 12 months"),
    "later": N_("Later (when the team has room)"),
}
"""The roadmap's five groups, in order; every renderer shows all five, "later" included."""
HORIZON_SHORT = {
    "tomorrow": N_("Tomorrow"),
    "3m": N_("3 months"),
    "6m": N_("6 months"),
    "12m": N_("12 months"),
    "later": N_("Later"),
}
"""A horizon in one or two words, for badges and narrow column heads."""
LATER_NOTE = N_(
    "More than a team of this size can take on within 12 months. Nothing is dropped: "
    "start these when earlier actions are done."
)
LATER_NONE = N_("Nothing: the team can take on every action above.")
NOTHING_SPECIFIC = N_("Nothing specific.")
NO_RECOMMENDATIONS = N_("No recommendations.")
ROADMAP_BASIS = N_("Sized for {basis}.")
ROADMAP_CAPTION = N_(
    "Each step answers findings of this assessment; the most urgent come first, and no "
    "step comes before one it builds on."
)
CHECK_FIRST = N_("Check first")
CHECK_FIRST_INLINE = N_("check first")
"""Marks an action's title: ``Run a data audit (check first)``."""
CHECK_FIRST_WHY = N_(
    'it depends on answers given as "don\'t know", so find out whether it applies before acting'
)
AFTER_LABEL = N_("After")
MOVED_LABEL = N_("Why not sooner")
ADDRESSES_LABEL = N_("Addresses")
PRIORITY = N_("P{n}")

# --------------------------------------------------------------------------- appendix, method

NO_ANSWERS = N_("No answers.")
DONT_KNOW_NONE = N_("None.")
DONT_KNOW_INTRO = NP_(
    "{n} question. Finding the answer is a first action in itself.",
    "{n} questions. Finding the answers is a first action in itself.",
)
MATURITY_LEVELS = N_("Maturity levels")

METHOD = [
    N_(
        "Capability questions use a maturity scale from 0 (none) to 4 (automated and "
        "continuously improved). A dimension's score is the weighted mean level of its answered "
        'questions × 25, so 0–100; "don\'t know" answers are left out of the mean and listed.'
    ),
    "",
    N_(
        "The approach (top-down or bottom-up) is the weighted mean of the signals in the "
        "organisation answers, from −1 (bottom-up) to +1 (top-down). Scores near zero are "
        '"mixed"; with too few answers it is "undetermined". Confidence grows with the '
        "share of signals answered and with the distance from the mixed band."
    ),
    "",
    N_(
        "A capability is missing when its level is at or below its threshold (or below your "
        "target); symptoms that point at it raise its severity. A capability answered "
        '"don\'t know" that a symptom points at is listed to check, not as missing. '
        "Anti-patterns, responsibility checks and use-case criteria are rules written in the "
        "question bank. Every recommendation is tied to the findings it answers and to the "
        "answers behind them."
    ),
    "",
    N_(
        "The roadmap never schedules an action before one it builds on. It holds a few actions "
        "to start tomorrow and fills each later horizon with what a team of your size and share "
        'of time can take on; the rest is listed under "later", never dropped. An action that '
        'depends on answers given as "don\'t know" is marked "check first".'
    ),
    "",
    N_(
        'Completeness counts answered, "don\'t know" and unanswered questions separately, over '
        "the questions shown: some appear only when an earlier answer makes them relevant."
    ),
]


# --------------------------------------------------------------------------- how findings are named

COMPLETENESS_LINE = N_(
    "{answered} answered · {dont_know} don't know · {unanswered} unanswered of {total} "
    "questions ({share})"
)
"""How complete the answers are, the same on every surface."""
APPROACH_FINDING = N_("{side} approach")
DONT_KNOW_FINDING = N_('"Don\'t know" answers')
SYMPTOM_FINDING = N_("Symptom: {name}")

# --------------------------------------------------------------------------- renderers' labels

MARKDOWN_COVER = {
    "organisation": N_("Organisation"),
    "respondent": N_("Respondent"),
    "date": N_("Date"),
    "bank": N_("Question bank"),
    "completeness": N_("Completeness"),
}
"""The Markdown report's opening lines, bold labels before what they name."""
COUNT_COLUMNS = (N_("Count"), N_("Number"))
"""The column heads of the summary's counts."""

COLUMNS = {
    "section": N_("Section"),
    "question": N_("Question"),
    "answer": N_("Answer"),
    "capability": N_("Capability"),
    "severity": N_("Severity"),
    "level": N_("Level"),
    "flagged": N_("Why it is flagged"),
    "activity": N_("Activity"),
    "problem": N_("Problem"),
    "matters": N_("Why it matters"),
    "criterion": N_("Criterion"),
    "status": N_("Status"),
    "blocking": N_("Blocking"),
    "priority": N_("Priority"),
    "action": N_("Action and why"),
    "label": N_("Label"),
    "score": N_("Score"),
}
"""Table column heads of the PDF and the Markdown (the profile's are PROFILE_COLUMNS)."""
LABELLED = N_("{label}: {text}")
"""A line that names what it is: ``Builds on: Data versioning``."""
WITH_NOTE = N_("{text} ({note})")
"""A text with a short note after it: ``Data versioning (also missing)``."""
SENTENCE = N_("{text}.")
"""A phrase made a sentence of its own (the language's full stop)."""
LEVEL_OF = N_("{level} of 4")
RACI_RENAMED = N_("Columns: {renamed}.")
RACI_COLUMN_MARK = N_("⚠ on a column: {held}.")
ACTIONS_IN_DETAIL = N_("Actions in detail")
MORE_BELOW = N_("… and {n} more below")
MORE_IN_TABLE = N_("… and {n} more in the table below")
PAGE_OF = N_("Page {page} of {pages}")

TEXT_SUMMARY = {
    "completeness": N_("Completeness: {completeness}"),
    "unnamed": N_("assessment"),
    "none": N_("none"),
    "next": N_("Next steps:"),
    "more": N_("… and {n} more (see --format markdown)"),
    "note": N_("Note: {note}"),
}
"""The CLI's plain-text summary: its own few words."""

CSV_HEADINGS = {
    "kind": N_("kind"),
    "id": N_("id"),
    "title": N_("title"),
    "group": N_("group"),
    "score": N_("score"),
    "level": N_("level"),
    "severity": N_("severity"),
    "horizon": N_("horizon"),
    "details": N_("details"),
}
"""The results CSV's header row; the cells below it stay ids and numbers."""
CSV_DETAILS = {
    "approach": N_("confidence {confidence}; {signals} of {total} signals answered"),
    "dimension": N_("answered {answered} of {total}; don't know {unknown}"),
    "target": N_("target level {level}"),
    "symptoms": N_("symptoms: {symptoms}"),
    "builds_on": N_("builds on: {prerequisites}"),
    "rule": N_("why: {why} | what to do: {remedy}"),
    "priority": N_("priority {n}"),
    "addresses": N_("addresses: {findings}"),
}
"""The words in the CSV's details column."""


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


def group_title(group: str, lang: str = "en") -> str:
    title = GROUP_TITLES.get(group)
    return translator(lang).gettext(title) if title else group


def pct(value: float) -> str:
    """``0.68`` → ``68%`` in English; :meth:`assessment.i18n.Translator.percent` in any
    language."""
    return f"{value * 100:.0f}%"
