"""Results: everything the engine found, laid out from the result's presentation.

The engine runs once per rerun of this page (:func:`current_result`, about a millisecond)
and :func:`assessment.report.presentation.present` decides what a reader sees; nothing
here scores, ranks, words a finding or reads the question bank. The page, the PDF and the
Markdown export therefore say the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from assessment.i18n import N_
from assessment.models import AssessmentResult
from assessment.report import content as c
from assessment.report.content import Tone
from assessment.report.presentation import (
    ActionView,
    Answer,
    CapabilityView,
    DimensionRow,
    Presentation,
    RuleView,
    Tag,
    present,
)
from assessment.ui import routes, session
from assessment.ui.charts import profile_figure, spectrum_figure
from assessment.ui.current_result import current_result
from assessment.ui.language import _, ngettext, tr
from assessment.ui.notices import render_notices
from assessment.ui.report_details import render_report_details
from assessment.ui.resume import render_resume_link
from assessment.ui.text import plain
from assessment.ui.transfer import (
    render_answer_downloads,
    render_result_downloads,
    render_upload,
)

TONE_BADGE: dict[Tone, str] = {
    "danger": "red",
    "warning": "orange",
    "neutral": "gray",
    "good": "green",
    "info": "blue",
    "accent": "violet",
}
"""A tone (decided by the presentation) in Streamlit's badge palette."""
FIRST_SHOWN = 6
ROADMAP_COLUMNS = 3
HEADLINE = (
    "missing_capabilities",
    "capabilities_to_check",
    "anti_patterns",
    "raci_issues",
    "actions_tomorrow",
)
"""The counts on the header cards, after the approach."""
NO_TARGET = -1
TABS = [N_("Overview"), N_("Profile"), N_("Findings"), N_("Roadmap"), N_("Downloads")]
PLOT_CONFIG = {"displayModeBar": False, "responsive": True}


def render() -> None:
    session.sync()
    render_notices()
    if session.token() is None:
        st.title(_("Results"))
        st.info(
            _(
                "There are no answers yet. Start the assessment, or resume it with your link, "
                "to see results here."
            ),
            icon=":material/info:",
        )
        st.page_link(routes.START, label=_("Go to the start page"), icon=":material/home:")
        return
    result = current_result()
    p = present(result)
    _header(p)
    overview, profile, findings, roadmap, downloads = st.tabs(
        [_(tab) for tab in TABS], key="results_tab"
    )
    with overview:
        _approach_card(p)
        _summary(p)
    with profile:
        _profiles(p)
    with findings:
        _findings(p)
    with roadmap:
        _roadmap(p)
    with downloads:
        _downloads(result)


def _badge(tag: Tag) -> None:
    st.badge(tag.text, color=TONE_BADGE[tag.tone])  # type: ignore[arg-type]


# --------------------------------------------------------------------------- header


def _header(p: Presentation) -> None:
    # A workshop's team answers are projected: titled for the team, nothing to edit here.
    team = session.team_view()
    if team:
        name = p.cover.organization
        st.title(
            _("Team results: {name}").format(name=plain(name)) if name else _("Team results"),
            anchor=False,
        )
    else:
        st.title(_("Your results"))
    who = [plain(v) for v in (p.cover.organization, p.cover.respondent) if v and not team]
    with st.container(horizontal=True, vertical_alignment="center", gap="medium"):
        st.markdown(" · ".join([*who, p.cover.based_on]))
        if p.cover.completeness_share < 1 and not team:
            st.page_link(
                routes.ASSESSMENT, label=_("Continue the questions"), icon=":material/edit:"
            )
    for note in p.cover.notes:
        st.info(plain(note), icon=":material/info:")
    with st.container(horizontal=True, gap="medium", key="headline"):
        st.metric(_(c.STARTING_APPROACH), p.approach.title, border=True)
        for key in HEADLINE:
            count = p.count(key)
            st.metric(count.label, count.value, border=True)


# --------------------------------------------------------------------------- overview


def _evidence(items: Sequence[Answer], caption: str = c.EVIDENCE_LABEL) -> None:
    if not items:
        return
    lines = [f"- *{plain(e.question)}* — {plain(e.answer)}" for e in items]
    with st.expander(_(caption)):
        st.markdown("\n".join(lines))


