"""Page script: Portfolio (see assessment.ui.portfolio_page). Wide: teams sit side by side."""

import streamlit as st

from assessment.ui.portfolio_page import render

st.set_page_config(layout="wide")
render()
