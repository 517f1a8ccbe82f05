"""Milestones in the app: save one, list them, compare one with now, re-assess from one.

Shown on the Start page (for the resume link open in this tab) and on the Progress view.
A workshop's team answers get milestones too, saved with the facilitator secret of the
tab that opened them; a re-assessment round is for a person's own answers only (a room
re-assesses itself in a new workshop).

Starting a round replaces the answers with the milestone's (fitted to today's bank), marks
each one "confirm or change" (:mod:`assessment.ui.review`) and opens the questionnaire at
its first section.
"""

from __future__ import annotations

from datetime import date

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from assessment.fitting import fit_values
from assessment.i18n import N_
from assessment.store import milestones as ms
from assessment.store.repository import AnswerRefusedError
from assessment.ui import review, routes, session
from assessment.ui.language import _, current, ngettext, tr
from assessment.ui.resources import bank, database
from assessment.ui.text import plain

COMPARE_REQUEST = "progress_compare_request"
"""The milestone the Progress view should compare with now (set by "Compare with now")."""
ROUND_ASK = "milestone_round_ask"
SAVED = "milestone_saved"
ERROR = "milestone_error"
DATE_FORMATS = {"en": "YYYY-MM-DD", "ja": "YYYY/MM/DD"}
"""How the date picker writes a date, per language."""
DB_DOWN = N_("The milestones could not be read: the database did not respond. Try again shortly.")
"""An English msgid: translated where it is shown."""


def _save(where: str) -> None:
    name = str(st.session_state.get(f"milestone_name_{where}") or "")
    day = st.session_state.get(f"milestone_date_{where}")
    taken_on = day if isinstance(day, date) else None
    secret = st.session_state.get(session.TEAM_VIEW)
    token = session.token()
    st.session_state.pop(SAVED, None)
    st.session_state.pop(ERROR, None)
    try:
        if secret:
            saved = ms.save_team(database(), str(secret), name, taken_on)
        elif token:
            saved = ms.save(database(), token, name, taken_on)
        else:
            return
    except ms.MilestoneError as exc:
        st.session_state[ERROR] = exc.say(tr())
        return
    except SQLAlchemyError:
        st.session_state[ERROR] = _("The milestone was not saved: the database did not respond.")
        return
    st.session_state[SAVED] = _("Saved the milestone “{name}” ({date}, {answers}).").format(
        name=saved.name, date=tr().date(saved.taken_on), answers=_answers(saved.answered)
    )
    st.session_state[f"milestone_name_{where}"] = ""


def _answers(n: int) -> str:
    """``7 answers`` in the session's language."""
    return ngettext("{n} answer", "{n} answers", n).format(n=tr().number(n))


def render_save_form(where: str) -> None:
    """Name (and date) a snapshot of the answers as they are stored now."""
    with st.form(f"milestone_form_{where}", border=False, enter_to_submit=True):
        left, right = st.columns([3, 1], vertical_alignment="bottom")
        left.text_input(
            _("Milestone name"),
            key=f"milestone_name_{where}",
            max_chars=ms.MAX_NAME,
            placeholder=_("Baseline, March"),
        )
        right.date_input(
            _("Date"),
            key=f"milestone_date_{where}",
            value="today",
            format=DATE_FORMATS.get(current(), "YYYY-MM-DD"),
        )
        st.form_submit_button(
            _("Save as a milestone"),
            icon=":material/flag:",
            on_click=_save,
            args=(where,),
        )
    st.caption(
        _(
            "A milestone keeps the answers as they are now, unchanged, to compare with later. "
            "Your answers stay editable."
        )
    )
    if st.session_state.get(ERROR):
        st.error(plain(st.session_state[ERROR]), icon=":material/error:")
    if st.session_state.get(SAVED):
        st.success(plain(st.session_state[SAVED]), icon=":material/flag:")


def _compare(milestone_id: int) -> None:
    st.session_state[COMPARE_REQUEST] = milestone_id


def _ask_round(milestone_id: int | None) -> None:
    if milestone_id is None:
        st.session_state.pop(ROUND_ASK, None)
    else:
        st.session_state[ROUND_ASK] = milestone_id