def _approach_card(p: Presentation) -> None:
    a = p.approach
    with st.container(border=True, key="approach_card"):
        left, right = st.columns([3, 2], gap="large")
        with left:
            st.subheader(
                _(LABELLED).format(label=_(c.STARTING_APPROACH), text=a.name), anchor=False
            )
            st.markdown(plain(a.detail))
            st.plotly_chart(
                spectrum_figure(a.score, a.placed, p.language),
                config={**PLOT_CONFIG, "staticPlot": True},
                key="approach_spectrum",
                alt=_(LABELLED).format(label=a.title, text=a.detail),
            )
            st.caption(_(c.APPROACH_SCALE_NOTE))
            if a.summary:
                st.markdown(plain(a.summary))
        with right:
            if a.no_meaning:
                st.markdown(a.no_meaning)
            for fact in a.facts:
                st.markdown(f"**{fact.title}**  \n{plain(fact.text)}")
        if a.strengths or a.weaknesses:
            with st.expander(_(c.STRENGTHS_AND_WEAKNESSES)):
                s_col, w_col = st.columns(2, gap="large")
                s_col.markdown(f"**{_(c.STRENGTHS)}**")
                s_col.markdown("\n".join(f"- {plain(t)}" for t in a.strengths) or "—")
                w_col.markdown(f"**{_(c.WEAKNESSES)}**")
                w_col.markdown("\n".join(f"- {plain(t)}" for t in a.weaknesses) or "—")
        if a.answers:
            lines = [
                f"- *{plain(e.question)}* — "
                + _(c.WITH_NOTE).format(text=plain(e.answer), note=e.toward)
                for e in a.answers
            ]
            with st.expander(_(c.APPROACH_ANSWERS)):
                st.markdown("\n".join(lines))


def _summary(p: Presentation) -> None:
    left, right = st.columns(2, gap="large")
    with left, st.container(border=True, height="stretch"):
        st.markdown(f"**{_(c.TOP_FINDINGS)}**")
        if not p.summary.findings:
            st.markdown(_(c.NO_FINDINGS))
        for i, f in enumerate(p.summary.findings, 1):
            with st.container(horizontal=True, vertical_alignment="center", gap="small"):
                title = f"**{plain(f.title)}**"
                if f.note:
                    title = _(c.WITH_NOTE).format(text=title, note=plain(f.note))
                st.markdown(f"{i}. " + _(LABELLED).format(label=plain(f.kind), text=title))
                _badge(f.tag)
    with right, st.container(border=True, height="stretch"):
        st.markdown(f"**{_(c.TOP_ACTIONS)}**")
        if p.summary.actions:
            st.markdown(
                "\n".join(f"{i}. {plain(a.line)}" for i, a in enumerate(p.summary.actions, 1))
            )
        else:
            st.markdown(_(c.NO_ACTIONS))


# --------------------------------------------------------------------------- profile


def _on_target(dimension: str) -> None:
    chosen = st.session_state.get(session.TARGET_PREFIX + dimension, NO_TARGET)
    current = dict(session.targets())
    if chosen is None or chosen == NO_TARGET:
        current.pop(dimension, None)
    else:
        current[dimension] = int(chosen)
    session.set_targets(current)


HEADS = c.PROFILE_COLUMNS


def _score_rows(dims: Sequence[DimensionRow]) -> list[dict[str, object]]:
    noted = any(d.note for d in dims)
    heads = {key: _(head) for key, head in HEADS.items()}
    rows: list[dict[str, object]] = []
    for d in dims:
        row: dict[str, object] = {
            heads["dimension"]: d.title,
            heads["score"]: "—" if d.score is None else str(round(d.score)),
            heads["level"]: "—" if d.level is None else str(d.level),
            heads["target"]: d.target_text,
            heads["answered"]: f"{d.answered}/{d.total}"
            + (f" ({d.unknown} ?)" if d.unknown else ""),
        }
        if noted:
            row[heads["note"]] = d.note or ""
        rows.append(row)
    return rows


TABLE_KEY = N_(
    "Score 0–100; level 0–4 (the scale is on the About page); answered: questions answered "
    'of those asked, with (n ?) for "don\'t know" answers.'
)
LABELLED = N_("{label}: {text}")
"""A label and what it labels, the language's way (``Why: …``, ``理由：…``)."""
BOLD_LABELLED = N_("**{label}:** {text}")


