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
        spec.script,
        title=_(spec.title),
        icon=spec.icon,
        url_path=spec.url_path,
        default=spec.url_path is None,
        visibility="hidden" if spec.hidden else "visible",
    )
    for spec in routes.PAGES
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
