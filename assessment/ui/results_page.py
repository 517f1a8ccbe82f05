"""Results: everything the engine found, drawn from the one frozen result model.

The engine runs once per rerun of this page (it takes about a millisecond); nothing here
scores, ranks or decides: it lays out :class:`AssessmentResult` and the shared wording
of ``assessment.report.content`` so the page and the PDF say the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from assessment.engine import assess
from assessment.models import (
    AssessmentResult,
    DimensionScore,
    Evidence,
    MissingCapability,
    RecommendationResult,
    RuleFinding,
)
from assessment.report import style
from assessment.report.content import (
    APPROACH_SIDES,
    CHECK_FIRST,
    COUNT_LABELS,
    CRITERION_STATUS,
    EVIDENCE_LABEL,
    GROUP_TITLES,
    LATER_NOTE,
    STATUS_TEXT,
    TO_CHECK_INTRO,
    USE_CASE_TITLES,
    action_line,
    action_notes,
    anti_patterns,
    approach_line,
    capability_titles,
    completeness_line,
    counted,
    counts,
    finding_name,
    finding_titles,
    missing_and_to_check,
    pct,
    roadmap_basis,
    roadmap_groups,
    top_actions,
    top_findings,
    use_case_traps,
)
from assessment.ui import routes, session
from assessment.ui.charts import profile_figure, spectrum_figure
from assessment.ui.notices import render_notices
from assessment.ui.report_details import render_report_details
from assessment.ui.resources import bank
from assessment.ui.resume import render_resume_link
from assessment.ui.text import plain
from assessment.ui.transfer import (
    render_answer_downloads,
    render_result_downloads,
    render_upload,
)

SEVERITY_BADGE = {"high": "red", "medium": "orange", "low": "gray"}
USE_CASE_BADGE = {
    "good": "green",
    "weak": "orange",
    "unsuitable": "red",
    "incomplete": "gray",
    "no_candidate": "gray",
    "not_assessed": "gray",
}
FIRST_SHOWN = 6
ROADMAP_COLUMNS = 3
HEADLINE = (
    "missing_capabilities",
    "capabilities_to_check",
    "anti_patterns",
    "raci_issues",
    "actions_tomorrow",
)
"""The counts on the header cards, after the approach; labels and numbers from content."""
NO_TARGET = -1
TABS = ["Overview", "Profile", "Findings", "Roadmap", "Downloads"]
PLOT_CONFIG = {"displayModeBar": False, "responsive": True}


def compute() -> AssessmentResult:
    """The result for the open assessment's answers and targets."""
    b = bank()
    return assess(b, session.answers(b), session.targets())


def render() -> None:
    session.sync()
    render_notices()
    if session.token() is None:
        st.title("Results")
        st.info(
            "There are no answers yet. Start the assessment, or resume it with your link, "
            "to see results here.",
            icon=":material/info:",
        )
        st.page_link(routes.START, label="Go to the start page", icon=":material/home:")
        return
    result = compute()
    _header(result)
    overview, profile, findings, roadmap, downloads = st.tabs(TABS, key="results_tab")
    with overview:
        _approach_card(result)
        _summary(result)
    with profile:
        _profiles(result)
    with findings:
        _findings(result)
    with roadmap:
        _roadmap(result)
    with downloads:
        _downloads(result)


# --------------------------------------------------------------------------- header


def _header(result: AssessmentResult) -> None:
    st.title("Your results")
    who = [plain(v) for v in (result.meta.organization, result.meta.respondent) if v]
    answered = f"Based on {completeness_line(result)}."
    with st.container(horizontal=True, vertical_alignment="center", gap="medium"):
        st.markdown(" · ".join([*who, answered]))
        if result.completeness < 1:
            st.page_link(routes.ASSESSMENT, label="Continue the questions", icon=":material/edit:")
    for note in result.notes:
        st.info(plain(note), icon=":material/info:")
    numbers = counts(result)
    with st.container(horizontal=True, gap="medium", key="headline"):
        st.metric("Starting approach", APPROACH_SIDES[result.approach.label], border=True)
        for key in HEADLINE:
            st.metric(COUNT_LABELS[key], numbers[key], border=True)


