"""Page script: About (see assessment.ui.about_page)."""

from assessment.ui.about_page import render

render()
