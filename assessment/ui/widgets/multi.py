"""Multiple choice: tick boxes (pills on the shared screen), saved as the change made here.

"Don't know" and an ``exclusive`` option ("none of these") cannot be combined with other
answers; the widget says so before anything is saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st

from assessment.models import DONT_KNOW, Question, localize
from assessment.types import multi
from assessment.ui.widgets.base import DONT_KNOW_LABEL, Binding

CLEAR_BUTTON = False
SAVED_AS_CHANGE = True
COMBINED = "“{}” cannot be combined with other answers: untick one of them."


def selection(q: Question, chosen: Sequence[str], dont_know: bool) -> tuple[Any, str | None]:
    """The answer a selection means, or why it cannot be saved."""
    if dont_know:
        if chosen:
            return None, COMBINED.format(DONT_KNOW_LABEL)
        return DONT_KNOW, None
    exclusive = multi.combination_problem(q, chosen)
    if exclusive is not None:
        return None, COMBINED.format(localize(q.option_map[exclusive].label))
    return list(chosen) or None, None


def _save(q: Question, binding: Binding, chosen: Sequence[str], dont_know: bool) -> None:
    answer, problem = selection(q, chosen, dont_know)
    if problem is not None:
        binding.refuse(q, problem)
        return
    binding.change(q, answer)


def _on_box(q: Question, binding: Binding) -> None:
    chosen = [o.id for o in q.options if binding.value(q.id, o.id)]
    _save(q, binding, chosen, bool(binding.value(q.id, DONT_KNOW)))


def _on_pills(q: Question, binding: Binding) -> None:
    picked = list(binding.value(q.id) or [])
    chosen = [o.id for o in q.options if o.id in picked]
    _save(q, binding, chosen, DONT_KNOW in picked)


def render(q: Question, label: str, binding: Binding) -> None:
    stored = binding.stored
    chosen = set(stored) if isinstance(stored, list) else set()
    if binding.compact:
        options = [o.id for o in q.options]
        names = {o.id: localize(o.label) for o in q.options}
        if q.offers_dont_know:
            options.append(DONT_KNOW)
            names[DONT_KNOW] = DONT_KNOW_LABEL
        binding.preset(
            q.id, [DONT_KNOW] if stored == DONT_KNOW else [o for o in options if o in chosen]
        )
        st.pills(
            label,
            options,
            selection_mode="multi",
            format_func=lambda c: names.get(c, str(c)),
            key=binding.key(q.id),
            on_change=_on_pills,
            args=(q, binding),
            disabled=binding.disabled,
        )
        return
    st.markdown(label)
    st.caption("Tick every answer that applies.")
    for option in q.options:
        binding.preset(q.id, option.id in chosen, option.id)
        st.checkbox(
            localize(option.label),
            key=binding.key(q.id, option.id),
            on_change=_on_box,
            args=(q, binding),
            disabled=binding.disabled,
        )
    if q.offers_dont_know:
        binding.preset(q.id, stored == DONT_KNOW, DONT_KNOW)
        st.checkbox(
            DONT_KNOW_LABEL,
            key=binding.key(q.id, DONT_KNOW),
            on_change=_on_box,
            args=(q, binding),
            disabled=binding.disabled,
        )
