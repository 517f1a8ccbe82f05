"""Assessment: the questionnaire, one section per step.

Each rerun draws only the current section. Progress (overall and per section), the jump
to any section, the resume link and a copy of the answers live in the sidebar; back and
next sit under the questions. No scoring happens here: the engine runs on Results only.

An answer reruns its question and redraws the two progress bars (a fragment per
question), not the page; see :mod:`assessment.ui.reruns` for what reruns when.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from assessment.i18n import translator
from assessment.models import Bank, Question
from assessment.ui import one_question, reruns, routes, session
from assessment.ui.keys import forget_widgets
from assessment.ui.language import _, current, text, tr
from assessment.ui.notices import render_notices
from assessment.ui.progress import (
    Progress,
    count,
    minutes_left,
    progress,
    shown_questions,
    time_left_text,
)
from assessment.ui.questions import render_question
from assessment.ui.resources import bank
from assessment.ui.resume import render_resume_link
from assessment.ui.review import NOW as REVIEW_NOW
from assessment.ui.review import render_bar as render_review_bar
from assessment.ui.transfer import render_answer_downloads
from assessment.ui.workshop.banner import render_participant_banner

NAV_KEY = "nav_section"
SAID_IN = "errors_language"
"""The language the messages under the questions were said in."""

# Moving to another section keeps the scroll position and the focus on the button that
# was pressed, i.e. at the bottom of the new section. This constant script (no user or
# bank text in it) waits for the rerun to finish, scrolls to the top and puts the focus
# on the section's heading, as a screen-reader user expects after a step change. On a
# phone, after a step (not when the page opens), it also closes the sidebar, which would
# otherwise stay open over the questions after a jump. It runs again only when the step
# in it (section and question numbers) changes.
_TO_SECTION_START = """<script>
(() => {
  const step = '%d.%d';
  const started = Date.now();
  const settle = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    const busy = app && app.getAttribute('data-test-script-state') === 'running';
    if (busy && Date.now() - started < 5000) { setTimeout(settle, 50); return; }
    const main = document.querySelector('[data-testid="stMain"]');
    if (main) main.scrollTo({top: 0});
    const closeSidebar = (tries) => {
      const sidebar = document.querySelector('[data-testid="stSidebar"]');
      if (window.innerWidth >= 768 || !sidebar) return;
      if (sidebar.getAttribute('data-collapsed') !== 'false') return;
      const close = sidebar.querySelector('[data-testid="stSidebarCollapseButton"] button');
      if (close) close.click();
      if (tries > 0) setTimeout(() => closeSidebar(tries - 1), 250);
    };
    const previous = window.assessmentStep;
    window.assessmentStep = step;
    if (previous !== undefined && previous !== step) closeSidebar(4);
    const heading = document.querySelector('.st-key-section_head h2');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.style.outline = 'none';
      heading.focus({preventScroll: true});
    }
  };
  setTimeout(settle, 50);
})();
</script>"""


def _go(index: int) -> None:
    st.session_state[session.SECTION] = index
    one_question.forget_position()


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


def _section_caption(done: Progress, index: int, current: int) -> str:
    """Progress under a section's name; kept out of the option label, which must not change
    while the person answers (Streamlit matches a choice to its option by the label).

    The open section's count is the bar above its questions (redrawn with every answer,
    see :mod:`assessment.ui.reruns`), so the list does not repeat it; the other sections'
    counts change only with a full run (a question shown or hidden, a step, a jump)."""
    if index == current:
        return _("You are here")
    s = done.sections[index]
    number = tr().number
    if s.done:
        return _("✓ all {total} answered").format(total=number(s.total))
    return _("{answered} of {total} answered").format(
        answered=number(s.answered), total=number(s.total)
    )


@dataclass(frozen=True)
class _Bars:
    """Where the two progress bars are: the sidebar's overall one and the section's."""

    index: int
    overall: DeltaGenerator
    section: DeltaGenerator

    def draw(self, done: Progress) -> None:
        self.overall.progress(done.share, text=done.line)
        here = done.sections[self.index]
        # Above the questions, and kept in view on a phone (assessment.ui.style): the
        # section, the whole and the minutes left (assessment.ui.progress).
        left = minutes_left(bank(), session.values(), done.visible)
        lang = current()
        gettext = translator(lang).gettext
        parts = [
            gettext("{answered} of {total} answered in this section").format(
                answered=count(here.answered, lang), total=count(here.total, lang)
            ),
            gettext("{answered} of {total} in all").format(
                answered=count(done.answered, lang), total=count(done.total, lang)
            ),
        ]
        if left:
            parts.append(time_left_text(left, lang))
        self.section.progress(
            here.answered / here.total if here.total else 1.0, text=" · ".join(parts)
        )


def _question(q: Question, number: int, bars: _Bars) -> None:
    """A question's fragment: its card, then both bars (an answer reruns just this)."""
    render_question(q, number)
    bars.draw(progress(bank(), session.values()))