def _group(p: Presentation, key: str) -> None:
    group = next((g for g in p.profile if g.key == key), None)
    if group is None:
        return
    st.subheader(group.title, anchor=False)
    described = tr().join(
        (
            _("{dimension} {score}")
            if d.target is None
            else _("{dimension} {score} (target {target})")
        ).format(
            dimension=d.title,
            score=_("no answers") if d.score is None else round(d.score),
            target=d.target * 25 if d.target is not None else "",
        )
        for d in group.dimensions
    )
    st.plotly_chart(
        profile_figure(group.series, lang=p.language),
        config=PLOT_CONFIG,
        key=f"radar_{key}",
        alt=_("{group} scores out of 100: {scores}.").format(group=group.title, scores=described),
    )
    # A table, not a data grid: its cells wrap, so no dimension name is ever cut, and it
    # never scrolls sideways on a phone.
    st.table(_score_rows(group.dimensions), hide_index=True)
    st.caption(_(TABLE_KEY))


def _targets(p: Presentation) -> None:
    with st.container(border=True, key="targets"):
        st.subheader(_("Your targets"), anchor=False)
        st.caption(
            _(
                "Pick the level you want to reach in each dimension. Targets show as a dashed "
                "line on the charts, and capabilities below their target join the findings "
                "and the roadmap."
            )
        )
        no_target = _("No target")
        options = [NO_TARGET, 0, 1, 2, 3, 4]
        for i, group in enumerate(p.profile):
            chosen = sum(1 for d in group.dimensions if d.target is not None)
            label = _("{group} · {chosen} of {total} set").format(
                group=group.title, chosen=chosen, total=len(group.dimensions)
            )
            with st.expander(label, expanded=i == 0):
                columns = st.columns(2, gap="medium")
                for j, d in enumerate(group.dimensions):
                    name = session.TARGET_PREFIX + d.id
                    if name not in st.session_state:
                        st.session_state[name] = session.targets().get(d.id, NO_TARGET)
                    columns[j % 2].selectbox(
                        d.title,
                        options,
                        format_func=lambda v: no_target if v == NO_TARGET else p.level_name(v),
                        key=name,
                        on_change=_on_target,
                        args=(d.id,),
                    )


def _profiles(p: Presentation) -> None:
    st.caption(
        _(
            "Scores run from 0 to 100: each ring is one maturity level (25 = ad hoc, "
            "50 = repeatable, 75 = automated, 100 = continuously improved). "
            '"Don\'t know" answers are left out of a score and counted.'
        )
    )
    left, right = st.columns(2, gap="large")
    with left:
        _group(p, "capabilities")
    with right:
        _group(p, "team")
    left, right = st.columns(2, gap="large")
    with left:
        _group(p, "organisation")
    with right:
        if session.team_view():
            st.caption(_("The team's targets are set on the facilitator page."))
        else:
            _targets(p)


# --------------------------------------------------------------------------- findings


COUNTED = N_("{title} ({n})")
"""A heading with its count: ``Missing capabilities (3)``, ``欠けている能力（3件）``."""


def _counted(p: Presentation, key: str) -> str:
    count = p.count(key)
    return _(COUNTED).format(title=count.label, n=tr().number(count.value))


def _findings(p: Presentation) -> None:
    left, right = st.columns(2, gap="large")
    with left:
        _missing(p)
    with right:
        _anti_patterns(p)
        _raci(p)
        _use_case(p)


def _missing(p: Presentation) -> None:
    st.subheader(_counted(p, "missing_capabilities"), anchor=False)
    if not p.missing:
        st.markdown(_(c.NO_MISSING))
    else:
        st.caption(_("Most urgent first. Symptoms you reported raise a capability's severity."))
    for cap in p.missing[:FIRST_SHOWN]:
        _missing_card(cap)
    rest = p.missing[FIRST_SHOWN:]
    if rest:
        more = ngettext(
            "{n} more missing capability", "{n} more missing capabilities", len(rest)
        ).format(n=tr().number(len(rest)))
        with st.expander(more):
            for cap in rest:
                _missing_card(cap)
    if p.to_check:
        st.subheader(_counted(p, "capabilities_to_check"), anchor=False)
        st.caption(_(c.TO_CHECK_INTRO))
        for cap in p.to_check:
            _missing_card(cap)


def _missing_card(cap: CapabilityView) -> None:
    with st.container(border=True, key=f"missing_{cap.id}"):
        with st.container(horizontal=True, vertical_alignment="center", gap="small"):
            st.markdown(f"**{cap.number}. {plain(cap.title)}**")
            _badge(cap.severity)
        st.markdown(_(c.SENTENCE).format(text=plain(cap.state)))
        if cap.symptoms_line:
            st.markdown(plain(cap.symptoms_line))
        if cap.builds_on_line:
            st.caption(plain(cap.builds_on_line))
        _evidence(cap.evidence)


