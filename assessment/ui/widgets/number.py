"""Number: typed, never clamped; an out-of-range value gets a message instead.

No ``min`` / ``max`` on the widget: a value outside the bounds is refused with a message
(by the answer check), so the person sees why it was not accepted.
"""

from __future__ import annotations

import streamlit as st

from assessment.models import DONT_KNOW, Question
from assessment.types import number
from assessment.ui.language import _, current
from assessment.ui.widgets.base import DONT_KNOW_LABEL, Binding, dont_know_box

CLEAR_BUTTON = True
SAVED_AS_CHANGE = False


def _on_number(q: Question, binding: Binding) -> None:
    if binding.value(q.id, DONT_KNOW):
        binding.save(q, DONT_KNOW)
    else:
        binding.save(q, binding.value(q.id))


def render(q: Question, label: str, binding: Binding) -> None:
    stored = binding.stored
    value = stored if isinstance(stored, int | float) and not isinstance(stored, bool) else None
    if value is not None and not q.integer:
        value = float(value)
    binding.preset(q.id, value)
    unknown = False
    if q.offers_dont_know:
        binding.preset(q.id, stored == DONT_KNOW, DONT_KNOW)
        unknown = bool(binding.value(q.id, DONT_KNOW))
    st.number_input(
        label,
        value=None,
        step=1 if q.integer else 0.1,
        format="%d" if q.integer else "%g",
        key=binding.key(q.id),
        placeholder=_("Type a number"),
        disabled=unknown or binding.disabled,
        on_change=_on_number,
        args=(q, binding),
    )
    st.caption(number.bounds_hint(q, current()))
    dont_know_box(q, binding, DONT_KNOW_LABEL, _on_number)
