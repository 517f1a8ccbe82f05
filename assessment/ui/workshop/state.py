"""The facilitator's workshop, looked up from the secret token in the URL."""

from __future__ import annotations

import streamlit as st

from assessment.store import workshops as ws
from assessment.ui.resources import engine

FACILITATOR_PARAM = "f"


def facilitator_token(keep_in_url: bool = True) -> str | None:
    """The secret from the URL, or the one this browser tab already used.

    The shared screen passes ``keep_in_url=False``: it takes the secret out of the address
    bar, which a projector would otherwise show to the whole room.
    """
    token = st.query_params.get(FACILITATOR_PARAM)
    if token is None:
        token = st.session_state.get("workshop_facilitator")
        if token and keep_in_url:
            st.query_params[FACILITATOR_PARAM] = token
    elif not keep_in_url:
        st.session_state["workshop_facilitator"] = token
        del st.query_params[FACILITATOR_PARAM]
    return token


def current(keep_in_url: bool = True) -> ws.Workshop | None:
    """The workshop this page controls, or None (with nothing shown) if the link is bad."""
    token = facilitator_token(keep_in_url)
    if not token:
        return None
    workshop = ws.by_facilitator(engine(), token)
    if workshop is not None:
        st.session_state["workshop_facilitator"] = token
    return workshop


def remember(workshop: ws.Workshop) -> None:
    st.session_state["workshop_facilitator"] = workshop.facilitator_token
    st.query_params[FACILITATOR_PARAM] = workshop.facilitator_token
