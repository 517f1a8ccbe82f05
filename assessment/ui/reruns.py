"""What an answer reruns on the questionnaire: its question and the bars, or the page.

Streamlit reruns the whole page script on every click by default. On the questionnaire
that is ~100 elements for one answer; when a workshop room answers "now", one server
process queues a hundred of those runs under one GIL (issue 14, docs/PERFORMANCE.md). So
each question is a fragment (``st.fragment``): an answer reruns that question only, in one
script run, and the fragment then redraws the two progress bars, which live outside it
(the sidebar's overall bar and the section's bar above the questions; Streamlit lets a
fragment write into a container of the page, see ``assessment_page._Bars``).

**Updated by the answer's own run** (the question's fragment): the question's card (its
widget, "Clear answer", the message under it), the overall bar ("12 of 81 questions
answered", with the "don't know" count) and the section's bar ("3 of 6 answered in this
section"). Every number an answer can change is in these, so none is ever stale.

**Updated by a full run instead**, which :func:`after_answer` asks for when an answer
changes what else the page shows, compared with what the last full run showed
(:func:`remember_page`): the questions shown (a conditional question appears or goes, so
numbering and counts move) and the notices at the top (a failed or refused save, e.g. a
closed workshop). The sidebar's list of sections shows no count for the open section
("You are here": its count is the bar above the questions); the other sections' counts
can only change through a question shown or hidden, i.e. a full run.

Everything else (opening the page, Back / Next, a jump, an upload, ``AppTest``) is a full
run and draws everything as before.
"""

from __future__ import annotations

from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from assessment.conditions import visible_questions
from assessment.ui import session
from assessment.ui.resources import bank

PAGE = "questionnaire_page"
"""What the last full run showed that an answer could change (see :func:`remember_page`)."""

_NOTICES = (session.TOKEN_PROBLEM, session.SAVE_FAILED, session.SAVE_REFUSED, session.SET_ASIDE)


def fragment_run() -> bool:
    """Whether this run (or the callback running before it) serves a fragment only."""
    ctx = get_script_run_ctx()
    return bool(ctx is not None and ctx.fragment_ids_this_run)


def _notices() -> tuple[Any, ...]:
    return tuple(_frozen(st.session_state.get(key)) for key in _NOTICES)


def _frozen(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def remember_page(visible: frozenset[str], *, fragments: bool) -> None:
    """At a full run: what the page shows now, and whether its questions are fragments.

    ``fragments`` is False while the page draws its questions without fragments (then
    every answer reruns the whole page, as every click did before).
    """
    st.session_state[PAGE] = (visible, _notices()) if fragments else None


def after_answer() -> None:
    """End an answer's callback: ask for a full run when the fragment would not do.

    During a full run, or when the answer changed nothing outside its question and the
    bars, this returns and Streamlit reruns what it was going to (the page, or the
    question's fragment). Otherwise ``st.rerun()`` ends the callback and the whole page
    reruns instead of the fragment. Call it last.
    """
    if not fragment_run():
        return
    shown = st.session_state.get(PAGE)
    if not isinstance(shown, tuple) or shown != (
        visible_questions(bank(), session.values()),
        _notices(),
    ):
        st.rerun()
