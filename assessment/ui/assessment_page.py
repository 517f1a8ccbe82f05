"""Assessment: the questionnaire, one section per step.

Each rerun draws only the current section. Progress (overall and per section), the jump
to any section, the resume link and a copy of the answers live in the sidebar; back and
next sit under the questions. No scoring happens here: the engine runs on Results only.
"""

from __future__ import annotations

import streamlit as st

from assessment.models import Bank, localize
from assessment.ui import routes, session
from assessment.ui.notices import render_notices
from assessment.ui.progress import Progress, progress, shown_questions
from assessment.ui.questions import render_question
from assessment.ui.resources import bank
from assessment.ui.resume import render_resume_link
from assessment.ui.review import render_bar as render_review_bar
from assessment.ui.transfer import render_answer_downloads
from assessment.ui.workshop.banner import render_participant_banner

NAV_KEY = "nav_section"

# Moving to another section keeps the scroll position and the focus on the button that
# was pressed, i.e. at the bottom of the new section. This constant script (no user or
# bank text in it) waits for the rerun to finish, scrolls to the top and puts the focus
# on the section's heading, as a screen-reader user expects after a step change. It runs
# again only when the section number in it changes.
_TO_SECTION_START = """<script>
(() => {
  const started = Date.now();
  const settle = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    const busy = app && app.getAttribute('data-test-script-state') === 'running';
    if (busy && Date.now() - started < 5000) { setTimeout(settle, 50); return; }
    const main = document.querySelector('[data-testid="stMain"]');
    if (main) main.scrollTo({top: 0});
    const heading = document.querySelector('.st-key-section_head h2');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.style.outline = 'none';
      heading.focus({preventScroll: true});
    }
  };
  setTimeout(settle, 50);
})();
/* section %d */
</script>"""


def _go(index: int) -> None:
    st.session_state[session.SECTION] = index


def _jump() -> None:
    chosen = st.session_state.get(NAV_KEY)
    if isinstance(chosen, int):
        _go(chosen)


def current_section(b: Bank, done: Progress) -> int:
    """The section to show: the one chosen in this tab, the URL's, or the first open one."""
    index = st.session_state.get(session.SECTION)
    if isinstance(index, int) and 0 <= index < len(b.sections):
        return index
    wanted = st.query_params.get(session.SECTION_PARAM)
    index = next((i for i, s in enumerate(b.sections) if s.id == wanted), done.first_open_section())
    st.session_state[session.SECTION] = index
    return index


def _section_caption(done: Progress, index: int) -> str:
    """Progress under a section's name; kept out of the option label, which must not change
    while the person answers (Streamlit matches a choice to its option by the label)."""
    s = done.sections[index]
    if s.done:
        return f"✓ all {s.total} answered"
    return f"{s.answered} of {s.total} answered"


def _sidebar(done: Progress, index: int, token: str) -> None:
    with st.sidebar:
        st.markdown("**Your progress**")
        st.progress(done.share, text=done.line)
        st.session_state[NAV_KEY] = index
        titles = [f"{s.index + 1}. {s.title}" for s in done.sections]
        st.radio(
            "Go to section",
            options=list(range(len(done.sections))),
            format_func=lambda i: titles[i],
            captions=[_section_caption(done, i) for i in range(len(done.sections))],
            key=NAV_KEY,
            on_change=_jump,
        )
        st.page_link(routes.RESULTS, label="See your results", icon=":material/insights:")
        st.divider()
        render_resume_link(token, compact=True)
        st.caption("Keep a copy of your answers:")
        render_answer_downloads("sidebar")


def _to_section_start(index: int) -> None:
    st.html(_TO_SECTION_START % index, unsafe_allow_javascript=True)


def render() -> None:
    session.sync()
    if st.session_state.get(session.TOKEN_PROBLEM) and session.token() is None:
        render_notices()
        st.stop()
    if session.team_view():
        # The team's answers are recorded on the shared screen with the facilitator's
        # key; this page would offer widgets that cannot save.
        st.title("The team's answers")
        st.info(session.TEAM_READ_ONLY, icon=":material/groups:")
        st.page_link(routes.RESULTS, label="See the team's results", icon=":material/insights:")
        st.page_link(routes.FACILITATE, label="Back to the workshop", icon=":material/groups:")
        return
    token = session.ensure_started()
    b = bank()
    done = progress(b, session.values())
    index = current_section(b, done)
    _to_section_start(index)
    render_notices()
    render_participant_banner(token)
    section = b.sections[index]
    st.query_params[session.SECTION_PARAM] = section.id
    _sidebar(done, index, token)

    here = done.sections[index]
    with st.container(key="section_head"):
        with st.container(
            horizontal=True, horizontal_alignment="distribute", vertical_alignment="center"
        ):
            st.caption(f"Section {index + 1} of {len(b.sections)}")
            with st.popover("Resume link", icon=":material/link:", type="tertiary"):
                render_resume_link(token)
        st.header(localize(section.title), anchor=False)
        st.markdown(localize(section.intro))
    st.progress(
        here.answered / here.total if here.total else 1.0,
        text=f"{here.answered} of {here.total} answered in this section",
    )
    render_review_bar(shown_questions(section, done.visible), done.visible)
    for number, question in enumerate(shown_questions(section, done.visible), 1):
        render_question(question, number)

    last = index == len(b.sections) - 1
    with st.container(horizontal=True, horizontal_alignment="distribute", key="step_nav"):
        st.button(
            "Back",
            key="nav_back",
            icon=":material/arrow_back:",
            disabled=index == 0,
            on_click=_go,
            args=(index - 1,),
        )
        if last:
            if st.button(
                "See your results",
                key="nav_results",
                type="primary",
                icon=":material/insights:",
            ):
                st.switch_page(routes.RESULTS)
        else:
            st.button(
                f"Next: {localize(b.sections[index + 1].title)}",
                key="nav_next",
                type="primary",
                icon=":material/arrow_forward:",
                icon_position="right",
                on_click=_go,
                args=(index + 1,),
            )
