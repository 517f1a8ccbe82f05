"""The facilitator records the room's agreed answer: the workshop's official assessment.

The widget is the question type's own, the one the questionnaire draws
(:mod:`assessment.ui.widgets`), in its compact form for the shared screen: the same
validation, the same "don't know", the same RACI cells, plus "Not agreed yet" on a
choice. It is saved the moment it changes (checked with the same answer check as every
other answer). Keys are ``team__<question>``.

``key`` is the shared screen's presenter key (or the facilitator secret): the team's own
token never reaches a page. A closed workshop shows the answers without letting them
change. Multi-choice and RACI answers are saved as the options or cells changed here
(:mod:`assessment.store.changes`), so two screens never erase each other's work; when
the stored answer changes elsewhere, the widget is drawn again from it.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import streamlit as st

from assessment.i18n import N_
from assessment.models import Bank, Question
from assessment.store import workshops as ws
from assessment.store.changes import ChangeRefusedError, merge_choices, merge_raci
from assessment.store.hygiene import normalise_newlines, value_problem
from assessment.types import check_value
from assessment.ui import widgets
from assessment.ui.language import _, current, text, tr
from assessment.ui.resources import database
from assessment.ui.widgets import Binding

PREFIX = "team__"
NOT_AGREED = N_("Not agreed yet")


def _error_key(qid: str) -> str:
    return f"team_error__{qid}"


def _shown_key(qid: str) -> str:
    """The stored answer the widget was last drawn from."""
    return f"team_shown__{qid}"


def _say(q: Question, problem: str | None) -> None:
    if problem:
        st.session_state[_error_key(q.id)] = problem
    else:
        st.session_state.pop(_error_key(q.id), None)


def _save(facilitator: str, q: Question, raw: Any) -> None:
    if isinstance(raw, str):
        raw = normalise_newlines(raw)
    problem = value_problem(raw, N_("The text"), current())
    if problem:
        _say(q, problem)
        return
    checked, problems = check_value(q, raw, current())
    if problems:
        _say(q, "; ".join(m for _where, m in problems))
        return
    try:
        ws.record_team_answer(database(), facilitator, q.id, checked)
    except ws.WorkshopError as exc:
        _say(q, exc.say(tr()))
        return
    _say(q, None)


def _change(facilitator: str, base: Any, q: Question, desired: Any) -> None:
    """Save the options or cells changed here, applied to the team answer stored now."""

    lang = current()

    def change(stored: Any) -> Any:
        if q.type == "raci":
            merged = merge_raci(base, desired, stored)
        else:
            merged = merge_choices(base, desired, stored, [o.id for o in q.options])
        checked, problems = check_value(q, merged, lang)
        if problems:
            raise ChangeRefusedError("; ".join(m for _where, m in problems))
        return checked

    try:
        ws.modify_team_answer(database(), facilitator, q.id, change)
    except ws.WorkshopError as exc:
        _say(q, exc.say(tr()))
        return
    except ChangeRefusedError as exc:
        _say(q, str(exc))
        return
    _say(q, None)


def _refuse(q: Question, message: str) -> None:
    _say(q, message)


def _follow(q: Question, stored: Any) -> None:
    """Draw the widget from the stored answer again when it changed since it was drawn
    (another screen, or a merge with another screen's changes)."""
    state = st.session_state
    shown = _shown_key(q.id)
    if shown in state and state[shown] == stored:
        return
    prefix = PREFIX + q.id
    for name in list(state.keys()):
        if name == prefix or str(name).startswith(prefix + "__"):
            del state[name]
    state[shown] = stored


def render_team_answer(
    bank: Bank, q: Question, stored: Any, facilitator: str, *, disabled: bool = False
) -> None:
    """The agreed-answer widget for ``q``, preset from the stored team answer.

    ``disabled`` (a closed workshop) shows the answer without letting it change.
    """
    _follow(q, stored)
    binding = Binding(
        prefix=PREFIX,
        stored=stored,
        save=partial(_save, facilitator),
        change=partial(_change, facilitator, stored),
        refuse=_refuse,
        scale=bank.info.scale,
        disabled=disabled,
        compact=True,
        unset_label=_(NOT_AGREED),
    )
    widgets.render(q, _("Team answer: {question}").format(question=text(q.text)), binding)
    error = st.session_state.get(_error_key(q.id))
    if error:
        st.error(error)
