"""Streamlit entry point: page configuration (titles, the app's CSS) and navigation only.

``make run`` starts it with ``streamlit run app.py``. The pages live in
``assessment/ui/pages/``; the work is done in ``assessment/ui/``.
"""

import streamlit as st

from assessment.ui import language, routes, session, style
from assessment.ui.language import _

# The app's name and its pages' titles in the session's language (assessment.ui.language).
language.settle()
TITLE = _(routes.APP_TITLE)

st.set_page_config(
    page_title=TITLE,
    page_icon=":material/hub:",
    layout="centered",
    initial_sidebar_state="auto",
)

pages = [
    st.Page(
        routes.START, title=_(routes.TITLES[routes.START]), icon=":material/home:", default=True
    ),
    st.Page(
        routes.ASSESSMENT,
        title=_(routes.TITLES[routes.ASSESSMENT]),
        icon=":material/checklist:",
        url_path=routes.ASSESSMENT_PATH,
    ),
    st.Page(
        routes.RESULTS,
        title=_(routes.TITLES[routes.RESULTS]),
        icon=":material/insights:",
        url_path=routes.RESULTS_PATH,
    ),
    st.Page(
        routes.PROGRESS,
        title=_(routes.TITLES[routes.PROGRESS]),
        icon=":material/timeline:",
        url_path=routes.PROGRESS_PATH,
    ),
    st.Page(
        routes.FACILITATE,
        title=_(routes.TITLES[routes.FACILITATE]),
        icon=":material/groups:",
        url_path=routes.FACILITATE_PATH,
    ),
    st.Page(
        routes.JOIN,
        title=_(routes.TITLES[routes.JOIN]),
        icon=":material/login:",
        url_path=routes.JOIN_PATH,
    ),
    st.Page(
        routes.PRESENT,
        title=_(routes.TITLES[routes.PRESENT]),
        icon=":material/co_present:",
        url_path=routes.PRESENT_PATH,
        visibility="hidden",
    ),
    st.Page(
        routes.PORTFOLIO,
        title=_(routes.TITLES[routes.PORTFOLIO]),
        icon=":material/dashboard:",
        url_path=routes.PORTFOLIO_PATH,
    ),
    st.Page(
        routes.ABOUT,
        title=_(routes.TITLES[routes.ABOUT]),
        icon=":material/info:",
        url_path=routes.ABOUT_PATH,
    ),
]
page = st.navigation(pages, position="top")
if page.url_path == routes.PRESENT_PATH:
    # The shared screen is display only: no menu on the projector (see present.py).
    page = st.navigation(pages, position="hidden")
# Each page has its own browser title (tabs, history, a screen reader's page name); a
# page may set a more precise one (the shared screen).
st.set_page_config(page_title=f"{page.title} · {TITLE}")
style.apply()
if page.url_path != routes.PRESENT_PATH:
    # The shared screen's language is the facilitator's choice (workshop/present.py).
    language.switch(on_change=session.save_language)
    language.mark_document()
page.run()
