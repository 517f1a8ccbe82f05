"""Facilitate: create a workshop, hand out the join code, and run the room from here.

The facilitator link (``/facilitate?f=<secret>``) is the only key that controls a
workshop; it is shown in a collapsed box with a warning to keep it private. Participants
get the short join code, a QR code and the join address as text.

Nothing that leaves this page carries a secret: the shared screen opens with a
single-use presenter key, and the team's results open in this tab without any token in
the address (the session remembers them), so projecting either shows nothing that
controls the workshop or changes its official answers.

The page is in the facilitator's language (the switch at the top). The shared screen has
its own, chosen here (*Shared screen language*, stored with the screen's state), and each
participant chooses theirs on their phone; the join link and QR code carry a language as
a first choice. The responses CSV is written in this page's language.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import streamlit as st

from assessment.i18n import LANGUAGE_NAMES, LANGUAGES, N_
from assessment.store import repository
from assessment.store import workshops as ws
from assessment.store.limits import JoinLimits, LimitsError
from assessment.ui import routes, session
from assessment.ui.language import _, current, ngettext, text, tr
from assessment.ui.resources import bank, database
from assessment.ui.text import plain
from assessment.ui.workshop import links, state
from assessment.ui.workshop.team import render_team_answer

PRESENTER_LINK = "presenter_link"
REMOTE_PROBLEM = "remote_problem"
LIVE_SECONDS = 2
NO_TARGET = -1
MODES = {
    "devices": N_("On their own devices (phones or laptops)"),
    "room": N_(
        "In the room: one question at a time on the shared screen; you record the room's answer"
    ),
}


def _create_form() -> None:
    st.title(_("Run a workshop"))
    st.write(
        _(
            "Assess your organisation together. Everyone answers on their own device; the "
            "shared screen shows where the room agrees and where it does not, and you record "
            "the answers the room agrees on as the team's official assessment."
        )
    )
    with st.form("workshop_create", border=True):
        title = st.text_input(
            _("Workshop title"),
            max_chars=200,
            placeholder=_("e.g. MLOps kick-off, data platform team"),
            key="workshop_title",
        )
        threshold = st.number_input(
            _("Anonymity threshold"),
            min_value=1,
            max_value=50,
            value=3,
            step=1,
            help=_(
                "No answers are shown on the shared screen until at least this many "
                "people have answered, so nobody's answer can be singled out."
            ),
            key="workshop_threshold",
        )
        modes = {m: _(label) for m, label in MODES.items()}  # worded now, not when formatted
        mode = st.radio(
            _("How will people answer?"),
            list(modes),
            format_func=lambda m: modes.get(m, m),
            key="workshop_mode",
        )
        submitted = st.form_submit_button(_("Create workshop"), type="primary")
    if submitted:
        try:
            workshop = ws.create(
                database(), bank(), title, int(threshold), str(mode), language=current()
            )
        except ws.WorkshopError as exc:
            st.error(exc.say(tr()))
            return
        state.remember(workshop)
        st.rerun()


def _control(workshop: ws.Workshop) -> None:
    st.title(plain(workshop.title), anchor=False)
    status = _("Open: taking answers") if workshop.open else _("Closed: no new answers")
    mode = _("answers on devices") if workshop.mode == "devices" else _("room mode")
    threshold = _("anonymity threshold {n}").format(n=tr().number(workshop.threshold))
    st.caption(f"{status} · {mode} · {threshold}")
    st.link_button(
        _("Open the shared screen"),
        links.page_url(routes.PRESENT_PATH, k=_presenter_link(workshop)),
        type="primary",
        key="open_shared_screen",
        on_click=_used_presenter_link,
        help=_(
            "Open it on the computer connected to the projector (or drag the tab to the "
            "projector's display). Each press makes a new single-use link, so the projector "
            "never holds your facilitator link."
        ),
    )
    st.caption(
        _(
            "The shared screen only displays: you drive it from this page, on this computer "
            "or on your phone (open your facilitator link there). A reload in the "
            "projector's browser keeps the screen; on another computer, press the button "
            "again."
        )
    )
    _live(workshop.facilitator_token)
    _remote(workshop)

    join = links.join_url(workshop.code, current())
    st.subheader(_("Participants join with"), anchor=False)
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.markdown(f"# `{workshop.code[:3]} {workshop.code[3:]}`")
        st.write(_("at this address:"))
        st.code(join, language=None, wrap_lines=True)
        st.caption(
            _(
                "The link opens in this page's language; each participant can switch their "
                "phone to the language they prefer. Answers count the same in every language."
            )
        )
    with right:
        st.image(
            links.qr_png(join),
            caption=_("QR code for {address}").format(address=join),
            width=260,
            alt=_("QR code that opens {address}").format(address=join),
        )
    _joining(workshop)

    st.subheader(_("Results"), anchor=False)
    st.write(
        _(
            "The answers you record as the team's answers (on this page, under each "
            "question) are the workshop's official assessment, with its own results page "
            "and PDF."
        )
    )
    st.page_link(
        routes.RESULTS,
        label=_("Open the team's results"),
        query_params={session.TEAM_PARAM: "1"},
        help=_(
            "Opens in this tab, read-only and titled for the team: the address carries no "
            "token and the page has no edit or resume link, so it is safe to project."
        ),
    )
    _team_targets(workshop)
    _export(workshop)

    st.subheader(_("Settings"), anchor=False)
    if workshop.open:
        if st.button(
            _("Close the workshop"),
            key="workshop_close",
            help=_("Keeps every answer; takes no new ones, and the team's answers are final."),
        ):
            ws.set_status(database(), workshop.facilitator_token, "closed")
            st.rerun()
    elif st.button(_("Reopen the workshop"), key="workshop_reopen"):
        ws.set_status(database(), workshop.facilitator_token, "open")
        st.rerun()

    with st.expander(_("Your facilitator link (keep it private)")):
        st.warning(
            _(
                "Anyone with this link controls the workshop. Bookmark it to come back later, "
                "or open it on your phone to use it as the remote; do not share it with "
                "participants."
            )
        )
        st.code(
            links.page_url(routes.FACILITATE_PATH, f=workshop.facilitator_token),
            language=None,
            wrap_lines=True,
        )
    st.caption(
        _("Question bank: {title} {version}").format(
            title=plain(text(bank().info.title)), version=bank().info.version
        )
    )


# --------------------------------------------------------------------------- live numbers


@st.fragment(run_every=LIVE_SECONDS)
def _live(secret: str) -> None:
    """Who joined and how far the room is: redrawn by itself, from the same numbers as the
    shared screen (which shows them as they were while it is frozen)."""
    workshop = ws.by_facilitator(database(), secret)
    if workshop is None:
        return
    b = bank()
    t = tr()
    agg = state.room(b, workshop, t.language)
    names, anonymous = ws.names(database(), workshop.id)
    with st.container(border=True, key="live"):
        st.subheader(state.count(t, state.PARTICIPANTS, len(names) + anonymous), anchor=False)
        if names or anonymous:
            extra = [_("{n} anonymous").format(n=t.number(anonymous))] if anonymous else []
            st.write(t.join([*(plain(n) for n in names), *extra]))
        else:
            st.write(_("Nobody has joined yet."))
        total = sum(p.questions for p in agg.progress)
        share = sum(p.answered_share * p.questions for p in agg.progress) / total if total else 0
        st.progress(
            min(1.0, share),
            text=_("{share} of the questions answered on average").format(
                share=t.percent(min(1.0, share))
            ),
        )
        where = state.position(b, workshop)
        spread = agg.questions[where.question.id]
        view = state.VIEW_TITLES.get(workshop.screen_view)
        on_screen = _(view) if view else workshop.screen_view
        parts = [
            _("On the shared screen: **{view}**").format(view=on_screen),
            _("in {language}").format(language=LANGUAGE_NAMES[workshop.screen_language]),
            ngettext(
                "current question: {n} person answered",
                "current question: {n} people answered",
                spread.responses,
            ).format(n=t.number(spread.responses)),
        ]
        if workshop.frozen:
            parts.append(_("frozen: the screen shows the numbers from when you froze it"))
        st.markdown(" · ".join(parts))
        with st.expander(_("Progress per section")):
            for p in agg.progress:
                st.progress(
                    min(1.0, p.answered_share),
                    text=_("{section}: {share} answered, {n} finished").format(
                        section=plain(p.title),
                        share=t.percent(min(1.0, p.answered_share)),
                        n=t.number(p.complete),
                    ),
                )


# --------------------------------------------------------------------------- remote


def _remote_call(action: Callable[[], object]) -> None:
    """Run a remote control; a refusal becomes a message above the remote."""
    try:
        action()
    except ws.WorkshopError as exc:
        st.session_state[REMOTE_PROBLEM] = exc.say(tr())


def _on_view(secret: str) -> None:
    view = st.session_state.get("remote_view")
    if view:
        _remote_call(lambda: ws.set_view(database(), secret, str(view)))


def _on_step(secret: str, delta: int) -> None:
    workshop = ws.by_facilitator(database(), secret)
    if workshop is None:
        return
    b = bank()
    section, question = state.step(b, state.position(b, workshop), delta)
    _remote_call(lambda: ws.set_position(database(), secret, section, question))
    if workshop.screen_view != "question":
        _remote_call(lambda: ws.set_view(database(), secret, "question"))


def _on_section(secret: str) -> None:
    chosen = st.session_state.get("remote_section")
    section = next((s for s in bank().sections if s.id == chosen), None)
    if section is not None:
        _remote_call(
            lambda: ws.set_position(database(), secret, section.id, section.questions[0].id)
        )


def _on_reveal(secret: str, qid: str) -> None:
    shown = bool(st.session_state.get("remote_reveal"))
    _remote_call(lambda: ws.set_revealed(database(), secret, qid, shown))


def _on_freeze(secret: str) -> None:
    frozen = bool(st.session_state.get("remote_freeze"))
    _remote_call(lambda: ws.set_frozen(database(), secret, frozen))


def _on_screen_language(secret: str) -> None:
    chosen = st.session_state.get("remote_screen_language")
    if chosen in LANGUAGES:
        _remote_call(lambda: ws.set_screen_language(database(), secret, str(chosen)))


def _on_room_mode(secret: str) -> None:
    mode = "room" if st.session_state.get("remote_room_mode") else "devices"
    _remote_call(lambda: ws.set_mode(database(), secret, mode))


def _on_hands(secret: str, qid: str, option_id: str) -> None:
    count = st.session_state.get(f"hands_{qid}_{option_id}") or 0
    _remote_call(lambda: ws.save_hands(database(), secret, qid, option_id, int(count)))


def _remote(workshop: ws.Workshop) -> None:
    """The shared screen's remote: what it shows, the question, reveal, freeze, room mode,
    and the team's answer to the question on screen. Each control is preset from the
    database on every run, so two remotes (laptop and phone) stay in step."""
    b = bank()
    secret = workshop.facilitator_token
    where = state.position(b, workshop)
    q = where.question
    with st.container(border=True, key="remote"):
        st.subheader(_("Shared screen remote"), anchor=False)
        problem = st.session_state.pop(REMOTE_PROBLEM, None)
        if problem:
            st.error(str(problem))
        st.session_state["remote_view"] = workshop.screen_view
        views = {
            v: _(state.VIEW_TITLES[v]) if v in state.VIEW_TITLES else v for v in ws.SCREEN_VIEWS
        }
        st.pills(
            _("Show on the shared screen"),
            list(views),
            format_func=lambda v: views.get(v, v),
            key="remote_view",
            on_change=_on_view,
            args=(secret,),
        )
        st.session_state["remote_screen_language"] = workshop.screen_language
        st.segmented_control(
            _("Shared screen language"),
            list(LANGUAGES),
            format_func=lambda code: LANGUAGE_NAMES.get(code, code),
            key="remote_screen_language",
            on_change=_on_screen_language,
            args=(secret,),
            help=_(
                "The language of everything on the shared screen: questions, answers, charts "
                "and the team's results. Each participant reads their own phone in the "
                "language they choose there; answers count the same in every language."
            ),
        )
        st.markdown(
            _("**{section}** · question {number} of {total}  \n{question}").format(
                section=plain(text(where.section.title)),
                number=tr().number(where.number),
                total=tr().number(where.of),
                question=plain(text(q.text)),
            )
        )
        with st.container(horizontal=True, gap="small"):
            st.button(
                _("Previous"),
                icon=":material/arrow_back:",
                key="remote_prev",
                on_click=_on_step,
                args=(secret, -1),
                width="stretch",
            )
            st.button(
                _("Next"),
                icon=":material/arrow_forward:",
                key="remote_next",
                on_click=_on_step,
                args=(secret, 1),
                type="primary",
                width="stretch",
            )
        st.session_state["remote_section"] = where.section.id
        titles = {s.id: f"{i}. {text(s.title)}" for i, s in enumerate(b.sections, start=1)}
        st.selectbox(
            _("Jump to a section"),
            list(titles),
            format_func=lambda s: titles.get(s, s),
            key="remote_section",
            on_change=_on_section,
            args=(secret,),
        )
        st.session_state["remote_reveal"] = q.id in workshop.revealed
        st.toggle(
            _("Reveal the answers to this question"),
            key="remote_reveal",
            on_change=_on_reveal,
            args=(secret, q.id),
            help=_("The screen shows counts only once at least the anonymity threshold answered."),
        )
        st.session_state["remote_freeze"] = workshop.frozen
        st.toggle(
            _("Freeze the screen's numbers"),
            key="remote_freeze",
            on_change=_on_freeze,
            args=(secret,),
            help=_(
                "The numbers hold still while the room discusses them; the view and the "
                "question still follow this remote."
            ),
        )
        st.session_state["remote_room_mode"] = workshop.mode == "room"
        st.toggle(
            _("Room mode: count a show of hands"),
            key="remote_room_mode",
            on_change=_on_room_mode,
            args=(secret,),
            help=_("For rooms without devices: you type how many hands went up for each option."),
        )
        if workshop.mode == "room" and q.options:
            _hands(workshop, q.id, [(o.id, text(o.label)) for o in q.options])
        with st.container(key="remote_team"):
            stored = ws.team_values(database(), secret).get(q.id)
            render_team_answer(b, q, stored, secret, disabled=not workshop.open)


def _hands(workshop: ws.Workshop, qid: str, options: list[tuple[str, str]]) -> None:
    counts = ws.hand_counts(database(), workshop.id).get(qid, {})
    st.markdown("**" + _("Show of hands") + "**")
    columns = st.columns(min(3, len(options)))
    for i, (option_id, label) in enumerate(options):
        key = f"hands_{qid}_{option_id}"
        st.session_state[key] = counts.get(option_id, 0)
        columns[i % len(columns)].number_input(
            label,
            min_value=0,
            max_value=10_000,
            step=1,
            key=key,
            on_change=_on_hands,
            args=(workshop.facilitator_token, qid, option_id),
        )


# --------------------------------------------------------------------------- team targets


def _on_target(secret: str, dimension: str) -> None:
    chosen = st.session_state.get(f"team_target__{dimension}", NO_TARGET)
    level = None if chosen in (None, NO_TARGET) else int(chosen)
    _remote_call(lambda: ws.update_team_targets(database(), secret, {dimension: level}))


def _team_targets(workshop: ws.Workshop) -> None:
    """The team's target levels: a plan, set here so the results page can stay read-only."""
    secret = workshop.facilitator_token
    stored = repository.load(database(), ws.team_token_for(database(), secret))
    targets = dict(stored.targets) if stored else {}
    b = bank()
    names = {
        NO_TARGET: _("No target"),
        **{i: f"{i} · {text(level.label)}" for i, level in enumerate(b.info.scale)},
    }
    with st.expander(_("The team's targets")):
        st.caption(
            _(
                "The level the team wants to reach in each dimension: a dashed line on the "
                "team's charts; capabilities below it join the findings and the roadmap."
            )
        )
        columns = st.columns(2, gap="medium")
        for i, d in enumerate(b.dimensions):
            key = f"team_target__{d.id}"
            st.session_state[key] = targets.get(d.id, NO_TARGET)
            columns[i % 2].selectbox(
                text(d.title),
                list(names),
                format_func=lambda v: names.get(v, str(v)),
                key=key,
                on_change=_on_target,
                args=(secret, d.id),
            )


