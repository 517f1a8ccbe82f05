"""Page script: Assessment (see assessment.ui.assessment_page)."""

from assessment.ui.assessment_page import render

render()
