"""The responsibility matrix: activities × roles, one R/A/C/I choice per cell.

A grid of small select boxes works with the keyboard alone (Tab to a cell, type a letter
or use the arrows, Enter) and each one carries a full label for screen readers,
"<activity> — <role>", while the visible column headers name the roles once.

A change is saved as the cells this tab changed (:func:`session.change_answer`), applied
to the grid stored now, so two tabs filling different cells keep both.
"""

from __future__ import annotations

import streamlit as st

from assessment.loader import normalise_raci
from assessment.models import DONT_KNOW, Question, localize
from assessment.ui import session
from assessment.ui.keys import preset
from assessment.ui.keys import widget_key as key
from assessment.ui.resources import bank

CHOICES = ["", "R", "A", "C", "I", "RA"]
LEGEND = (
    "**R** Responsible: does the work · **A** Accountable: has the final word, exactly one "
    "per activity · **C** Consulted · **I** Informed · **R/A** both"
)


def letters_label(value: str) -> str:
    """How a cell reads: "" → "–", "RA" → "R/A"."""
    return "/".join(value) if value else "–"


def _on_cell(qid: str) -> None:
    q = bank().questions[qid]
    state = st.session_state
    if state.get(key(qid, DONT_KNOW)):
        session.change_answer(qid, DONT_KNOW)
        return
    matrix: dict[str, dict[str, str]] = {}
    for activity in q.activities:
        row = {
            role.id: state[key(qid, activity.id, role.id)]
            for role in q.roles
            if state.get(key(qid, activity.id, role.id))
        }
        if row:
            matrix[activity.id] = row
    session.change_answer(qid, matrix or None)


def render_raci(q: Question, label: str) -> None:
    stored = session.values().get(q.id)
    matrix = stored if isinstance(stored, dict) else {}
    st.markdown(label)
    st.caption(LEGEND)
    unknown = False
    if q.offers_dont_know:
        preset(key(q.id, DONT_KNOW), stored == DONT_KNOW)
        unknown = bool(st.session_state[key(q.id, DONT_KNOW)])

    spec = [1.8] + [1.0] * len(q.roles)
    header = st.columns(spec, vertical_alignment="bottom", gap="small")
    header[0].caption("**Activity**")
    for column, role in zip(header[1:], q.roles, strict=True):
        column.caption(f"**{localize(role.title)}**")
    for activity in q.activities:
        row = st.columns(spec, vertical_alignment="center", gap="small")
        activity_title = localize(activity.title)
        row[0].markdown(activity_title)
        cells = matrix.get(activity.id, {})
        for column, role in zip(row[1:], q.roles, strict=True):
            name = key(q.id, activity.id, role.id)
            preset(name, normalise_raci(cells.get(role.id)) or "")
            current = st.session_state[name]
            options = CHOICES if current in CHOICES else [*CHOICES, current]
            column.selectbox(
                f"{activity_title} — {localize(role.title)}",
                options,
                format_func=letters_label,
                key=name,
                label_visibility="collapsed",
                disabled=unknown,
                on_change=_on_cell,
                args=(q.id,),
            )
    if q.offers_dont_know:
        st.checkbox(
            "Don't know who does what",
            key=key(q.id, DONT_KNOW),
            on_change=_on_cell,
            args=(q.id,),
        )
