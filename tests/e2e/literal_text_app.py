"""A page that shows every hostile string of ``hostile_text`` through the app's escaping,
in the Streamlit elements the app uses for user text (run by ``test_literal_text``)."""

from __future__ import annotations

import streamlit as st
from hostile_text import HOSTILE_TEXTS

from assessment.ui.text import plain

for i, text in enumerate(HOSTILE_TEXTS):
    with st.container(key=f"case_{i}"):
        st.markdown(plain(text))
    with st.container(key=f"more_{i}"):
        st.caption(plain(text))
        st.error(plain(text))
        st.write(f"**Label:** {plain(text)}")
        st.markdown(f"**Label:**  \n{plain(text)}")  # under a line: no setext heading