def _presenter_link(workshop: ws.Workshop) -> str:
    """A single-use key for the shared screen's address, made again once used or old."""
    cached = st.session_state.get(PRESENTER_LINK)
    now = datetime.now(UTC)
    fresh_for = ws.LINK_KEY_LIFETIME - timedelta(minutes=3)
    if isinstance(cached, tuple) and cached[0] == workshop.id and now - cached[2] < fresh_for:
        return str(cached[1])
    key = ws.new_presenter_link(database(), workshop.facilitator_token)
    st.session_state[PRESENTER_LINK] = (workshop.id, key, now)
    return key


def _used_presenter_link() -> None:
    st.session_state.pop(PRESENTER_LINK, None)


def _toggle_lock(workshop: ws.Workshop) -> None:
    locked = bool(st.session_state.get("workshop_lock"))
    ws.set_locked(database(), workshop.facilitator_token, locked)


def _joining(workshop: ws.Workshop) -> None:
    """Who can still join: the lock, and the workshop's age limit."""
    st.toggle(
        _("Lock the room: nobody new can join"),
        value=workshop.locked,
        key="workshop_lock",
        on_change=_toggle_lock,
        args=(workshop,),
        help=_(
            "Lock it once everyone is in: the code then lets nobody else join, even if it "
            "was seen on the screen. People already in keep answering."
        ),
    )
    try:
        days = JoinLimits.from_env().max_age_days
    except LimitsError as exc:
        st.error(_(ws.MISCONFIGURED).format(problem=exc))
        return
    if workshop.created_at is not None:
        until = workshop.created_at + timedelta(days=days)
        st.caption(
            ngettext(
                "New participants can join until {date} ({n} day after the workshop was "
                "created), while it is open and not locked.",
                "New participants can join until {date} ({n} days after the workshop was "
                "created), while it is open and not locked.",
                days,
            ).format(date=tr().date(until.date()), n=tr().number(days))
        )


