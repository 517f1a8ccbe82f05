"""One question at a time: the questionnaire's mode for phones (and anyone who likes it).

A phone shows a section of up to ten questions as a long scroll; this mode shows one
question, with *Back* and *Next question* under it, stepping into the previous or next
section at either end. It is on by default when the browser says it is a phone (its
``Sec-CH-UA-Mobile`` header or "Mobi" in its user agent, as MDN recommends), and a
toggle above the questions turns it on or off for this tab.

Which question is shown is kept by id (:data:`AT`), so a question that appears or goes
(``show_if``) does not shift it; a jump to a section starts at its first unanswered
question. Nothing here draws a question: the page does, with its usual fragment.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import streamlit as st

from assessment.i18n import N_
from assessment.models import Bank, Question
from assessment.ui import routes, session
from assessment.ui.language import _, text
from assessment.ui.progress import Progress, shown_questions

MODE = "one_question_mode"
"""The toggle's key: whether this tab shows one question at a time."""
AT = "one_question_at"
"""The id of the question shown, or :data:`LAST` (the previous section's last one)."""
LAST = "__last__"
TOGGLE = N_("One question at a time")
"""The toggle's label (an English msgid: ``_(TOGGLE)`` where it is drawn)."""


def on_phone() -> bool:
    """Whether the browser says it is a phone (client hint, else the user agent)."""
    headers = st.context.headers
    hint = headers.get("Sec-CH-UA-Mobile")
    if hint is not None:
        return hint.strip() == "?1"
    return "Mobi" in (headers.get("User-Agent") or "")


def active() -> bool:
    """Whether this tab shows one question at a time (first asked: is it a phone?)."""
    if MODE not in st.session_state:
        st.session_state[MODE] = on_phone()
    return bool(st.session_state[MODE])


def render_toggle() -> None:
    active()
    st.toggle(_(TOGGLE), key=MODE, help=_("Show one question, then the next: easier on a phone."))


def forget_position() -> None:
    """A jump to a section: start at its first unanswered question."""
    st.session_state.pop(AT, None)


def position(shown: Sequence[Question], values: Mapping[str, Any]) -> int:
    """The index in ``shown`` of the question to show (kept by id, see the module doc)."""
    ids = [q.id for q in shown]
    if not ids:
        return 0
    at = st.session_state.get(AT)
    if at == LAST:
        index = len(ids) - 1
    elif at in ids:
        index = ids.index(str(at))
    else:
        index = next((i for i, q in enumerate(shown) if values.get(q.id) is None), 0)
    st.session_state[AT] = ids[index]
    return index


def _go(section: int, at: str | None) -> None:
    st.session_state[session.SECTION] = section
    if at is None:
        st.session_state.pop(AT, None)
    else:
        st.session_state[AT] = at


def render_nav(b: Bank, done: Progress, section: int, shown: Sequence[Question], at: int) -> None:
    """*Back* and *Next question* (or *Next: <section>*, or *See your results* at the end).

    Keys are the section steps' (``nav_back``, ``nav_next``, ``nav_results``): one place
    to press, whichever mode.
    """
    first_section = section == 0
    last_section = section == len(b.sections) - 1
    at_start = at <= 0
    at_end = at >= len(shown) - 1
    with st.container(horizontal=True, horizontal_alignment="distribute", key="step_nav"):
        back = (section - 1, LAST) if at_start else (section, shown[at - 1].id)
        st.button(
            _("Back"),
            key="nav_back",
            icon=":material/arrow_back:",
            disabled=first_section and at_start,
            on_click=_go,
            args=back,
        )
        if not at_end:
            st.button(
                _("Next question"),
                key="nav_next",
                type="primary",
                icon=":material/arrow_forward:",
                icon_position="right",
                on_click=_go,
                args=(section, shown[at + 1].id),
            )
        elif not last_section:
            upcoming = _next_section_with_questions(b, done, section)
            there = shown_questions(b.sections[upcoming], done.visible)
            st.button(
                _("Next: {section}").format(section=text(b.sections[upcoming].title)),
                key="nav_next",
                type="primary",
                icon=":material/arrow_forward:",
                icon_position="right",
                on_click=_go,
                args=(upcoming, there[0].id if there else None),
            )
        elif st.button(
            _("See your results"), key="nav_results", type="primary", icon=":material/insights:"
        ):
            st.switch_page(routes.RESULTS)


def _next_section_with_questions(b: Bank, done: Progress, section: int) -> int:
    for index in range(section + 1, len(b.sections)):
        if shown_questions(b.sections[index], done.visible):
            return index
    return section + 1
