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

On the questionnaire each question is a fragment: an answer reruns the question (and its
progress bars) only. After a save, :func:`reruns.after_answer` turns that into a rerun of
the page when the answer shows or hides other questions or raises a notice; it may end
the callback, so the binding's ``save`` and ``change`` are the last thing a callback does.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from assessment.i18n import N_, translator
from assessment.models import Question, localize
from assessment.ui import reruns, session, widgets
from assessment.ui.keys import forget_widgets
from assessment.ui.language import _, current
from assessment.ui.resources import bank
from assessment.ui.review import render_mark as render_review_mark
from assessment.ui.text import plain
from assessment.ui.widgets import Binding


def _save(q: Question, value: Any) -> None:
    session.set_answer(q.id, value)
    reruns.after_answer()


def _change(q: Question, value: Any) -> None:
    session.change_answer(q.id, value)
    reruns.after_answer()


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
    forget_widgets(q.id)  # first: saving ends the callback (reruns.after_answer)
    if widgets.widget_of(q).SAVED_AS_CHANGE:
        bound.change(q, None)  # what another tab added meanwhile stays
    else:
        bound.save(q, None)


def render_question(q: Question, number: int) -> None:
    """Draw question ``q`` (numbered within its section), its help and its messages."""
    with st.container(border=True, key=f"card_{q.id}"):
        bound = binding(q)
        render_review_mark(q)
        # Plain text: a screen reader reads a label as written (the style sets it bold).
        lang = current()
        widgets.render(q, f"{number}. {localize(q.text, lang)}", bound)
        _footer(q, bound, lang)
        messages = session.errors().get(q.id, [])
        for message in messages:
            st.error(not_saved(message), icon=":material/error:")
        _toast_once(q, messages)


def _toast_once(q: Question, messages: list[str]) -> None:
    """Also say a new refusal in a toast, in view wherever the page is scrolled (the
    message under the card may be below the fold on a phone); once per message."""
    key = f"toasted_{q.id}"
    if not messages:
        st.session_state.pop(key, None)
        return
    if st.session_state.get(key) != messages:
        st.session_state[key] = list(messages)
        st.toast(not_saved(messages[0]), icon=":material/error:")


SAYS_NOT_SAVED = N_("was not saved")
"""What a message that says itself that nothing was saved contains (in its language)."""


def not_saved(message: str) -> str:
    """``Not saved: <why>.`` under the question, one full stop whatever ``message`` ends
    with; a message that says so itself (a closed workshop's) is shown as it is. In the
    session's language (a message from the store is looked up in the catalog)."""
    said = _(message.strip()).strip()
    if "not saved" in said.lower() or _(SAYS_NOT_SAVED) in said:
        return plain(said)
    return _("Not saved: {reason}.").format(reason=plain(said.rstrip(".。")))


def _footer(q: Question, bound: Binding, lang: str) -> None:
    """ "Why we ask", and a way to take back an answer the widget cannot empty."""
    gettext = translator(lang).gettext
    with st.container(horizontal=True, gap="small", key=f"foot_{q.id}"):
        with st.popover(gettext("Why we ask"), icon=":material/help:", type="tertiary"):
            st.markdown(localize(q.help, lang))
        if bound.stored is not None and widgets.widget_of(q).CLEAR_BUTTON:
            st.button(
                gettext("Clear answer"),
                key=f"clear_{q.id}",
                type="tertiary",
                icon=":material/backspace:",
                on_click=_on_clear,
                args=(q, bound),
            )
