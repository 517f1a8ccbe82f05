"""Join a workshop by its code (typed, or from the QR code's link), with a name or not.

Joining creates the participant's own assessment; they then answer the same
questionnaire, saved as they go, and can come back with their resume link. Attempts are
rate-limited per address in the database.
"""

from __future__ import annotations

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from assessment.store import workshops as ws
from assessment.ui import routes
from assessment.ui.resources import engine
from assessment.ui.text import plain
from assessment.ui.workshop import links

ASSESSMENT_PAGE = routes.ASSESSMENT


def page() -> None:
    st.title("Join a workshop")
    code_param = st.query_params.get("code", "")
    found = ws.by_code(engine(), code_param) if code_param else None
    if found is not None:
        st.write(f"You are joining **{plain(found.title)}**.")
        if not found.open:
            st.warning("This workshop is closed and takes no new answers.")
    st.write(
        "Your answers are yours: the shared screen shows only counts and spreads for the "
        "whole room, never one person's answers."
    )
    with st.form("join_form"):
        code = st.text_input(
            "Join code (6 characters, shown on the shared screen)",
            value=ws.normalise_code(code_param)[:6] if code_param else "",
            max_chars=12,
            key="join_code",
        )
        name = st.text_input(
            "Your name (optional: leave it empty to take part anonymously)",
            max_chars=80,
            key="join_name",
        )
        submitted = st.form_submit_button("Join", type="primary")
    if not submitted:
        return
    try:
        token = ws.join(engine(), code, name or None, links.client_key())
    except ws.WorkshopError as exc:
        st.error(str(exc))
        return
    except SQLAlchemyError:
        st.error("The workshop could not be reached: the database did not respond. Try again.")
        return
    st.session_state["workshop_participant"] = token
    st.switch_page(ASSESSMENT_PAGE, query_params={"resume": token})


page()
