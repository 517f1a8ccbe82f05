"""Free text: an area in the questionnaire, one line on the shared screen."""

from __future__ import annotations

import streamlit as st

from assessment.models import Question
from assessment.ui.language import _
from assessment.ui.widgets.base import Binding

CLEAR_BUTTON = False
SAVED_AS_CHANGE = False


def _on_text(q: Question, binding: Binding) -> None:
    text = binding.value(q.id) or ""
    binding.save(q, text.strip() or None)


def render(q: Question, label: str, binding: Binding) -> None:
    binding.preset(q.id, binding.stored if isinstance(binding.stored, str) else "")
    if binding.compact:
        st.text_input(
            label,
            key=binding.key(q.id),
            max_chars=q.max_length,
            on_change=_on_text,
            args=(q, binding),
            disabled=binding.disabled,
        )
        return
    st.text_area(
        label,
        key=binding.key(q.id),
        max_chars=q.max_length,
        height=90 if q.max_length <= 500 else 160,
        placeholder=_("Optional: a few words"),
        on_change=_on_text,
        args=(q, binding),
        disabled=binding.disabled,
    )
