"""Page script: Start (see assessment.ui.start_page)."""

from assessment.ui.start_page import render

render()