def _sidebar(done: Progress, index: int, token: str) -> DeltaGenerator:
    """The sidebar; returns the place of the overall progress bar."""
    with st.sidebar:
        st.markdown("**" + _("Your progress") + "**")
        overall = st.empty()
        st.session_state[NAV_KEY] = index
        titles = [f"{s.index + 1}. {s.title}" for s in done.sections]
        st.radio(
            _("Go to section"),
            options=list(range(len(done.sections))),
            format_func=lambda i: titles[i],
            captions=[_section_caption(done, i, index) for i in range(len(done.sections))],
            key=NAV_KEY,
            on_change=_jump,
        )
        st.page_link(routes.RESULTS, label=_("See your results"), icon=":material/insights:")
        st.divider()
        render_resume_link(token, compact=True)
        st.caption(_("Keep a copy of your answers:"))
        render_answer_downloads("sidebar")
    return overall


def _to_section_start(index: int, step: int = 0) -> None:
    st.html(_TO_SECTION_START % (index, step), unsafe_allow_javascript=True)


def _forget_messages_of_another_language() -> None:
    """After a change of language, the messages under the questions (said in the other
    one) go, and those questions' widgets show the saved answers again: the page reads
    in one language, and what it shows is what is saved."""
    lang = current()
    said_in = st.session_state.get(SAID_IN)
    st.session_state[SAID_IN] = lang
    if said_in is None or said_in == lang:
        return
    messages = session.errors()
    for qid in list(messages):
        forget_widgets(qid)
    messages.clear()


def render() -> None:
    session.sync()
    if st.session_state.get(session.TOKEN_PROBLEM) and session.token() is None:
        render_notices()
        st.stop()
    if session.team_view():
        # The team's answers are recorded on the shared screen with the facilitator's
        # key; this page would offer widgets that cannot save.
        st.title(_("The team's answers"))
        st.info(_(session.TEAM_READ_ONLY), icon=":material/groups:")
        st.page_link(routes.RESULTS, label=_("See the team's results"), icon=":material/insights:")
        st.page_link(routes.FACILITATE, label=_("Back to the workshop"), icon=":material/groups:")
        return
    token = session.ensure_started()
    _forget_messages_of_another_language()
    b = bank()
    done = progress(b, session.values())
    index = current_section(b, done)
    section = b.sections[index]
    shown = shown_questions(section, done.visible)
    one = one_question.active() and bool(shown)
    at = one_question.position(shown, session.values()) if one else 0
    _to_section_start(index, at + 1 if one else 0)
    render_notices()
    render_participant_banner(token)
    st.query_params[session.SECTION_PARAM] = section.id
    overall = _sidebar(done, index, token)

    with st.container(key="section_head"):
        with st.container(
            horizontal=True, horizontal_alignment="distribute", vertical_alignment="center"
        ):
            st.caption(
                _("Section {n} of {total}").format(
                    n=tr().number(index + 1), total=tr().number(len(b.sections))
                )
            )
            with st.popover(_("Resume link"), icon=":material/link:", type="tertiary"):
                render_resume_link(token)
        st.header(text(section.title), anchor=False)
        st.markdown(text(section.intro))
        one_question.render_toggle()
    with st.container(key="overall_progress"):  # sticky on a phone (assessment.ui.style)
        bars = _Bars(index, overall, st.empty())
    bars.draw(done)
    render_review_bar(shown, done.visible)
    # Each question is a fragment that also redraws both bars (assessment.ui.reruns). A
    # re-assessment round's marks and counts (assessment.ui.review) are drawn by full runs:
    # while one is on, questions are drawn without fragments and answers rerun the page.
    fragments = st.session_state.get(REVIEW_NOW) is None
    reruns.remember_page(done.visible, fragments=fragments)
    # One question at a time (assessment.ui.one_question): the same card, one of them.
    drawn = [(at + 1, shown[at])] if one else list(enumerate(shown, 1))
    for number, question in drawn:
        if fragments:
            st.fragment(_question)(question, number, bars)
        else:
            render_question(question, number)
    if one:
        one_question.render_nav(b, done, index, shown, at)
        return

    last = index == len(b.sections) - 1
    with st.container(horizontal=True, horizontal_alignment="distribute", key="step_nav"):
        st.button(
            _("Back"),
            key="nav_back",
            icon=":material/arrow_back:",
            disabled=index == 0,
            on_click=_go,
            args=(index - 1,),
        )
        if last:
            if st.button(
                _("See your results"),
                key="nav_results",
                type="primary",
                icon=":material/insights:",
            ):
                st.switch_page(routes.RESULTS)
        else:
            st.button(
                _("Next: {section}").format(section=text(b.sections[index + 1].title)),
                key="nav_next",
                type="primary",
                icon=":material/arrow_forward:",
                icon_position="right",
                on_click=_go,
                args=(index + 1,),
            )
