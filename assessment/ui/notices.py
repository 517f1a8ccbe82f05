"""Messages every page shows at the top when something needs the person's attention.

A resume link that did not work, saved answers that no longer fit the questionnaire, and
a save that failed: each says what happened and what to do next.
"""

from __future__ import annotations

import streamlit as st

from assessment.ui import session
from assessment.ui.language import _, ngettext, tr
from assessment.ui.routes import START


def _start_fresh() -> None:
    session.forget()
    session.start_new()


def render_notices() -> None:
    problem = st.session_state.get(session.TOKEN_PROBLEM)
    if problem:
        with st.container(border=True, key="token_problem"):
            st.error(_(str(problem)), icon=":material/link_off:")
            with st.container(horizontal=True):
                st.button(
                    _("Start a new assessment"),
                    key="token_problem_new",
                    type="primary",
                    on_click=_start_fresh,
                )
                st.page_link(START, label=_("Back to the start page"), icon=":material/home:")
    aside = st.session_state.get(session.SET_ASIDE)
    if aside:
        st.warning(
            ngettext(
                "{n} saved answer no longer matches the questionnaire (it has changed "
                "since) and is not used. Please answer that question again.",
                "{n} saved answers no longer match the questionnaire (it has changed "
                "since) and are not used. Please answer those questions again.",
                len(aside),
            ).format(n=tr().number(len(aside))),
            icon=":material/info:",
        )
    if st.session_state.get(session.SAVE_FAILED):
        st.error(_(session.SAVE_FAILED_TEXT), icon=":material/cloud_off:")
    refused = st.session_state.get(session.SAVE_REFUSED)
    if refused:
        st.warning(_(str(refused)), icon=":material/lock:")
