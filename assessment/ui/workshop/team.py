"""The facilitator records the room's agreed answer: the workshop's official assessment.

One compact widget per question type, saved the moment it changes (checked with the same
``check_value`` as every other answer). Keys are ``team__<question>``.

``key`` is the shared screen's presenter key (or the facilitator secret): the team's own
token never reaches a page. A closed workshop shows the answers without letting them
change. Multi-choice and RACI answers are saved as the options or cells changed here
(:mod:`assessment.store.changes`), so two screens never erase each other's work.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from assessment.loader import check_value
from assessment.models import DONT_KNOW, Bank, Question, localize
from assessment.store import workshops as ws
from assessment.store.changes import ChangeRefusedError, merge_choices, merge_raci
from assessment.store.hygiene import normalise_newlines, value_problem
from assessment.ui.resources import database

NOT_YET = "__not_yet__"
LETTERS = ["", "R", "A", "C", "I", "RA"]


def team_key(qid: str, *parts: str) -> str:
    return "__".join(["team", qid, *parts])


def _say(q: Question, problem: str | None) -> None:
    if problem:
        st.session_state[team_key(q.id, "error")] = problem
    else:
        st.session_state.pop(team_key(q.id, "error"), None)


def _save(facilitator: str, q: Question, raw: Any) -> None:
    if isinstance(raw, str):
        raw = normalise_newlines(raw)
    problem = value_problem(raw, "The text")
    if problem:
        _say(q, problem)
        return
    checked, problems = check_value(q, raw)
    if problems:
        _say(q, "; ".join(m for _, m in problems))
        return
    try:
        ws.record_team_answer(database(), facilitator, q.id, checked)
    except ws.WorkshopError as exc:
        _say(q, str(exc))
        return
    _say(q, None)


def _change(facilitator: str, q: Question, base: Any, desired: Any) -> None:
    """Save the options or cells changed here, applied to the team answer stored now."""

    def change(current: Any) -> Any:
        if q.type == "raci":
            merged = merge_raci(base, desired, current)
        else:
            merged = merge_choices(base, desired, current, [o.id for o in q.options])
        checked, problems = check_value(q, merged)
        if problems:
            raise ChangeRefusedError("; ".join(m for _, m in problems))
        return checked

    try:
        saved = ws.modify_team_answer(database(), facilitator, q.id, change)
    except (ws.WorkshopError, ChangeRefusedError) as exc:
        _say(q, str(exc))
        return
    _say(q, None)
    if saved != desired:  # the other screen's changes are part of it: redraw from it
        for name in list(st.session_state.keys()):
            if str(name).startswith(team_key(q.id)):
                del st.session_state[name]


def _on_choice(facilitator: str, q: Question) -> None:
    value = st.session_state[team_key(q.id)]
    _save(facilitator, q, None if value == NOT_YET else value)


def _on_multi(facilitator: str, q: Question, base: Any) -> None:
    _change(facilitator, q, base, st.session_state[team_key(q.id)] or None)


def _on_number(facilitator: str, q: Question) -> None:
    _save(facilitator, q, st.session_state[team_key(q.id)])


def _on_text(facilitator: str, q: Question) -> None:
    _save(facilitator, q, (st.session_state[team_key(q.id)] or "").strip() or None)


def _on_cell(facilitator: str, q: Question, base: Any) -> None:
    matrix: dict[str, dict[str, str]] = {}
    for activity in q.activities:
        row = {
            role.id: st.session_state.get(team_key(q.id, activity.id, role.id), "")
            for role in q.roles
        }
        row = {k: v for k, v in row.items() if v}
        if row:
            matrix[activity.id] = row
    _change(facilitator, q, base, matrix or None)


def render_team_answer(
    bank: Bank, q: Question, stored: Any, facilitator: str, *, disabled: bool = False
) -> None:
    """The agreed-answer widget for ``q``, preset from the stored team answer.

    ``disabled`` (a closed workshop) shows the answer without letting it change.
    """
    label = f"Team answer: {localize(q.text)}"
    args = (facilitator, q)
    if q.type in ("single", "scale"):
        choices: list[Any]
        names: dict[Any, str]
        if q.type == "single":
            choices = [NOT_YET, *[o.id for o in q.options]]
            names = {o.id: localize(o.label) for o in q.options}
        else:
            choices = [NOT_YET, *range(5)]
            names = {i: f"{i} · {localize(level.label)}" for i, level in enumerate(bank.info.scale)}
        if q.offers_dont_know:
            choices.append(DONT_KNOW)
        names[NOT_YET] = "Not agreed yet"
        names[DONT_KNOW] = "Don't know"
        index = choices.index(stored) if stored in choices else 0
        # Buttons rather than drop-down lists: the shared screen refreshes itself every
        # few seconds, and a click is one event that a refresh cannot interrupt.
        st.radio(
            label,
            choices,
            index=index,
            format_func=lambda c: names.get(c, str(c)),
            key=team_key(q.id),
            on_change=_on_choice,
            args=args,
            horizontal=True,
            disabled=disabled,
        )
    elif q.type == "multi":
        st.pills(
            label,
            [o.id for o in q.options],
            selection_mode="multi",
            default=stored if isinstance(stored, list) else [],
            format_func=lambda c: localize(q.option_map[c].label),
            key=team_key(q.id),
            on_change=_on_multi,
            args=(facilitator, q, stored),
            disabled=disabled,
        )
    elif q.type == "number":
        st.number_input(
            label,
            min_value=q.min,
            max_value=q.max,
            value=float(stored) if isinstance(stored, int | float) else None,
            step=1.0 if q.integer else 0.1,
            key=team_key(q.id),
            on_change=_on_number,
            args=args,
            disabled=disabled,
        )
    elif q.type == "text":
        st.text_input(
            label,
            value=stored if isinstance(stored, str) else "",
            max_chars=q.max_length,
            key=team_key(q.id),
            on_change=_on_text,
            args=args,
            disabled=disabled,
        )
    else:
        current = stored if isinstance(stored, dict) else {}
        st.caption(label)
        for activity in q.activities:
            columns = st.columns(len(q.roles))
            for column, role in zip(columns, q.roles, strict=True):
                cell = current.get(activity.id, {}).get(role.id, "")
                column.selectbox(
                    f"{localize(activity.title)} — {localize(role.title)}",
                    LETTERS,
                    index=LETTERS.index(cell) if cell in LETTERS else 0,
                    format_func=lambda v: v or "–",
                    key=team_key(q.id, activity.id, role.id),
                    on_change=_on_cell,
                    args=(facilitator, q, stored if isinstance(stored, dict) else None),
                    disabled=disabled,
                )
    error = st.session_state.get(team_key(q.id, "error"))
    if error:
        st.error(error)