def _export(workshop: ws.Workshop) -> None:
    """The pseudonymised CSV, offered only once enough people have answered."""
    count = ws.respondents(database(), workshop.id)
    if count < workshop.threshold:
        why = ws.refusal_error(count, workshop.threshold).say(tr())
        st.button(
            _("Download all responses (anonymised CSV)"),
            key="workshop_export_waiting",
            disabled=True,
            help=why,
        )
        st.caption(why)
        return
    t = tr()

    def build() -> str:
        try:
            return ws.export_csv(database(), workshop, bank(), t.language)
        except ws.WorkshopError as exc:  # answers were withdrawn since the page was drawn
            return f"{exc.say(t)}\n"

    st.download_button(
        _("Download all responses (anonymised CSV)"),
        data=build,
        file_name=f"workshop-{workshop.code}-responses.csv",
        mime="text/csv",
        key="workshop_export",
        on_click="ignore",
        help=_(
            "One row per answer, without names, with the questions and answers in this "
            "page's language. Participants are numbered P1, P2, … in a new random order for "
            "every download, so a number says nothing about who joined when."
        ),
    )


def page() -> None:
    token = state.facilitator_token()
    workshop = state.current()
    if token and workshop is None:
        st.error(
            _(
                "This facilitator link is not valid: check that it was copied completely. "
                "You can create a new workshop below."
            )
        )
        del st.query_params[state.FACILITATOR_PARAM]
        state.forget()
    if workshop is None:
        _create_form()
    else:
        _control(workshop)


page()
