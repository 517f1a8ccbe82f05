"""Facilitate: create a workshop, hand out the join code, and run the room from here.

The facilitator link (``/facilitate?f=<secret>``) is the only key that controls a
workshop; it is shown in a collapsed box with a warning to keep it private. Participants
get the short join code, a QR code and the join address as text.

Nothing that leaves this page carries a secret: the shared screen opens with a
single-use presenter key, and the team's results open in this tab without any token in
the address (the session remembers them), so projecting either shows nothing that
controls the workshop or changes its official answers.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import streamlit as st

from assessment.models import localize
from assessment.store import workshops as ws
from assessment.store.limits import JoinLimits, LimitsError
from assessment.ui import routes, session
from assessment.ui.resources import bank, database
from assessment.ui.text import plain
from assessment.ui.workshop import links, state

PRESENTER_LINK = "presenter_link"


def _create_form() -> None:
    st.title("Run a workshop")
    st.write(
        "Assess your organisation together. Everyone answers on their own device; the "
        "shared screen shows where the room agrees and where it does not, and you record "
        "the answers the room agrees on as the team's official assessment."
    )
    with st.form("workshop_create", border=True):
        title = st.text_input(
            "Workshop title",
            max_chars=200,
            placeholder="e.g. MLOps kick-off, data platform team",
            key="workshop_title",
        )
        threshold = st.number_input(
            "Anonymity threshold",
            min_value=1,
            max_value=50,
            value=3,
            step=1,
            help=(
                "No answers are shown on the shared screen until at least this many "
                "people have answered, so nobody's answer can be singled out."
            ),
            key="workshop_threshold",
        )
        mode = st.radio(
            "How will people answer?",
            ["devices", "room"],
            format_func=lambda m: {
                "devices": "On their own devices (phones or laptops)",
                "room": "In the room: one question at a time on the shared screen; "
                "you record the room's answer",
            }[m],
            key="workshop_mode",
        )
        submitted = st.form_submit_button("Create workshop", type="primary")
    if submitted:
        try:
            workshop = ws.create(database(), bank(), title, int(threshold), str(mode))
        except ws.WorkshopError as exc:
            st.error(str(exc))
            return
        state.remember(workshop)
        st.rerun()


def _control(workshop: ws.Workshop) -> None:
    st.title(plain(workshop.title))
    status = "Open: taking answers" if workshop.open else "Closed: no new answers"
    mode = "answers on devices" if workshop.mode == "devices" else "room mode"
    st.caption(f"{status} · {mode} · anonymity threshold {workshop.threshold}")

    join = links.join_url(workshop.code)
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.subheader("Participants join with")
        st.markdown(f"# `{workshop.code[:3]} {workshop.code[3:]}`")
        st.write("at this address:")
        st.code(join, language=None)
        st.link_button(
            "Open the shared screen",
            links.page_url(routes.PRESENT_PATH, k=_presenter_link(workshop)),
            type="primary",
            key="open_shared_screen",
            on_click=_used_presenter_link,
            help=(
                "Open it on the computer connected to the projector. Each press makes a "
                "new single-use link, so the projector never holds your facilitator link."
            ),
        )
    with right:
        st.image(
            links.qr_png(join),
            caption=f"QR code for {join}",
            width=260,
            alt=f"QR code that opens {join}",
        )

    _joining(workshop)

    names, anonymous = ws.names(database(), workshop.id)
    st.subheader(f"{len(names) + anonymous} participant(s)")
    if names or anonymous:
        shown = ", ".join(plain(n) for n in names)
        extra = f"{anonymous} anonymous" if anonymous else ""
        st.write(", ".join(part for part in (shown, extra) if part))
    else:
        st.write("Nobody has joined yet.")

    st.subheader("Results")
    st.write(
        "The answers you record as the team's answers on the shared screen are the "
        "workshop's official assessment, with its own results page and PDF."
    )
    st.page_link(
        routes.RESULTS,
        label="Open the team's results",
        query_params={session.TEAM_PARAM: "1"},
        help="Opens in this tab; the address carries no token, so it is safe to project.",
    )
    _export(workshop)

    st.subheader("Settings")
    new_mode = st.radio(
        "Answer mode",
        ["devices", "room"],
        index=0 if workshop.mode == "devices" else 1,
        format_func=lambda m: "Own devices" if m == "devices" else "Room mode",
        horizontal=True,
        key="workshop_mode_switch",
    )
    if new_mode != workshop.mode:
        ws.set_mode(database(), workshop.facilitator_token, str(new_mode))
        st.rerun()
    if workshop.open:
        if st.button(
            "Close the workshop",
            key="workshop_close",
            help="Keeps every answer; takes no new ones, and the team's answers are final.",
        ):
            ws.set_status(database(), workshop.facilitator_token, "closed")
            st.rerun()
    elif st.button("Reopen the workshop", key="workshop_reopen"):
        ws.set_status(database(), workshop.facilitator_token, "open")
        st.rerun()

    with st.expander("Your facilitator link (keep it private)"):
        st.warning(
            "Anyone with this link controls the workshop. Bookmark it to come back later; "
            "do not share it with participants."
        )
        st.code(links.page_url(routes.FACILITATE_PATH, f=workshop.facilitator_token), language=None)
    st.caption(f"Question bank: {plain(localize(bank().info.title))} {bank().info.version}")


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
        "Lock the room: nobody new can join",
        value=workshop.locked,
        key="workshop_lock",
        on_change=_toggle_lock,
        args=(workshop,),
        help=(
            "Lock it once everyone is in: the code then lets nobody else join, even if it "
            "was seen on the screen. People already in keep answering."
        ),
    )
    try:
        days = JoinLimits.from_env().max_age_days
    except LimitsError as exc:
        st.error(f"Joining is not configured correctly: {exc}")
        return
    if workshop.created_at is not None:
        until = workshop.created_at + timedelta(days=days)
        st.caption(
            f"New participants can join until {until:%Y-%m-%d} ({days} days after the "
            "workshop was created), while it is open and not locked."
        )


def _export(workshop: ws.Workshop) -> None:
    """The pseudonymised CSV, offered only once enough people have answered."""
    count = ws.respondents(database(), workshop.id)
    if count < workshop.threshold:
        st.button(
            "Download all responses (anonymised CSV)",
            key="workshop_export_waiting",
            disabled=True,
            help=ws.export_refusal(count, workshop.threshold),
        )
        st.caption(ws.export_refusal(count, workshop.threshold))
        return

    def build() -> str:
        try:
            return ws.export_csv(database(), workshop, bank())
        except ws.WorkshopError as exc:  # answers were withdrawn since the page was drawn
            return f"{exc}\n"

    st.download_button(
        "Download all responses (anonymised CSV)",
        data=build,
        file_name=f"workshop-{workshop.code}-responses.csv",
        mime="text/csv",
        key="workshop_export",
        on_click="ignore",
        help=(
            "One row per answer, without names. Participants are numbered P1, P2, … in a "
            "new random order for every download, so a number says nothing about who "
            "joined when."
        ),
    )


def page() -> None:
    token = state.facilitator_token()
    workshop = state.current()
    if token and workshop is None:
        st.error(
            "This facilitator link is not valid: check that it was copied completely. "
            "You can create a new workshop below."
        )
        del st.query_params[state.FACILITATOR_PARAM]
        state.forget()
    if workshop is None:
        _create_form()
    else:
        _control(workshop)


page()
