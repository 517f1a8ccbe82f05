"""Tells a workshop participant where their answers go (shown above the questionnaire)."""

from __future__ import annotations

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from assessment.store import workshops as ws
from assessment.ui.language import _
from assessment.ui.resources import database
from assessment.ui.text import plain

_CACHE = "workshop_banner"


def render_participant_banner(token: str | None) -> None:
    """For a participant's token: the workshop's title, and that answers stay private.

    Looked up once per token and kept in session state (the page reruns on every click).
    """
    if not token:
        return
    cached = st.session_state.get(_CACHE)
    if not (isinstance(cached, tuple) and cached[0] == token):
        try:
            workshop = ws.by_participant(database(), token)
        except SQLAlchemyError:
            return
        cached = (token, None if workshop is None else (workshop.title, workshop.open))
        st.session_state[_CACHE] = cached
    info = cached[1]
    if info is None:
        return
    title, is_open = info
    text = _(
        "You are taking part in the workshop **{title}**. Your answers are saved as "
        "you go; the shared screen shows only the room's counts, never your own answers."
    ).format(title=plain(title))
    if not is_open:
        text += " " + _(
            "The workshop is closed: answers you gave are kept, new ones are not taken."
        )
    st.info(text, icon=":material/groups:")