# --------------------------------------------------------------------------- overview


def _evidence(items: Sequence[Evidence], caption: str = EVIDENCE_LABEL) -> None:
    if not items:
        return
    lines = [f"- *{plain(e.text)}* — {plain(e.answer_text)}" for e in items]
    with st.expander(caption):
        st.markdown("\n".join(lines))


def _approach_card(result: AssessmentResult) -> None:
    a = result.approach
    with st.container(border=True, key="approach_card"):
        left, right = st.columns([3, 2], gap="large")
        with left:
            st.subheader(f"Starting approach: {APPROACH_SIDES[a.label].lower()}", anchor=False)
            if a.label == "undetermined":
                st.markdown(plain(approach_line(result)))
            else:
                st.markdown(
                    f"Confidence **{pct(a.confidence)}** · {a.signals} of {a.total_signals} "
                    "signals answered"
                )
            st.plotly_chart(
                spectrum_figure(a.score),
                config={**PLOT_CONFIG, "staticPlot": True},
                key="approach_spectrum",
                alt=(
                    f"Approach score {a.score:+.2f} on a line from −1 (bottom-up) to +1 (top-down)."
                ),
            )
            st.caption(
                f"Score {a.score:+.2f} on a scale from −1 (bottom-up) to +1 (top-down); "
                "scores near zero are mixed."
            )
            if a.meaning:
                st.markdown(plain(a.meaning.summary))
        with right:
            m = a.meaning
            if m is None:
                st.markdown(
                    "Answer the questions about how the effort is organised to see what "
                    "your starting approach means."
                )
            else:
                for title, text in (
                    ("First step", m.first_step),
                    ("Recommended structure", m.structure),
                    ("Primary risk", m.primary_risk),
                    ("Key to success", m.key_to_success),
                ):
                    if text:
                        st.markdown(f"**{title}**  \n{plain(text)}")
        if a.meaning and (a.meaning.strengths or a.meaning.weaknesses):
            with st.expander("Strengths and weaknesses of this approach"):
                s_col, w_col = st.columns(2, gap="large")
                s_col.markdown("**Strengths**")
                s_col.markdown("\n".join(f"- {plain(t)}" for t in a.meaning.strengths) or "—")
                w_col.markdown("**Weaknesses**")
                w_col.markdown("\n".join(f"- {plain(t)}" for t in a.meaning.weaknesses) or "—")
        if a.evidence:
            lines = []
            for e in a.evidence:
                weight = e.weight or 0
                side = "top-down" if weight > 0 else "bottom-up" if weight < 0 else "neither side"
                lines.append(f"- *{plain(e.text)}* — {plain(e.answer_text)} (points {side})")
            with st.expander("The answers behind it"):
                st.markdown("\n".join(lines))


def _summary(result: AssessmentResult) -> None:
    actions = top_actions(result, count=5)
    left, right = st.columns(2, gap="large")
    with left, st.container(border=True, height="stretch"):
        st.markdown("**Most important findings**")
        found = top_findings(result, count=5)
        if not found:
            st.markdown("No findings so far.")
        for i, f in enumerate(found, 1):
            with st.container(horizontal=True, vertical_alignment="center", gap="small"):
                note = f" ({plain(f.note)})" if f.note else ""
                st.markdown(f"{i}. {plain(f.kind)}: **{plain(f.title)}**{note}")
                _severity(f.severity)
    with right, st.container(border=True, height="stretch"):
        st.markdown("**Where to start**")
        if actions:
            st.markdown(
                "\n".join(f"{i}. {plain(action_line(r))}" for i, r in enumerate(actions, 1))
            )
        else:
            st.markdown("No actions yet: answer more questions.")


