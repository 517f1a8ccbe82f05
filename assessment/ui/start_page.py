"""Start: what the assessment is, how long it takes, and how to start or resume it."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import streamlit as st

from assessment.ui import routes, session
from assessment.ui.language import _, text, tr
from assessment.ui.milestones import render_start_panel
from assessment.ui.notices import render_notices
from assessment.ui.progress import conditional_questions, estimate_range, progress
from assessment.ui.report_details import render_report_details
from assessment.ui.resources import bank
from assessment.ui.resume import render_resume_link
from assessment.ui.transfer import render_upload


def token_from(pasted: str) -> str:
    """The resume code in a pasted link (``…?resume=CODE``) or the bare code itself."""
    pasted = pasted.strip()
    if "resume=" in pasted:
        found = parse_qs(urlsplit(pasted).query).get(session.RESUME_PARAM)
        if found:
            return found[0].strip()
    return pasted


def render() -> None:
    session.sync()
    b = bank()
    st.title(text(b.info.title))
    st.markdown(
        "**"
        + _(
            "Find out how ready your company is to start its first MLOps team, and what to do first."
        )
        + "**"
    )
    render_notices()

    number = tr().number
    count, sections = number(len(b.questions)), number(len(b.sections))
    low, high = estimate_range(b)  # measured from the words on screen (assessment.ui.progress)
    questions = (
        _(
            "up to {count} questions in {sections} short sections (some appear only when "
            "an earlier answer makes them relevant)"
        )
        if conditional_questions(b)
        else _("{count} questions in {sections} short sections")
    ).format(count=count, sections=sections)
    st.markdown(
        _(
            "For organisations building their first MLOps team of up to about five people. "
            "About **{low}–{high} minutes**: {questions}. "
            "Your answers are saved as you go, so you can stop at any time and come back later. "
            '"Don\'t know" is always a fine answer.'
        ).format(low=number(low), high=number(high), questions=questions)
    )

    _action_card()

    st.subheader(_("What you get"))
    cols = st.columns(3)
    cards = (
        (
            ":material/explore:",
            _("Your starting approach"),
            _(
                "Whether you are starting top-down or bottom-up, how sure that is, and what it "
                "means for where the team should sit and its first step."
            ),
        ),
        (
            ":material/radar:",
            _("Capability and team profile"),
            _(
                "Radar charts of your MLOps capabilities and team skills, the capabilities that "
                "are missing, and the traps you may be walking into."
            ),
        ),
        (
            ":material/flag:",
            _("A roadmap"),
            _(
                "A few actions to start tomorrow, then what to do within 3, 6 and 12 months, "
                "sized to your team; the rest waits on a later list. Each step shows the "
                "answers behind it. Download it as a PDF for management."
            ),
        ),
    )
    for column, (icon, title, blurb) in zip(cols, cards, strict=True):
        with column.container(border=True, height="stretch"):
            st.markdown(f"{icon} **{title}**")
            st.caption(blurb)

    st.subheader(_("Already started?"))
    left, right = st.columns(2, gap="large")
    with left:
        with st.form("resume_form", border=False):
            pasted = st.text_input(
                _("Paste your resume link or code"),
                key="resume_input",
                placeholder="http://…/assessment?resume=…",
            )
            go = st.form_submit_button(_("Resume"), icon=":material/login:")
        if go:
            _resume(pasted)
    with right:
        render_upload("start")


def _resume(pasted: str) -> None:
    """Open the pasted link or code, or say right under the field why it cannot be.

    The message stays beside the field the person just used (not in the notices at the
    top of the page, out of view on a phone); what was open in this tab stays open.
    """
    if not pasted.strip():
        st.error(_("Paste your resume link or its code first."), icon=":material/link_off:")
        return
    st.query_params[session.RESUME_PARAM] = token_from(pasted)
    session.sync()
    problem = st.session_state.pop(session.TOKEN_PROBLEM, None)
    if problem is None:
        st.switch_page(routes.ASSESSMENT)
    st.error(_(str(problem)), icon=":material/link_off:")


def _action_card() -> None:
    token = session.token()
    with st.container(border=True, key="start_card"):
        if token is None:
            st.markdown(_("**Ready when you are.** You can pause at any time."))
            if st.button(
                _("Start the assessment"),
                key="start_new",
                type="primary",
                icon=":material/play_arrow:",
            ):
                session.start_new()
                st.switch_page(routes.ASSESSMENT)
            return
        done = progress(bank(), session.values())
        t = tr()
        counts = {
            "answered": t.number(done.answered),
            "total": t.number(done.total),
            "share": t.percent(done.share),
            "dont_know": t.number(done.dont_know),
        }
        st.markdown(
            (
                _(
                    "**Welcome back.** You have answered {answered} of {total} questions "
                    'shown so far ({share}), {dont_know} of them "don\'t know".'
                )
                if done.dont_know
                else _(
                    "**Welcome back.** You have answered {answered} of {total} questions "
                    "shown so far ({share})."
                )
            ).format(**counts)
        )
        st.progress(done.share)
        with st.container(horizontal=True, gap="small"):
            if st.button(
                _("Continue the questions"),
                key="start_continue",
                type="primary",
                icon=":material/arrow_forward:",
            ):
                st.switch_page(routes.ASSESSMENT)
            if st.button(_("See results"), key="start_results", icon=":material/insights:"):
                st.switch_page(routes.RESULTS)
            if st.button(
                _("Start a new assessment"),
                key="start_again",
                type="tertiary",
                help=_("Your current answers stay available at your resume link."),
            ):
                session.forget()
                session.start_new()
                st.switch_page(routes.ASSESSMENT)
        render_resume_link(token)
        render_start_panel(token)
        with st.expander(_("Details for the report cover (optional)")):
            render_report_details()
