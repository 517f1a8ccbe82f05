"""Widget keys and first-draw values, shared by every question widget.

Keys are derived from question ids (``q__<id>``, parts ``q__<id>__<part>``) so tests can
drive widgets by key and an upload can reset them all by prefix.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from assessment.ui.session import WIDGET_PREFIX


def widget_key(qid: str, *parts: str) -> str:
    """The session-state key of a question's widget (or of one of its parts)."""
    return WIDGET_PREFIX + "__".join((qid, *parts))


def preset(name: str, value: Any) -> None:
    """Give a widget its stored answer the first time it is drawn in this session.

    Widgets are created without a default, so Streamlit never sees two competing values.
    """
    if name not in st.session_state:
        st.session_state[name] = value


def forget_widgets(qid: str) -> None:
    """Drop a question's widget state so its widgets show the stored answer again."""
    prefix = widget_key(qid)
    for name in list(st.session_state.keys()):
        if name == prefix or str(name).startswith(prefix + "__"):
            del st.session_state[name]