# --------------------------------------------------------------------------- profile


def _on_target(dimension: str) -> None:
    chosen = st.session_state.get(session.TARGET_PREFIX + dimension, NO_TARGET)
    current = dict(session.targets())
    if chosen is None or chosen == NO_TARGET:
        current.pop(dimension, None)
    else:
        current[dimension] = int(chosen)
    session.set_targets(current)


def _level_name(result: AssessmentResult, level: int | None) -> str:
    if level is None:
        return "—"
    name = result.scale[level] if level < len(result.scale) else ""
    return f"{level} · {name}" if name else str(level)


def _score_rows(
    result: AssessmentResult, dims: Sequence[DimensionScore]
) -> list[dict[str, object]]:
    noted = any(d.ceiling_reason for d in dims)
    rows: list[dict[str, object]] = []
    for d in dims:
        row: dict[str, object] = {
            "Dimension": d.title,
            "Score": None if d.score is None else round(d.score),
            "Level": "—" if d.level is None else str(d.level),
            "Target": "—" if d.target is None else str(d.target),
            "Answered": f"{d.answered}/{d.total}" + (f" ({d.unknown} ?)" if d.unknown else ""),
        }
        if noted:
            row["Note"] = d.ceiling_reason or ""
        rows.append(row)
    return rows


SCORE_COLUMNS = {
    "Dimension": st.column_config.TextColumn("Dimension", width="medium"),
    "Score": st.column_config.ProgressColumn(
        "Score", min_value=0, max_value=100, format="%d", width="small"
    ),
    "Level": st.column_config.TextColumn(
        "Level", width="small", help="Maturity level 0–4 (see the scale on the About page)."
    ),
    "Target": st.column_config.TextColumn("Target", width="small"),
    "Answered": st.column_config.TextColumn(
        "Answered",
        width="small",
        help='Questions answered of those asked; (n ?) counts "don\'t know" answers.',
    ),
    "Note": st.column_config.TextColumn(
        "Note", width="medium", help="Why a score is limited (for example by a verdict)."
    ),
}


def _group(result: AssessmentResult, group: str) -> None:
    dims = [d for d in result.dimensions if d.group == group]
    if not dims:
        return
    title = GROUP_TITLES[group]
    st.subheader(title, anchor=False)
    series = style.profile_series(result.dimensions, group)
    described = "; ".join(
        f"{d.title} {'no answers' if d.score is None else round(d.score)}"
        + ("" if d.target is None else f" (target {d.target * 25})")
        for d in dims
    )
    st.plotly_chart(
        profile_figure(series),
        config=PLOT_CONFIG,
        key=f"radar_{group}",
        alt=f"{title} scores out of 100: {described}.",
    )
    st.dataframe(
        _score_rows(result, dims),
        hide_index=True,
        width="stretch",
        column_config=SCORE_COLUMNS,
    )


def _targets(result: AssessmentResult) -> None:
    with st.container(border=True, key="targets"):
        st.subheader("Your targets", anchor=False)
        st.caption(
            "Pick the level you want to reach in each dimension. Targets show as a dashed "
            "line on the charts, and capabilities below their target join the findings and "
            "the roadmap."
        )
        options = [NO_TARGET, 0, 1, 2, 3, 4]
        for i, (group, title) in enumerate(GROUP_TITLES.items()):
            dims = [d for d in result.dimensions if d.group == group]
            if not dims:
                continue
            chosen = sum(1 for d in dims if d.target is not None)
            with st.expander(f"{title} · {chosen} of {len(dims)} set", expanded=i == 0):
                columns = st.columns(2, gap="medium")
                for j, d in enumerate(dims):
                    name = session.TARGET_PREFIX + d.id
                    if name not in st.session_state:
                        st.session_state[name] = session.targets().get(d.id, NO_TARGET)
                    columns[j % 2].selectbox(
                        d.title,
                        options,
                        format_func=lambda v: (
                            "No target" if v == NO_TARGET else _level_name(result, v)
                        ),
                        key=name,
                        on_change=_on_target,
                        args=(d.id,),
                    )


