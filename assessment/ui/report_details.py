"""Optional details printed on the report's cover: organisation, name, role.

They are never scored. They are user text, so every page shows them escaped.
"""

from __future__ import annotations

import streamlit as st
from pydantic import ValidationError

from assessment.i18n import N_
from assessment.models import AnswersMeta
from assessment.ui import session
from assessment.ui.language import _

META_FIELDS = (
    ("organization", N_("Organisation"), N_("Shown on the report's cover.")),
    ("respondent", N_("Your name"), N_("Optional.")),
    ("role", N_("Your role"), N_("For example: head of data, ML engineer.")),
)
META_ERROR = "meta_error"


def _save() -> None:
    merged = dict(session.meta())
    for name, __, ___ in META_FIELDS:
        merged[name] = str(st.session_state.get(session.META_PREFIX + name) or "").strip()
    try:
        AnswersMeta.model_validate({k: v for k, v in merged.items() if v})
    except ValidationError:
        st.session_state[META_ERROR] = N_("Each detail can be at most 200 characters long.")
        return
    st.session_state.pop(META_ERROR, None)
    session.set_meta(merged)


def render_report_details() -> None:
    for name, label, hint in META_FIELDS:
        widget = session.META_PREFIX + name
        if widget not in st.session_state:
            st.session_state[widget] = str(session.meta().get(name) or "")
        st.text_input(_(label), key=widget, max_chars=200, help=_(hint), on_change=_save)
    if st.session_state.get(META_ERROR):
        st.error(_(str(st.session_state[META_ERROR])))
