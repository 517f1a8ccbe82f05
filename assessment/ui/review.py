"""A re-assessment on the questionnaire: "confirm or change" marks and how many were reviewed.

When a round was started from a milestone (:mod:`assessment.ui.milestones`), every
pre-filled question carries a *Confirm or change* badge and a *Confirm* button until the
person answers it again or confirms it; the store clears the mark on any save
(:mod:`assessment.store.milestones`). A bar above the questions says how many of the
pre-filled answers shown so far were reviewed, and confirms a whole section at once.

Most assessments are not in a round: that is asked of the database once per resume link
and session, so a rerun of the questionnaire costs nothing extra.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from assessment.i18n import N_
from assessment.models import Bank, Question
from assessment.store import milestones as ms
from assessment.store.repository import AnswerRefusedError
from assessment.ui import routes, session
from assessment.ui.language import _, ngettext, tr
from assessment.ui.progress import progress
from assessment.ui.resources import database
from assessment.ui.text import plain

STATE = "review_state"
"""(token, Review or None) as last read: None is kept, a round is read again each run."""
NOW = "review_now"
"""This run's round (set by :func:`render_bar`, read by each question's mark)."""
MARK = N_("Confirm or change")
"""The badge (an English msgid: ``_(MARK)`` where it is drawn)."""


def current(token: str | None) -> ms.Review | None:
    """The open assessment's round, or None (asked of the database once per link)."""
    if token is None or session.team_view():
        return None
    cached = st.session_state.get(STATE)
    if isinstance(cached, tuple) and cached[0] == token and cached[1] is None:
        return None
    try:
        found = ms.review(database(), token)
    except SQLAlchemyError:
        return None
    st.session_state[STATE] = (token, found)
    return found


def forget() -> None:
    """Read the round again on the next run (a round was started or ended here)."""
    st.session_state.pop(STATE, None)
    st.session_state.pop(NOW, None)


def _confirm(question_ids: Sequence[str]) -> None:
    token = session.token()
    if token is None:
        return
    try:
        ms.confirm(database(), token, question_ids)
    except SQLAlchemyError:
        st.session_state[session.SAVE_FAILED] = True
    except (AnswerRefusedError, KeyError) as exc:  # a closed workshop: say why
        st.session_state[session.SAVE_REFUSED] = str(exc)


def _line(state: ms.Review, shown: frozenset[str]) -> tuple[int, int, str]:
    reviewed, total = state.counts(shown)
    number = tr().number
    line = _("{reviewed} of {total} pre-filled answers reviewed").format(
        reviewed=number(reviewed), total=number(total)
    )
    return reviewed, total, line


def render_bar(section: Sequence[Question], shown: frozenset[str]) -> None:
    """Above a section's questions: the round, how many were reviewed, confirm the section."""
    state = current(session.token())
    st.session_state[NOW] = state
    if state is None:
        return
    reviewed, total, line = _line(state, shown)
    with st.container(border=True, key="review_bar"):
        st.markdown(
            ":material/restart_alt: "
            + _("**Re-assessment from “{milestone}”** ({date})").format(
                milestone=plain(state.milestone_name), date=tr().date(state.milestone_taken_on)
            )
        )
        st.progress(reviewed / total if total else 1.0, text=line)
        pending = [q.id for q in section if q.id in state.pending]
        if pending:
            st.caption(
                _(
                    "Each answer from the milestone is marked *Confirm or change*: change it, "
                    "or confirm it as it still holds."
                )
            )
            st.button(
                ngettext(
                    "Confirm the {n} unchanged answer in this section",
                    "Confirm the {n} unchanged answers in this section",
                    len(pending),
                ).format(n=tr().number(len(pending))),
                key="review_confirm_section",
                icon=":material/done_all:",
                on_click=_confirm,
                args=(pending,),
            )
        elif reviewed < total:
            st.caption(_("Every pre-filled answer in this section is reviewed."))
        else:
            st.page_link(
                routes.PROGRESS,
                label=_("All reviewed: see what changed since “{milestone}”").format(
                    milestone=plain(state.milestone_name)
                ),
                icon=":material/timeline:",
            )


def render_mark(q: Question) -> None:
    """Inside a question's card: the mark and a Confirm button, while the mark is on."""
    state = st.session_state.get(NOW)
    if not isinstance(state, ms.Review) or q.id not in state.pending:
        return
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        st.badge(_(MARK), icon=":material/history:", color="orange")
        st.button(
            _("Confirm"),
            key=f"review_confirm_{q.id}",
            type="tertiary",
            icon=":material/check:",
            help=_("The answer from the milestone still holds."),
            on_click=_confirm,
            args=([q.id],),
        )


def render_summary(state: ms.Review, b: Bank) -> None:
    """On the Start page: the round and how many were reviewed (of the questions shown)."""
    done = progress(b, session.values())
    reviewed, total, line = _line(state, done.visible)
    st.markdown(
        _("**Re-assessment from “{milestone}”** ({date}): {line}.").format(
            milestone=plain(state.milestone_name),
            date=tr().date(state.milestone_taken_on),
            line=line,
        )
    )
    st.progress(reviewed / total if total else 1.0)