def _profiles(result: AssessmentResult) -> None:
    st.caption(
        "Scores run from 0 to 100: each ring is one maturity level (25 = ad hoc, "
        "50 = repeatable, 75 = automated, 100 = continuously improved). "
        '"Don\'t know" answers are left out of a score and counted.'
    )
    left, right = st.columns(2, gap="large")
    with left:
        _group(result, "capabilities")
    with right:
        _group(result, "team")
    left, right = st.columns(2, gap="large")
    with left:
        _group(result, "organisation")
    with right:
        _targets(result)


# --------------------------------------------------------------------------- findings


def _severity(level: str) -> None:
    st.badge(f"{level.capitalize()} severity", color=SEVERITY_BADGE.get(level, "gray"))  # type: ignore[arg-type]


def _findings(result: AssessmentResult) -> None:
    left, right = st.columns(2, gap="large")
    with left:
        _missing(result)
    with right:
        _anti_patterns(result)
        _raci(result)
        _use_case(result)


def _missing(result: AssessmentResult) -> None:
    caps, to_check = missing_and_to_check(result)
    st.subheader(counted(result, "missing_capabilities"), anchor=False)
    if not caps:
        st.markdown("None at or below their threshold among the answered questions.")
    else:
        st.caption("Most urgent first. Symptoms you reported raise a capability's severity.")
    for i, cap in enumerate(caps[:FIRST_SHOWN], 1):
        _missing_card(result, cap, i)
    rest = caps[FIRST_SHOWN:]
    if rest:
        with st.expander(f"{len(rest)} more missing capabilities"):
            for i, cap in enumerate(rest, FIRST_SHOWN + 1):
                _missing_card(result, cap, i)
    if to_check:
        st.subheader(counted(result, "capabilities_to_check"), anchor=False)
        st.caption(TO_CHECK_INTRO)
        for i, cap in enumerate(to_check, 1):
            _missing_card(result, cap, i)


def _missing_card(result: AssessmentResult, cap: MissingCapability, i: int) -> None:
    with st.container(border=True, key=f"missing_{cap.id}"):
        with st.container(horizontal=True, vertical_alignment="center", gap="small"):
            st.markdown(f"**{i}. {plain(cap.title)}**")
            _severity(cap.severity)
        level = "don't know" if cap.level is None else _level_name(result, cap.level)
        st.markdown(f"Level {plain(level)}: {STATUS_TEXT.get(cap.status, cap.status)}.")
        if cap.symptoms:
            st.markdown("Symptoms pointing here: " + "; ".join(plain(s) for s in cap.symptoms))
        if cap.requires:
            first = ", ".join(plain(t) for t in capability_titles(result, cap.requires))
            st.caption(f"Builds on: {first}")
        _evidence(cap.evidence)


def _rule_card(f: RuleFinding) -> None:
    with st.container(border=True, key=f"anti_{f.id}"):
        with st.container(horizontal=True, vertical_alignment="center", gap="small"):
            st.markdown(f"**{plain(f.title)}**")
            _severity(f.severity)
        st.markdown(f"**Why it hurts:** {plain(f.why)}")
        st.markdown(f"**What to do:** {plain(f.remedy)}")
        _evidence(f.evidence)


def _anti_patterns(result: AssessmentResult) -> None:
    found = anti_patterns(result)
    st.subheader(counted(result, "anti_patterns"), anchor=False)
    if not found:
        st.markdown("None detected.")
    for f in found:
        _rule_card(f)


