"""Progress: a milestone compared with now (or with another milestone), on one page.

What a team that assessed itself in March and again in June wants to see: the figures
(findings resolved, new, still open; actions done; actions next), the approach then and
now, a radar per group with *then* dashed under *now*, the scores side by side, the
findings and the roadmap actions in three groups each, and what to do next. Everything
shown was decided by :func:`assessment.snapshots.compare_snapshots` and worded by
:mod:`assessment.report.progress`, like the PDF's and the Markdown's Progress section,
which the downloads here produce. Answers given against an older bank version are
compared on what both versions share, and the page says what was left out.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from assessment.compare import ActionRef, Comparison, DimensionDelta, FindingRef
from assessment.i18n import N_
from assessment.models import AssessmentResult
from assessment.report import content as c
from assessment.report import progress as words
from assessment.snapshots import Snapshot, compare_snapshots, result_of
from assessment.store import milestones as ms
from assessment.ui import milestones, routes, session
from assessment.ui.language import _, current, tr
from assessment.ui.notices import render_notices
from assessment.ui.progress_charts import overlay_figure
from assessment.ui.resources import bank, database
from assessment.ui.text import plain
from assessment.ui.transfer import file_stem

NOW = 0
"""The "now" choice (milestone ids start at 1)."""
BEFORE_KEY = "progress_before"
AFTER_KEY = "progress_after"
PLOT_CONFIG = {"displayModeBar": False, "responsive": True}
GROUP = N_("Group")
COUNTED = N_("{title} ({n})")
"""A group's title with how many it holds: ``Resolved (3)``."""
FINDING_ICONS = {
    "resolved": ":material/check_circle:",
    "new": ":material/error:",
    "persisting": ":material/pending:",
}


def render() -> None:
    session.sync()
    render_notices()
    st.title(_(words.TITLE))
    if session.token() is None:
        st.info(
            _(
                "There are no answers yet. Start the assessment, or resume it with your link: "
                "save your answers as a milestone, and compare them with your answers later."
            ),
            icon=":material/info:",
        )
        st.page_link(routes.START, label=_("Go to the start page"), icon=":material/home:")
        return
    saved = milestones.listed()
    if saved is None:
        st.error(_(milestones.DB_DOWN), icon=":material/cloud_off:")
        return
    if not saved:
        st.info(
            _(
                "No milestone yet. Save your answers as a milestone (for example “Baseline, "
                "March”). When you come back in a few months, answer again (or re-assess from "
                "the milestone) and compare: what improved, what is new, what to do next."
            ),
            icon=":material/flag:",
        )
        milestones.render_save_form("progress")
        return
    cmp, after = _chosen(saved)
    if cmp is not None:
        _comparison(cmp, after)
    st.divider()
    st.subheader(_("Milestones"), anchor=False)
    milestones.render_save_form("progress")
    milestones.render_list("progress", saved)


# --------------------------------------------------------------------------- choice


def _chosen(
    saved: list[ms.MilestoneInfo],
) -> tuple[Comparison | None, Callable[[], AssessmentResult]]:
    names = {m.id: _(c.WITH_NOTE).format(text=m.name, note=tr().date(m.taken_on)) for m in saved}
    names[NOW] = _("Now (the answers as they are)")
    requested = st.session_state.pop(milestones.COMPARE_REQUEST, None)
    if requested in names and requested != NOW:
        st.session_state[BEFORE_KEY] = requested
        st.session_state[AFTER_KEY] = NOW
    if st.session_state.get(BEFORE_KEY) not in names:
        st.session_state[BEFORE_KEY] = saved[0].id
    if st.session_state.get(AFTER_KEY) not in names:
        st.session_state[AFTER_KEY] = NOW
    left, right = st.columns(2)
    before_id = left.selectbox(
        _(words.THEN),
        options=[m.id for m in saved],
        format_func=names.__getitem__,
        key=BEFORE_KEY,
    )
    after_id = right.selectbox(
        _(words.NOW),
        options=[NOW, *(m.id for m in saved)],
        format_func=names.__getitem__,
        key=AFTER_KEY,
    )
    lang = current()  # the downloads are built later, outside this run: keep its language
    nothing = Snapshot(_(words.NOW), {})
    if before_id == after_id:
        st.info(_("Choose two different points in time to compare."), icon=":material/info:")
        return None, lambda: _result(nothing, lang)
    try:
        before, after = _snapshot(before_id), _snapshot(after_id)
    except SQLAlchemyError:
        st.error(_(milestones.DB_DOWN), icon=":material/cloud_off:")
        return None, lambda: _result(nothing, lang)
    if before is None or after is None:
        st.warning(_("That milestone is no longer available."), icon=":material/info:")
        return None, lambda: _result(nothing, lang)
    return compare_snapshots(bank(), before, after, lang), lambda: _result(after, lang)


def _snapshot(choice: int) -> Snapshot | None:
    if choice == NOW:
        return Snapshot(
            _(words.NOW),
            dict(session.values()),
            bank().info.version,
            dict(session.meta()),
            dict(session.targets()),
        )
    token = session.token()
    found = ms.load(database(), token, choice) if token else None
    if found is None:
        return None
    return Snapshot(found.name, found.values, found.bank_version, found.meta, found.targets)


def _result(snap: Snapshot, lang: str) -> AssessmentResult:
    return result_of(bank(), snap, lang)[0]


# --------------------------------------------------------------------------- comparison


