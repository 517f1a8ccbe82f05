"""Messages every page shows at the top when something needs the person's attention.

A resume link that did not work, saved answers that no longer fit the questionnaire, and
a save that failed: each says what happened and what to do next.
"""

from __future__ import annotations

import streamlit as st

from assessment.ui import session
from assessment.ui.routes import START


def _start_fresh() -> None:
    session.forget()
    session.start_new()


def render_notices() -> None:
    problem = st.session_state.get(session.TOKEN_PROBLEM)
    if problem:
        with st.container(border=True, key="token_problem"):
            st.error(str(problem), icon=":material/link_off:")
            with st.container(horizontal=True):
                st.button(
                    "Start a new assessment",
                    key="token_problem_new",
                    type="primary",
                    on_click=_start_fresh,
                )
                st.page_link(START, label="Back to the start page", icon=":material/home:")
    aside = st.session_state.get(session.SET_ASIDE)
    if aside:
        one = len(aside) == 1
        st.warning(
            f"{len(aside)} saved answer{'' if one else 's'} no longer "
            f"{'matches' if one else 'match'} the questionnaire (it has changed since) and "
            f"{'is' if one else 'are'} not used. Please answer "
            f"{'that question' if one else 'those questions'} again.",
            icon=":material/info:",
        )
    if st.session_state.get(session.SAVE_FAILED):
        st.error(session.SAVE_FAILED_TEXT, icon=":material/cloud_off:")
    refused = st.session_state.get(session.SAVE_REFUSED)
    if refused:
        st.warning(str(refused), icon=":material/lock:")
