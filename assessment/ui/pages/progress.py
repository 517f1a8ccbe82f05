"""Page script: Progress (see assessment.ui.progress_page). Wide: radars sit side by side."""

import streamlit as st

from assessment.ui.progress_page import render

st.set_page_config(layout="wide")
render()
