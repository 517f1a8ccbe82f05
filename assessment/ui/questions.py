"""A question on the questionnaire: its card, its widget, its help and its messages.

The widget is the question type's own (:mod:`assessment.ui.widgets`, shared with the
workshop's team answer); this module binds it to the person's answers. Every widget has
a key derived from the question id (``q__<id>``, sub-widgets ``q__<id>__<part>``) so
tests can drive it, a real label (the question text) for screen readers, the "why we
ask" help one click away, and "don't know" where the bank offers it. Answers go through
:func:`session.set_answer`, which checks them with the question type's answer check and
shows what cannot be accepted right under the question. Multi-choice and RACI answers go
through :func:`session.change_answer` instead: what is saved is the option or cell this
tab changed, so a second tab on the same resume link never erases the first one's work.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from assessment.models import Question, localize
from assessment.ui import session, widgets
from assessment.ui.keys import forget_widgets
from assessment.ui.resources import bank
from assessment.ui.review import render_mark as render_review_mark
from assessment.ui.text import plain
from assessment.ui.widgets import Binding


def _save(q: Question, value: Any) -> None:
    session.set_answer(q.id, value)


def _change(q: Question, value: Any) -> None:
    session.change_answer(q.id, value)


def _refuse(q: Question, message: str) -> None:
    session.errors()[q.id] = [message]


def binding(q: Question) -> Binding:
    """The questionnaire's binding: the person's answers in this session."""
    return Binding(
        prefix=session.WIDGET_PREFIX,
        stored=session.values().get(q.id),
        save=_save,
        change=_change,
        refuse=_refuse,
        scale=bank().info.scale,
    )


def _on_clear(q: Question, bound: Binding) -> None:
    if widgets.widget_of(q).SAVED_AS_CHANGE:
        bound.change(q, None)  # what another tab added meanwhile stays
    else:
        bound.save(q, None)
    forget_widgets(q.id)


def render_question(q: Question, number: int) -> None:
    """Draw question ``q`` (numbered within its section), its help and its messages."""
    with st.container(border=True, key=f"card_{q.id}"):
        bound = binding(q)
        render_review_mark(q)
        widgets.render(q, f"**{number}. {localize(q.text)}**", bound)
        _footer(q, bound)
        for message in session.errors().get(q.id, []):
            st.error(f"Not saved: {plain(message)}.", icon=":material/error:")


def _footer(q: Question, bound: Binding) -> None:
    """ "Why we ask", and a way to take back an answer the widget cannot empty."""
    with st.container(horizontal=True, gap="small", key=f"foot_{q.id}"):
        with st.popover("Why we ask", icon=":material/help:", type="tertiary"):
            st.markdown(localize(q.help))
        if bound.stored is not None and widgets.widget_of(q).CLEAR_BUTTON:
            st.button(
                "Clear answer",
                key=f"clear_{q.id}",
                type="tertiary",
                icon=":material/backspace:",
                on_click=_on_clear,
                args=(q, bound),
            )
