"""The responsibility matrix: activities × roles, one R/A/C/I choice per cell.

One layout that adapts to the screen (the CSS is :mod:`assessment.ui.style`'s):

- **wide screens**: a grid, activities down and roles across, the roles named once in the
  column headers;
- **phones** (narrower than 640 px, where Streamlit stacks columns): one card per
  activity, with the role's name beside each choice; the header row is hidden.

Each cell is a select box that works with the keyboard alone (Tab to a cell, type a
letter or use the arrows, Enter) and carries a full label for screen readers,
"<activity> — <role>". Under an activity with letters but no A (or more than one), a note
says so at once: exactly one role is Accountable.

A change is saved as the cells changed here (``Binding.change``), applied to the grid
stored now, so two tabs (or two screens) filling different cells keep both. The cell
choices are the core's one list (:data:`assessment.types.raci.CELL_CHOICES`).
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from assessment.i18n import N_
from assessment.models import DONT_KNOW, Question, localize
from assessment.types import raci
from assessment.ui.language import _, tr
from assessment.ui.language import current as current_language
from assessment.ui.widgets.base import Binding, dont_know_box, heading

CLEAR_BUTTON = True
SAVED_AS_CHANGE = True
# English msgids, drawn in the session's language (``_(LEGEND)``).
LEGEND = N_(
    "**R** Responsible: does the work · **A** Accountable: has the final word, exactly one "
    "per activity · **C** Consulted · **I** Informed · **R/A** both"
)
DONT_KNOW_TEXT = N_("Don't know who does what")
NO_ACCOUNTABLE = N_("No one is Accountable (A) for this activity yet: choose exactly one role.")
SEVERAL_ACCOUNTABLE = N_("{count} roles are Accountable (A) for this activity: keep exactly one.")

GRID = "raci_grid_"
"""Container keys start with these: the CSS lays the grid out by them (assessment.ui.style)."""
HEAD = "raci_head_"
ACTIVITY = "raci_activity_"
ROLE = "raci_role_"


def accountable_note(cells: Iterable[str]) -> str | None:
    """The note under an activity whose cells (letters per role) have no A or several,
    in the session's language."""
    letters = [c for c in cells if c]
    if not letters:
        return None  # not started: nothing to say yet
    count = sum(1 for c in letters if "A" in c)
    if count == 0:
        return _(NO_ACCOUNTABLE)
    if count > 1:
        return _(SEVERAL_ACCOUNTABLE).format(count=tr().number(count))
    return None


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
    heading(label)
    st.caption(_(LEGEND))
    lang = current_language()
    unknown = False
    if q.offers_dont_know:
        binding.preset(q.id, stored == DONT_KNOW, DONT_KNOW)
        unknown = bool(binding.value(q.id, DONT_KNOW))

    grid = binding.key(q.id)
    spec = [1.8] + [1.0] * len(q.roles)
    choices = list(raci.CELL_CHOICES)
    with st.container(key=GRID + grid):
        with st.container(key=HEAD + grid):
            header = st.columns(spec, vertical_alignment="bottom", gap="small")
            header[0].caption("**" + _("Activity") + "**")
            for column, role in zip(header[1:], q.roles, strict=True):
                column.caption(f"**{localize(role.title, lang)}**")
        for activity in q.activities:
            activity_title = localize(activity.title, lang)
            cells = matrix.get(activity.id, {})
            with st.container(key=f"{ACTIVITY}{grid}__{activity.id}"):
                row = st.columns(spec, vertical_alignment="center", gap="small")
                row[0].markdown(activity_title)
                for column, role in zip(row[1:], q.roles, strict=True):
                    binding.preset(
                        q.id, raci.normalise(cells.get(role.id)) or "", activity.id, role.id
                    )
                    current = binding.value(q.id, activity.id, role.id)
                    with column.container(
                        horizontal=True,
                        vertical_alignment="center",
                        gap="small",
                        key=f"{ROLE}{grid}__{activity.id}__{role.id}",
                    ):
                        # Shown beside the choice on a phone only; the grid's header
                        # names the roles on a wide screen.
                        role_title = localize(role.title, lang)
                        st.markdown(role_title)
                        st.selectbox(
                            f"{activity_title} — {role_title}",
                            choices if current in choices else [*choices, current],
                            format_func=raci.cell_text,
                            key=binding.key(q.id, activity.id, role.id),
                            label_visibility="collapsed",
                            disabled=unknown or binding.disabled,
                            on_change=_on_cell,
                            args=(q, binding),
                        )
                note = (
                    None
                    if unknown
                    else accountable_note(
                        str(binding.value(q.id, activity.id, role.id) or "") for role in q.roles
                    )
                )
                if note:
                    st.caption(f":orange[:material/warning:] {note}")
    dont_know_box(q, binding, DONT_KNOW_TEXT, _on_cell)
