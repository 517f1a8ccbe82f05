"""Page script: Results (see assessment.ui.results_page). Wide: charts sit side by side."""

import streamlit as st

from assessment.ui.results_page import render

st.set_page_config(layout="wide")
render()
