"""The responsibility matrix: activities × roles, one R/A/C/I choice per cell.

A grid of small select boxes works with the keyboard alone (Tab to a cell, type a letter
or use the arrows, Enter) and each one carries a full label for screen readers,
"<activity> — <role>", while the visible column headers name the roles once.

A change is saved as the cells changed here (``Binding.change``), applied to the grid
stored now, so two tabs (or two screens) filling different cells keep both. The cell
choices are the core's one list (:data:`assessment.types.raci.CELL_CHOICES`).
"""

from __future__ import annotations

import streamlit as st

from assessment.models import DONT_KNOW, Question, localize
from assessment.types import raci
from assessment.ui.widgets.base import Binding, dont_know_box

CLEAR_BUTTON = True
SAVED_AS_CHANGE = True
LEGEND = (
    "**R** Responsible: does the work · **A** Accountable: has the final word, exactly one "
    "per activity · **C** Consulted · **I** Informed · **R/A** both"
)
DONT_KNOW_TEXT = "Don't know who does what"


def _on_cell(q: Question, binding: Binding) -> None:
    if binding.value(q.id, DONT_KNOW):
        binding.change(q, DONT_KNOW)
        return
    matrix: dict[str, dict[str, str]] = {}
    for activity in q.activities:
        row = {
            role.id: letters
            for role in q.roles
            if (letters := binding.value(q.id, activity.id, role.id))
        }
        if row:
            matrix[activity.id] = row
    binding.change(q, matrix or None)


def render(q: Question, label: str, binding: Binding) -> None:
    stored = binding.stored
    matrix = stored if isinstance(stored, dict) else {}
    st.markdown(label)
    st.caption(LEGEND)
    unknown = False
    if q.offers_dont_know:
        binding.preset(q.id, stored == DONT_KNOW, DONT_KNOW)
        unknown = bool(binding.value(q.id, DONT_KNOW))

    spec = [1.8] + [1.0] * len(q.roles)
    header = st.columns(spec, vertical_alignment="bottom", gap="small")
    header[0].caption("**Activity**")
    for column, role in zip(header[1:], q.roles, strict=True):
        column.caption(f"**{localize(role.title)}**")
    choices = list(raci.CELL_CHOICES)
    for activity in q.activities:
        row = st.columns(spec, vertical_alignment="center", gap="small")
        activity_title = localize(activity.title)
        row[0].markdown(activity_title)
        cells = matrix.get(activity.id, {})
        for column, role in zip(row[1:], q.roles, strict=True):
            binding.preset(q.id, raci.normalise(cells.get(role.id)) or "", activity.id, role.id)
            current = binding.value(q.id, activity.id, role.id)
            column.selectbox(
                f"{activity_title} — {localize(role.title)}",
                choices if current in choices else [*choices, current],
                format_func=raci.cell_text,
                key=binding.key(q.id, activity.id, role.id),
                label_visibility="collapsed",
                disabled=unknown or binding.disabled,
                on_change=_on_cell,
                args=(q, binding),
            )
    dont_know_box(q, binding, DONT_KNOW_TEXT, _on_cell)
