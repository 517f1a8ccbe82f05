"""The facilitator's workshop, looked up from the secret token in the URL.

Only the facilitator page uses the secret. It keeps it in this tab's session and in its
own address bar (so a bookmark or a reload works), but the shared screen never sees it:
that page runs on a presenter key instead (see ``present.py``), so no navigation on the
projector — Back, the top menu, a reload — can bring the secret back.
"""

from __future__ import annotations

import streamlit as st

from assessment.store import workshops as ws
from assessment.ui.resources import database
from assessment.ui.session import FACILITATOR_SECRET

FACILITATOR_PARAM = "f"


def facilitator_token() -> str | None:
    """The secret from the URL, or the one this browser tab already used (put back in
    the URL: switching pages drops query parameters)."""
    token = st.query_params.get(FACILITATOR_PARAM)
    if token is None:
        token = st.session_state.get(FACILITATOR_SECRET)
        if token:
            st.query_params[FACILITATOR_PARAM] = token
    return token


def current() -> ws.Workshop | None:
    """The workshop this page controls, or None (with nothing shown) if the link is bad."""
    token = facilitator_token()
    if not token:
        return None
    workshop = ws.by_facilitator(database(), token)
    if workshop is not None:
        st.session_state[FACILITATOR_SECRET] = token
    return workshop


def forget() -> None:
    st.session_state.pop(FACILITATOR_SECRET, None)


def remember(workshop: ws.Workshop) -> None:
    st.session_state[FACILITATOR_SECRET] = workshop.facilitator_token
    st.query_params[FACILITATOR_PARAM] = workshop.facilitator_token
