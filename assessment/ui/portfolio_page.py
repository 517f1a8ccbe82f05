"""Portfolio: several teams of one organisation side by side, seen only through its link.

Without a link, the page makes one: paste the links of the assessments you hold (resume
links, or a workshop's facilitator link for the team's answers; holding the link is the
proof that they are yours), give each team a label and choose what to include (a
milestone, or the answers as they are), and get the portfolio's own link, shown once.

With a link (``…/portfolio?p=KEY``) the page shows what its creator chose: a table of
scores with the organisation's median, a small radar per team against that median,
where each team is ahead or behind, and the findings several teams share. It reads
nothing but the portfolio: this page never calls :func:`session.sync`, so its address
never gets a resume link added, and nothing on it leads to a member's answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError
from streamlit.elements.lib.column_types import ColumnConfig

from assessment.i18n import N_
from assessment.portfolio import MARGIN, Portfolio, analyse
from assessment.report import content as c
from assessment.snapshots import Snapshot, result_of
from assessment.store import milestones as ms
from assessment.store import portfolios as pf
from assessment.store import repository
from assessment.store import workshops as ws
from assessment.ui import session
from assessment.ui.language import _, current, ngettext, tr
from assessment.ui.progress_charts import overlay_figure
from assessment.ui.resources import bank, database
from assessment.ui.resume import app_root
from assessment.ui.routes import PORTFOLIO_PATH
from assessment.ui.text import plain

LINK_PARAM = "p"
CANDIDATES = "portfolio_candidates"
CREATED = "portfolio_created"
PROBLEM = "portfolio_problem"
NOW = 0
PER_ROW = 3
PLOT_CONFIG = {"displayModeBar": False, "responsive": True}
MILESTONE_SOURCE = "Milestone “"
"""How the store words a member taken from a milestone (assessment.store.portfolios)."""
GROUP = N_("Group")
MEDIAN = N_("Median")
LABELLED = N_("{label}: {text}")
STANDING_MARK = {"ahead": " ▲", "behind": " ▼", "level": "", "unscored": ""}
TONES = {"ahead": "green", "behind": "red"}


@dataclass(frozen=True)
class Candidate:
    """An assessment the person showed they hold; its key stays on the server."""

    token: str
    team: bool
    label: str
    milestones: list[ms.MilestoneInfo]


def portfolio_url(link: str) -> str:
    return f"{app_root(st.context.url)}/{PORTFOLIO_PATH}?{LINK_PARAM}={link}"


def render() -> None:
    if session.RESUME_PARAM in st.query_params:
        del st.query_params[session.RESUME_PARAM]  # a portfolio's address carries no resume link
    link = st.query_params.get(LINK_PARAM)
    if link:
        _show(link)
    else:
        _create()


# --------------------------------------------------------------------------- create


def _param(text: str, name: str) -> str | None:
    found = parse_qs(urlsplit(text).query).get(name)
    return found[0].strip() if found else None


def _resolve(line: str) -> Candidate | None:
    """A pasted resume or facilitator link (or a bare code) → what it opens, or None."""
    text = line.strip()
    resume = _param(text, session.RESUME_PARAM) if "?" in text else None
    secret = _param(text, "f") if "?" in text else None
    engine = database()
    tries: list[tuple[str, str]] = []
    if resume:
        tries.append(("resume", resume))
    if secret:
        tries.append(("facilitator", secret))
    if not tries:
        tries = [("resume", text), ("facilitator", text)]
    for kind, key in tries:
        if kind == "resume":
            stored = repository.load(engine, key) if repository.valid_token(key) else None
            if stored is not None and stored.kind != "team":
                label = str(stored.meta.get("organization") or "")
                return Candidate(key, False, label, ms.listed(engine, key))
        else:
            workshop = ws.by_facilitator(engine, key) if repository.valid_token(key) else None
            if workshop is None:
                continue
            team = workshop.team_token
            return Candidate(team, True, workshop.title, ms.listed(engine, team))
    return None


def _forget_choices() -> None:
    """Drop the labels and choices drawn for the links checked before."""
    for key in list(st.session_state.keys()):
        if str(key).startswith(("portfolio_label_", "portfolio_source_", "portfolio_use_")):
            del st.session_state[key]


def _check_links() -> None:
    lines = str(st.session_state.get("portfolio_links") or "").splitlines()
    _forget_choices()
    st.session_state.pop(CANDIDATES, None)
    if sum(1 for line in lines if line.strip()) > pf.MAX_MEMBERS:
        st.session_state[PROBLEM] = _(
            "A portfolio puts at most {n} assessments side by side: paste fewer links."
        ).format(n=tr().number(pf.MAX_MEMBERS))
        return
    found: list[Candidate] = []
    bad: list[int] = []
    if st.session_state.get("portfolio_this_tab") and session.token():
        token = str(session.token())
        team = session.team_view()
        try:
            stored = repository.load(database(), token)
            label = str((stored.meta if stored else {}).get("organization") or "")
            found.append(Candidate(token, team, label, ms.listed(database(), token)))
        except SQLAlchemyError:
            bad.append(0)
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            candidate = _resolve(line)
        except SQLAlchemyError:
            candidate = None
        if candidate is None:
            bad.append(n)
        elif all(c.token != candidate.token for c in found):
            found.append(candidate)
    st.session_state[CANDIDATES] = found
    st.session_state.pop(CREATED, None)
    lines_bad = [n for n in bad if n]
    st.session_state[PROBLEM] = (
        ngettext(
            "No assessment or workshop belongs to the link on line {lines}. Check that it was "
            "copied completely.",
            "No assessment or workshop belongs to the links on lines {lines}. Check that each "
            "was copied completely.",
            len(lines_bad),
        ).format(lines=tr().join(str(n) for n in lines_bad))
        if lines_bad
        else None
    )


def _make(candidates: list[Candidate]) -> None:
    choices = []
    for i, cand in enumerate(candidates):
        if not st.session_state.get(f"portfolio_use_{i}", True):
            continue
        choice = st.session_state.get(f"portfolio_source_{i}", NOW)
        choices.append(
            pf.MemberChoice(
                token=cand.token,
                label=str(st.session_state.get(f"portfolio_label_{i}") or ""),
                milestone_id=None if choice == NOW else int(choice),
                team=cand.team,
            )
        )
    title = str(st.session_state.get("portfolio_title") or "")
    try:
        link = pf.create(database(), title, choices)
    except pf.PortfolioError as exc:
        st.session_state[PROBLEM] = exc.say(tr())
        return
    except SQLAlchemyError:
        st.session_state[PROBLEM] = _("The portfolio was not made: the database did not respond.")
        return
    st.session_state[PROBLEM] = None
    st.session_state[CREATED] = link
    st.session_state.pop(CANDIDATES, None)


def _another() -> None:
    st.session_state.pop(CREATED, None)
    st.session_state["portfolio_links"] = ""
    _forget_choices()


def _create() -> None:
    st.title(_("Portfolio: your teams side by side"))
    st.markdown(
        _(
            "Put several assessments of one organisation side by side: one per business unit, "
            "or the workshops of different teams. You see each team's scores against the "
            "organisation's median, where each team is ahead or behind, and which findings "
            "recur across teams."
        )
    )
    st.caption(
        _(
            "Only assessments whose links you hold can go in. The portfolio gets its own "
            "link: whoever has it sees the teams' results as you chose them today (never "
            "their answers' links, and nothing added later)."
        )
    )
    created = st.session_state.get(CREATED)
    if created:
        url = portfolio_url(str(created))
        st.success(_("The portfolio is ready. Its link:"), icon=":material/dashboard:")
        st.code(url, language=None, wrap_lines=True)
        st.warning(
            _(
                "Anyone with this link sees these teams' results. Share it like a password; "
                "it is shown only now."
            ),
            icon=":material/key:",
        )
        with st.container(horizontal=True, gap="small"):
            st.link_button(_("Open the portfolio"), url, icon=":material/open_in_new:")
            st.button(_("Make another portfolio"), key="portfolio_another", on_click=_another)
        return

    st.subheader(_("1. The assessments"), anchor=False)
    with st.form("portfolio_links_form", border=False):
        st.text_area(
            _("Links, one per line"),
            key="portfolio_links",
            placeholder="http://…/assessment?resume=…\nhttp://…/facilitate?f=…",
            help=_(
                "Resume links of self-assessments, or a workshop's facilitator link for the "
                "team's answers."
            ),
        )
        if session.token():
            st.checkbox(_("Include the assessment open in this tab"), key="portfolio_this_tab")
        st.form_submit_button(
            _("Check the links"),
            icon=":material/fact_check:",
            on_click=_check_links,
        )
    problem = st.session_state.get(PROBLEM)
    if problem:
        st.error(plain(problem), icon=":material/error:")
    candidates: list[Candidate] = st.session_state.get(CANDIDATES) or []
    if not candidates:
        return
    st.subheader(_("2. Labels and what to include"), anchor=False)
    with st.form("portfolio_make_form", border=False):
        st.text_input(_("Portfolio title"), key="portfolio_title", max_chars=pf.MAX_TITLE)
        for i, cand in enumerate(candidates):
            with st.container(border=True, key=f"portfolio_member_{i}"):
                st.checkbox(
                    _("Include (a workshop's team answers)")
                    if cand.team
                    else _("Include (a self-assessment)"),
                    value=True,
                    key=f"portfolio_use_{i}",
                )
                left, right = st.columns(2)
                left.text_input(
                    _("Team label"),
                    value=cand.label[: pf.MAX_LABEL] or _("Team {n}").format(n=i + 1),
                    key=f"portfolio_label_{i}",
                    max_chars=pf.MAX_LABEL,
                )
                names = {NOW: _("The answers as they are now")}
                names.update(
                    {
                        m.id: _("Milestone “{name}” ({date})").format(
                            name=m.name, date=tr().date(m.taken_on)
                        )
                        for m in cand.milestones
                    }
                )
                right.selectbox(
                    _("Include"),
                    options=list(names),
                    format_func=names.__getitem__,
                    key=f"portfolio_source_{i}",
                )
        st.form_submit_button(
            _("Make the portfolio"),
            type="primary",
            icon=":material/dashboard:",
            on_click=_make,
            args=(candidates,),
        )


# --------------------------------------------------------------------------- show


def _show(link: str) -> None:
    try:
        stored = pf.by_link(database(), link)
    except SQLAlchemyError:
        st.error(_("The portfolio could not be read: the database did not respond."))
        return
    if stored is None:
        st.title(_("Portfolio"))
        st.error(
            _("No portfolio belongs to this link. Check that it was copied completely."),
            icon=":material/link_off:",
        )
        if st.button(_("Make a portfolio"), key="portfolio_new"):
            del st.query_params[LINK_PARAM]
            st.rerun()
        return
    b = bank()
    lang = current()
    teams = []
    notes: list[str] = []
    for m in stored.members:
        result, dropped = result_of(b, Snapshot(m.label, m.values, m.bank_version), lang)
        teams.append((m.label, result))
        notes += [_(LABELLED).format(label=m.label, text=note) for note in dropped]
    folio = analyse(teams)
    st.title(_("Portfolio: {title}").format(title=plain(stored.title)), anchor=False)
    members = tr().join(
        (
            _(c.WITH_NOTE).format(text=plain(m.label), note=plain(_source(m)))
            for m in stored.members
        ),
        "parts",
    )
    st.caption(
        ngettext(
            "{n} team, as chosen on {date}: {members}",
            "{n} teams, as chosen on {date}: {members}",
            len(teams),
        ).format(
            n=tr().number(len(teams)), date=tr().date(stored.created_at.date()), members=members
        )
    )
    if notes:
        label = _("Not compared ({n})").format(n=tr().number(len(notes)))
        with st.expander(label, icon=":material/info:"):
            for note in notes:
                st.markdown(f"- {plain(note)}")
    _table(folio)
    _radars(folio)
    _standings(folio)
    _recurring(folio, len(teams))


def _source(m: pf.Member) -> str:
    """Where a member's answers come from, in the session's language (stored in English:
    ``Milestone “March”``, or ``Answers as of 2026-03-14``)."""
    if m.source.startswith(MILESTONE_SOURCE) and m.source.endswith("”"):
        name = m.source[len(MILESTONE_SOURCE) : -1]
        return _("Milestone “{name}”").format(name=name)
    if m.source.startswith("Answers as of "):
        return _("Answers as of {date}").format(date=tr().date(m.taken_on))
    return m.source


def _table(folio: Portfolio) -> None:
    st.subheader(_("Scores side by side"), anchor=False)
    st.caption(
        _(
            "0–100 per dimension. ▲ ahead of the organisation's median by {margin} points "
            "or more, ▼ behind by as much; — no answers."
        ).format(margin=f"{MARGIN:.0f}")
    )
    labels = [t.label for t in folio.teams]
    rows = []
    for row in folio.dimensions:
        line: dict[str, object] = {
            "group": c.group_title(row.group, current()),
            "dimension": row.title,
            "median": row.median,
        }
        for i, cell in enumerate(row.teams):
            line[f"t{i}"] = (
                "—" if cell.score is None else f"{cell.score:.0f}{STANDING_MARK[cell.standing]}"
            )
        rows.append(line)
    config: dict[str, ColumnConfig] = {
        "group": st.column_config.TextColumn(_(GROUP)),
        "dimension": st.column_config.TextColumn(_(c.PROFILE_COLUMNS["dimension"])),
        "median": st.column_config.NumberColumn(_(MEDIAN), format="%.0f"),
    }
    config.update({f"t{i}": st.column_config.TextColumn(label) for i, label in enumerate(labels)})
    st.dataframe(
        rows,
        hide_index=True,
        width="stretch",
        height="content",
        column_config=config,
        key="portfolio_table",
    )


def _radars(folio: Portfolio) -> None:
    st.subheader(_("Each team against the median"), anchor=False)
    groups = list(dict.fromkeys(row.group for row in folio.dimensions))
    lang = current()
    group = st.segmented_control(
        _(GROUP),
        options=groups,
        format_func=lambda g: c.group_title(g, lang),
        default=groups[0] if groups else None,
        key="portfolio_group",
    )
    rows = [row for row in folio.dimensions if row.group == (group or groups[0])]
    st.caption(_("Each team: solid line. The organisation's median: dashed line."))
    for start in range(0, len(folio.teams), PER_ROW):
        columns = st.columns(PER_ROW)
        for offset, column in enumerate(columns):
            i = start + offset
            if i >= len(folio.teams):
                break
            with column:
                st.markdown(f"**{plain(folio.teams[i].label)}**")
                st.plotly_chart(
                    overlay_figure(
                        [r.title for r in rows],
                        [r.teams[i].score for r in rows],
                        [r.median for r in rows],
                        (folio.teams[i].label, _(MEDIAN)),
                        height=360,
                        wrap=12,
                        legend=False,
                        lang=lang,
                    ),
                    config=PLOT_CONFIG,
                    key=f"portfolio_radar_{i}",
                )


def _standings(folio: Portfolio) -> None:
    st.subheader(_("Where each team is ahead or behind"), anchor=False)
    nowhere = _("nowhere")
    for start in range(0, len(folio.teams), PER_ROW):
        columns = st.columns(PER_ROW)
        for column, team in zip(columns, folio.teams[start : start + PER_ROW], strict=False):
            with column, st.container(border=True):
                st.markdown(f"**{plain(team.label)}**")
                approach = c.APPROACH_NAMES.get(team.approach)
                st.caption(
                    ngettext(
                        "{approach_label}: {approach} · {share} answered · {n} finding",
                        "{approach_label}: {approach} · {share} answered · {n} findings",
                        team.findings,
                    ).format(
                        approach_label=_(c.STARTING_APPROACH),
                        approach=_(approach) if approach else team.approach,
                        share=tr().percent(team.completeness),
                        n=tr().number(team.findings),
                    )
                )
                ahead = plain(tr().join(team.ahead)) or nowhere
                behind = plain(tr().join(team.behind)) or nowhere
                st.markdown(_(":green[**Ahead:**] {dimensions}").format(dimensions=ahead))
                st.markdown(_(":red[**Behind:**] {dimensions}").format(dimensions=behind))


def _recurring(folio: Portfolio, count: int) -> None:
    st.subheader(_("Findings that recur across teams"), anchor=False)
    if not folio.recurring:
        st.caption(_("No finding is shared by two teams or more."))
        return
    for f in folio.recurring:
        severity = c.SEVERITY_TEXT.get(f.severity or "")
        where = _("in {n} of {total} teams").format(
            n=tr().number(len(f.teams)), total=tr().number(count)
        )
        if severity:
            where = _("{where} · {severity}").format(where=where, severity=_(severity))
        st.markdown(
            f"- **{plain(f.title)}** — "
            + _(LABELLED).format(label=where, text=plain(tr().join(f.teams)))
        )
