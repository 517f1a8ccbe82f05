"""The resume link: the URL that brings a person back to their answers.

It is shown prominently with a copy button (``st.code`` has one) and says plainly that
anyone with the link can see and change the answers, so people treat it like a password.
"""

from __future__ import annotations

import os
from urllib.parse import urlencode, urlsplit

import streamlit as st

from assessment.i18n import DEFAULT_LANGUAGE
from assessment.ui.language import LANG_PARAM, _, with_language
from assessment.ui.routes import ASSESSMENT_PATH, URL_PATHS
from assessment.ui.session import RESUME_PARAM, team_view


def app_root(url: str | None) -> str:
    """The app's base URL, without the current page's path.

    ``ASSESS_PUBLIC_URL`` wins when set (behind a proxy the browser's address may not be
    what others can reach); without any address, the local default.
    """
    configured = os.environ.get("ASSESS_PUBLIC_URL", "").strip().rstrip("/")
    if configured:
        return configured
    if not url:
        return "http://localhost:8501"
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    last = path.rsplit("/", 1)[-1]
    if last in URL_PATHS:
        path = path[: -len(last)].rstrip("/")
    return f"{parts.scheme}://{parts.netloc}{path}"


def resume_url(token: str) -> str:
    """The resume link; in another language than English it says which (``&lang=ja``),
    so it opens in the language it was copied in (an English link is as it always was:
    the answers' saved ``meta.language`` opens it in English)."""
    params = with_language({RESUME_PARAM: token})
    if params.get(LANG_PARAM) == DEFAULT_LANGUAGE:
        del params[LANG_PARAM]
    return f"{app_root(st.context.url)}/{ASSESSMENT_PATH}?{urlencode(params)}"


def render_resume_link(token: str, compact: bool = False) -> None:
    """The link with a copy button, and what it is for.

    Not for a workshop's team answers: their token is never shown (it would be on a
    projected page), and the facilitator opens them from the facilitator page.
    """
    if team_view():
        st.caption(
            _(
                "These are the workshop's team answers: open them again from the facilitator "
                "page (Open the team's results)."
            )
        )
        return
    if not compact:
        st.markdown("**" + _("Your resume link") + "**")
        st.caption(
            _(
                "Your answers are saved as you go. Keep this link to come back later, from any "
                "device. Anyone with the link can see and change your answers."
            )
        )
    else:
        st.caption(
            _("Resume link: keep it to come back later. Anyone with it can see your answers.")
        )
    st.code(resume_url(token), language=None, wrap_lines=True)