def _raci(result: AssessmentResult) -> None:
    issues = result.raci_issues
    st.subheader(counted(result, "raci_issues"), anchor=False)
    st.caption("The responsibility matrix (RACI): who does, decides, is consulted, is informed.")
    if not issues:
        st.markdown("No problems found in the responsibility matrix (or it is not filled in yet).")
    # A generic check (e.g. raci:no_accountable) can fire once per activity: key by position.
    for index, issue in enumerate(issues):
        with st.container(border=True, key=f"raci_issue_{index}"):
            with st.container(horizontal=True, vertical_alignment="center", gap="small"):
                st.markdown(f"**{plain(issue.title)}**")
                _severity(issue.severity)
            st.markdown(plain(issue.why))


def _use_case(result: AssessmentResult) -> None:
    uc = result.use_case
    st.subheader("First use case", anchor=False)
    with st.container(border=True, key="use_case"):
        st.badge(USE_CASE_TITLES[uc.status], color=USE_CASE_BADGE.get(uc.status, "gray"))  # type: ignore[arg-type]
        st.markdown(plain(uc.summary))
        if uc.reasons:
            st.markdown("**Why:**\n" + "\n".join(f"- {plain(r)}" for r in uc.reasons))
        for d in result.dimensions:
            if d.ceiling_reason and d.score is not None:
                st.caption(f"{plain(d.title)} score: {d.score:.0f} ({plain(d.ceiling_reason)})")
        for c in uc.criteria:
            blocking = " — rules it out" if c.blocking and c.status == "unmet" else ""
            st.markdown(f"**{CRITERION_STATUS[c.status]}:** {plain(c.title)}{blocking}")
    traps = use_case_traps(result)
    if traps:
        st.subheader(counted(result, "use_case_traps"), anchor=False)
        for f in traps:
            _rule_card(f)


# --------------------------------------------------------------------------- roadmap


def _roadmap(result: AssessmentResult) -> None:
    names = finding_titles(result)
    basis = roadmap_basis(result)
    if basis:
        st.markdown(f"**{plain(basis)}**")
    st.caption(
        "Each step answers findings of this assessment; the most urgent come first, and no "
        "step comes before one it builds on."
    )
    for horizon, title, recs in roadmap_groups(result):
        st.subheader(title, anchor=False)
        if horizon == "later" and recs:
            st.caption(LATER_NOTE)
        if not recs:
            st.caption("Nothing specific.")
            continue
        columns = st.columns(ROADMAP_COLUMNS, gap="medium")
        for i, rec in enumerate(recs):
            with columns[i % ROADMAP_COLUMNS]:
                _action_card(result, rec, names)


def _action_card(
    result: AssessmentResult, rec: RecommendationResult, names: dict[str, str]
) -> None:
    notes = action_notes(result, rec)
    with st.container(border=True, key=f"rec_{rec.id}"):
        st.markdown(f"**{plain(rec.title)}**")
        if notes.check_first:
            st.badge(CHECK_FIRST, color="orange", icon=":material/help:")
            st.caption(plain(notes.check_first))
        st.markdown(plain(rec.why))
        for note in (notes.after, notes.moved):
            if note:
                st.caption(plain(note))
        if rec.findings:
            because = "; ".join(plain(finding_name(f, names)) for f in rec.findings)
            st.caption(f"Addresses: {because}")
        _evidence(rec.evidence)


# --------------------------------------------------------------------------- downloads


def _downloads(result: AssessmentResult) -> None:
    st.subheader("Report and data", anchor=False)
    st.caption(
        "The PDF is for management; the Markdown report says the same in plain text; "
        "JSON and CSV are for other tools."
    )
    render_result_downloads(result)
    st.subheader("Your answers", anchor=False)
    st.caption("Keep a copy, share it with a colleague, or continue from it later.")
    render_answer_downloads("results")
    token = session.token()
    if token:
        render_resume_link(token)
    with st.expander("Details for the report cover (optional)"):
        render_report_details()
    with st.expander("Continue from an answers file"):
        render_upload("results")