def start_round(milestone_id: int) -> str | None:
    """Re-assess from a milestone; returns a problem to show, or None once it started."""
    token = session.token()
    if token is None or session.team_view():
        return _("A re-assessment starts from your own answers' milestones.")
    try:
        found = ms.load(database(), token, milestone_id)
        if found is None:
            return _("That milestone is not one of this assessment's.")
        fitted = fit_values(bank(), found.values, found.bank_version, current())
        ms.start_round(database(), token, milestone_id, fitted.values)
    except ms.MilestoneError as exc:
        return exc.say(tr())
    except AnswerRefusedError as exc:
        return _(str(exc))
    except SQLAlchemyError:
        return _("The new round could not start: the database did not respond.")
    review.forget()
    st.session_state.pop(ROUND_ASK, None)
    # Read the answers back from the database, as a visit by resume link does.
    st.session_state.pop(session.TOKEN, None)
    st.query_params[session.RESUME_PARAM] = token
    session.sync()
    st.session_state[session.SECTION] = 0
    return None


def listed() -> list[ms.MilestoneInfo] | None:
    """The open assessment's milestones, newest first; None when the database is down."""
    token = session.token()
    if token is None:
        return []
    try:
        return ms.listed(database(), token)
    except SQLAlchemyError:
        return None


def render_list(where: str, saved: list[ms.MilestoneInfo] | None) -> None:
    """Milestones (from :func:`listed`), with what can be done with each."""
    if saved is None:
        st.error(_(DB_DOWN), icon=":material/cloud_off:")
        return
    if not saved:
        st.caption(_("No milestones yet."))
        return
    asked = st.session_state.get(ROUND_ASK)
    own = not session.team_view()
    for m in saved:
        with st.container(border=True, key=f"milestone_{where}_{m.id}"):
            with st.container(horizontal=True, vertical_alignment="center", gap="small"):
                st.markdown(f":material/flag: **{plain(m.name)}**")
                st.caption(
                    _("{date} · {answers} · bank {version}").format(
                        date=tr().date(m.taken_on),
                        answers=_answers(m.answered),
                        version=plain(m.bank_version),
                    )
                )
            with st.container(horizontal=True, gap="small"):
                if st.button(
                    _("Compare with now"),
                    key=f"milestone_compare_{where}_{m.id}",
                    icon=":material/compare_arrows:",
                    on_click=_compare,
                    args=(m.id,),
                ):
                    st.switch_page(routes.PROGRESS)
                if own:
                    st.button(
                        _("Re-assess from this"),
                        key=f"milestone_round_{where}_{m.id}",
                        icon=":material/restart_alt:",
                        on_click=_ask_round,
                        args=(m.id,),
                    )
            if own and asked == m.id:
                _confirm_round(where, m)


def _confirm_round(where: str, m: ms.MilestoneInfo) -> None:
    st.warning(
        ngettext(
            "Your answers will be replaced by the {n} answer of “{name}”, marked *confirm or "
            "change* until you touch it. To keep your current answers, save them as a "
            "milestone first.",
            "Your answers will be replaced by the {n} answers of “{name}”, each marked "
            "*confirm or change* until you touch it. To keep your current answers, save them "
            "as a milestone first.",
            m.answered,
        ).format(n=tr().number(m.answered), name=plain(m.name)),
        icon=":material/restart_alt:",
    )
    with st.container(horizontal=True, gap="small"):
        if st.button(
            _("Start the new round"),
            key=f"milestone_round_go_{where}",
            type="primary",
            icon=":material/play_arrow:",
        ):
            problem = start_round(m.id)
            if problem is None:
                st.switch_page(routes.ASSESSMENT)
            st.error(plain(problem), icon=":material/error:")
        st.button(
            _("Cancel"),
            key=f"milestone_round_cancel_{where}",
            on_click=_ask_round,
            args=(None,),
        )


def render_start_panel(token: str) -> None:
    """The Start page's part: the round under way, the milestones, saving one."""
    state = review.current(token)
    saved = listed()
    label = (
        _("Milestones and progress ({n})").format(n=tr().number(len(saved)))
        if saved
        else _("Milestones and progress")
    )
    with st.expander(label, icon=":material/timeline:", expanded=state is not None):
        if state is not None:
            review.render_summary(state, bank())
        render_list("start", saved)
        render_save_form("start")
        st.page_link(routes.PROGRESS, label=_("See your progress"), icon=":material/timeline:")