def _rule_card(f: RuleView) -> None:
    with st.container(border=True, key=f"anti_{f.id}"):
        with st.container(horizontal=True, vertical_alignment="center", gap="small"):
            st.markdown(f"**{plain(f.title)}**")
            _badge(f.severity)
        st.markdown(_(BOLD_LABELLED).format(label=_(c.WHY_IT_HURTS), text=plain(f.why)))
        st.markdown(_(BOLD_LABELLED).format(label=_(c.WHAT_TO_DO), text=plain(f.remedy)))
        _evidence(f.evidence)


def _anti_patterns(p: Presentation) -> None:
    st.subheader(_counted(p, "anti_patterns"), anchor=False)
    if not p.anti_patterns:
        st.markdown(_(c.NO_ANTI_PATTERNS))
    for f in p.anti_patterns:
        _rule_card(f)


def _raci(p: Presentation) -> None:
    st.subheader(_counted(p, "raci_issues"), anchor=False)
    st.caption(_(c.RACI_CAPTION))
    if p.raci.empty:
        st.markdown(p.raci.empty)
    # A generic check (e.g. raci:no_accountable) can fire once per activity: key by position.
    for index, issue in enumerate(p.raci.issues):
        with st.container(border=True, key=f"raci_issue_{index}"):
            with st.container(horizontal=True, vertical_alignment="center", gap="small"):
                st.markdown(f"**{plain(issue.title)}**")
                _badge(issue.severity)
            st.markdown(plain(issue.why))


def _use_case(p: Presentation) -> None:
    uc = p.use_case
    st.subheader(p.section("use_case").title, anchor=False)
    with st.container(border=True, key="use_case"):
        _badge(uc.status)
        st.markdown(plain(uc.summary))
        if uc.reasons:
            why = "\n".join(f"- {plain(r)}" for r in uc.reasons)
            st.markdown(_(BOLD_LABELLED).format(label=_(c.USE_CASE_WHY), text="\n" + why))
        for line in uc.capped:
            st.caption(plain(line))
        for k in uc.criteria:
            title = plain(k.title)
            if k.rules_it_out:
                title = _(c.WITH_NOTE).format(text=title, note=_(c.RULES_IT_OUT))
            st.markdown(_(BOLD_LABELLED).format(label=k.status.text, text=title))
    if uc.traps:
        st.subheader(_counted(p, "use_case_traps"), anchor=False)
        for f in uc.traps:
            _rule_card(f)


# --------------------------------------------------------------------------- roadmap


def _roadmap(p: Presentation) -> None:
    st.markdown(f"**{plain(p.roadmap.basis)}**")
    st.caption(_(c.ROADMAP_CAPTION))
    for group in p.roadmap.groups:
        st.subheader(group.title, anchor=False)
        if group.note:
            st.caption(group.note)
        if not group.actions:
            st.caption(_(c.NOTHING_SPECIFIC))
            continue
        columns = st.columns(ROADMAP_COLUMNS, gap="medium")
        for i, action in enumerate(group.actions):
            with columns[i % ROADMAP_COLUMNS]:
                _action_card(action)


def _action_card(action: ActionView) -> None:
    with st.container(border=True, key=f"rec_{action.id}"):
        st.markdown(f"**{plain(action.title)}**")
        if action.check_first:
            st.badge(_(c.CHECK_FIRST), color=TONE_BADGE["warning"], icon=":material/help:")  # type: ignore[arg-type]
            st.caption(plain(action.check_first))
        st.markdown(plain(action.why))
        for note in (action.after, action.moved, action.addresses):
            if note:
                st.caption(plain(note))
        _evidence(action.evidence)


# --------------------------------------------------------------------------- downloads


def _downloads(result: AssessmentResult) -> None:
    st.subheader(_("Report and data"), anchor=False)
    st.caption(
        _(
            "The PDF is for management; the Markdown report says the same in plain text; "
            "JSON and CSV are for other tools."
        )
    )
    render_result_downloads(result)
    st.subheader(_("Your answers"), anchor=False)
    st.caption(_("Keep a copy, share it with a colleague, or continue from it later."))
    render_answer_downloads("results")
    token = session.token()
    if token:
        render_resume_link(token)
    if session.team_view():
        return  # read-only: the team's answers change on the facilitator page only
    with st.expander(_("Details for the report cover (optional)")):
        render_report_details()
    with st.expander(_("Continue from an answers file")):
        render_upload("results")
