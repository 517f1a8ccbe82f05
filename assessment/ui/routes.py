"""Where the pages live, relative to ``app.py``, and their URL paths.

Page scripts are files so that ``AppTest.switch_page`` and ``st.switch_page`` can reach
them; each one only calls the ``render`` function of its page module.
"""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class PageSpec:
    """One page of the menu: its script, title (an English msgid: ``app.py`` translates
    it), icon and URL path (``None``: the default page at the app's root)."""

    script: str
    title: str
    icon: str
    url_path: str | None = None
    hidden: bool = False


PAGES = (
    PageSpec(START, N_("Start"), ":material/home:"),
    PageSpec(ASSESSMENT, N_("Assessment"), ":material/checklist:", ASSESSMENT_PATH),
    PageSpec(RESULTS, N_("Results"), ":material/insights:", RESULTS_PATH),
    PageSpec(PROGRESS, N_("Progress"), ":material/timeline:", PROGRESS_PATH),
    PageSpec(FACILITATE, N_("Run a workshop"), ":material/groups:", FACILITATE_PATH),
    PageSpec(JOIN, N_("Join a workshop"), ":material/login:", JOIN_PATH),
    # The shared screen is opened by its link only, never from the menu.
    PageSpec(PRESENT, N_("Shared screen"), ":material/co_present:", PRESENT_PATH, hidden=True),
    PageSpec(PORTFOLIO, N_("Portfolio"), ":material/dashboard:", PORTFOLIO_PATH),
    PageSpec(ABOUT, N_("About"), ":material/info:", ABOUT_PATH),
)
"""The pages in menu order; the first is the default."""