def _comparison(cmp: Comparison, after: Callable[[], AssessmentResult]) -> None:
    st.markdown(plain(words.intro(cmp)))
    with st.container(horizontal=True, gap="medium", key="progress_tiles"):
        for caption, count in words.tile_counts(cmp):
            st.metric(caption, count, border=True)
    st.markdown(f"**{plain(words.approach_line(cmp))}**")
    if cmp.not_compared:
        label = _("Not compared ({n})").format(n=tr().number(len(cmp.not_compared)))
        with st.expander(label, icon=":material/info:"):
            for note in cmp.not_compared:
                st.markdown(f"- {plain(note)}")
    _profiles(cmp)
    _findings(cmp)
    _actions(cmp)
    _downloads(cmp, after)


def _groups(cmp: Comparison) -> list[tuple[str, list[DimensionDelta]]]:
    groups: dict[str, list[DimensionDelta]] = {}
    for d in cmp.dimensions:
        groups.setdefault(d.group, []).append(d)
    return [(c.group_title(g, cmp.language), dims) for g, dims in groups.items()]


def _profiles(cmp: Comparison) -> None:
    before, after = words.side_names(cmp)
    st.subheader(_("Profile then and now"), anchor=False)
    st.caption(
        _("{after}: solid line. {before}: dashed line.").format(
            after=plain(after), before=plain(before)
        )
    )
    groups = _groups(cmp)
    columns = st.columns(len(groups) or 1)
    for column, (title, dims) in zip(columns, groups, strict=False):
        with column:
            st.markdown(f"**{title}**")
            st.plotly_chart(
                overlay_figure(
                    [d.title for d in dims],
                    [d.after for d in dims],
                    [d.before for d in dims],
                    (after, before),
                    height=380,
                    wrap=12,
                    lang=cmp.language,
                ),
                config=PLOT_CONFIG,
                key=f"progress_radar_{title}",
            )
    st.dataframe(
        [
            {
                "group": title,
                "dimension": d.title,
                "then": d.before,
                "now": d.after,
                "change": d.delta,
            }
            for title, dims in groups
            for d in dims
        ],
        hide_index=True,
        width="stretch",
        height="content",
        column_config={
            "group": st.column_config.TextColumn(_(GROUP)),
            "dimension": st.column_config.TextColumn(_(c.PROFILE_COLUMNS["dimension"])),
            "then": st.column_config.NumberColumn(before, format="%.0f"),
            "now": st.column_config.NumberColumn(after, format="%.0f"),
            "change": st.column_config.NumberColumn(_(words.CHANGE), format="%+.0f"),
        },
        key="progress_table",
    )


def _findings(cmp: Comparison) -> None:
    st.subheader(_("Findings"), anchor=False)
    columns = st.columns(len(words.FINDING_GROUPS))
    for column, (key, title) in zip(columns, words.FINDING_GROUPS, strict=True):
        items: list[FindingRef] = getattr(cmp.findings, key)
        with column, st.container(border=True, key=f"findings_{key}"):
            heading = _(COUNTED).format(title=_(title), n=tr().number(len(items)))
            st.markdown(f"{FINDING_ICONS[key]} **{heading}**")
            for f in items:
                st.markdown(f"- {plain(words.finding_text(f, tr()))}")
            if not items:
                st.caption(_(c.DONT_KNOW_NONE))


def _action_list(actions: list[ActionRef]) -> None:
    for a in actions:
        st.markdown(f"- {plain(words.action_text(a, tr()))}")
    if not actions:
        st.caption(_(c.DONT_KNOW_NONE))


def _actions(cmp: Comparison) -> None:
    st.subheader(_(words.NEXT_TITLE), anchor=False)
    st.caption(_(words.NEXT_INTRO))
    with st.container(border=True, key="next_actions"):
        if cmp.next_actions:
            _action_list(cmp.next_actions)
        else:
            st.caption(_(words.NO_NEXT))
    st.subheader(_("Roadmap actions"), anchor=False)
    columns = st.columns(len(words.ACTION_GROUPS))
    for column, (key, title) in zip(columns, words.ACTION_GROUPS, strict=True):
        actions: list[ActionRef] = getattr(cmp.actions, key)
        with column, st.container(border=True, key=f"actions_{key}"):
            heading = _(COUNTED).format(title=_(title), n=tr().number(len(actions)))
            st.markdown(f"**{heading}**")
            _action_list(actions)


def _downloads(cmp: Comparison, after: Callable[[], AssessmentResult]) -> None:
    st.subheader(_("Progress report"), anchor=False)
    st.caption(
        _(
            "The full report of the newer answers, with this comparison as its Progress "
            "section after the summary."
        )
    )
    stem = file_stem()

    def pdf() -> bytes:
        from assessment.report.pdf import render_pdf  # matplotlib only when asked for

        data: bytes = render_pdf(after(), page_size="A4", comparison=cmp)
        return data

    def markdown() -> str:
        from assessment.report.markdown import render_markdown

        return render_markdown(after()) + "\n" + words.render_comparison_markdown(cmp)

    with st.container(horizontal=True, gap="small"):
        st.download_button(
            _("Report with progress (PDF)"),
            data=pdf,
            file_name=f"{stem}-progress.pdf",
            mime="application/pdf",
            key="dl_progress_pdf",
            on_click="ignore",
            type="primary",
            icon=":material/picture_as_pdf:",
        )
        st.download_button(
            _("Report with progress (Markdown)"),
            data=markdown,
            file_name=f"{stem}-progress.md",
            mime="text/markdown",
            key="dl_progress_md",
            on_click="ignore",
            icon=":material/description:",
        )
        st.download_button(
            _("Comparison (JSON)"),
            data=lambda: words.render_comparison_json(cmp),
            file_name=f"{stem}-progress.json",
            mime="application/json",
            key="dl_progress_json",
            on_click="ignore",
            icon=":material/data_object:",
        )
