"""Where the pages live, relative to ``app.py``, and their URL paths.

Page scripts are files so that ``AppTest.switch_page`` and ``st.switch_page`` can reach
them; each one only calls the ``render`` function of its page module.
"""

from __future__ import annotations

from assessment.i18n import N_

START = "assessment/ui/pages/start.py"
ASSESSMENT = "assessment/ui/pages/questionnaire.py"
RESULTS = "assessment/ui/pages/results.py"
ABOUT = "assessment/ui/pages/about.py"
PROGRESS = "assessment/ui/pages/progress.py"
PORTFOLIO = "assessment/ui/pages/portfolio.py"

FACILITATE = "assessment/ui/workshop/facilitate.py"
PRESENT = "assessment/ui/workshop/present.py"
JOIN = "assessment/ui/workshop/join.py"

ASSESSMENT_PATH = "assessment"
RESULTS_PATH = "results"
ABOUT_PATH = "about"
PROGRESS_PATH = "progress"
PORTFOLIO_PATH = "portfolio"
FACILITATE_PATH = "facilitate"
PRESENT_PATH = "present"
JOIN_PATH = "join"
URL_PATHS = (
    "start",
    ASSESSMENT_PATH,
    RESULTS_PATH,
    ABOUT_PATH,
    FACILITATE_PATH,
    PRESENT_PATH,
    JOIN_PATH,
    PROGRESS_PATH,
    PORTFOLIO_PATH,
)

APP_TITLE = N_("MLOps Team Readiness Assessment")
TITLES = {
    START: N_("Start"),
    ASSESSMENT: N_("Assessment"),
    RESULTS: N_("Results"),
    PROGRESS: N_("Progress"),
    FACILITATE: N_("Run a workshop"),
    JOIN: N_("Join a workshop"),
    PRESENT: N_("Shared screen"),
    PORTFOLIO: N_("Portfolio"),
    ABOUT: N_("About"),
}
"""Each page's title (menu, browser tab), an English msgid: ``app.py`` translates it."""
