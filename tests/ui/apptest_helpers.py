"""Small helpers for reading and driving the app under ``AppTest``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"
MINI_DIR = ROOT / "tests" / "fixtures" / "mini"
SHIPPED_DIR = ROOT / "questions" / "mlops-team"
PERSONAS = ROOT / "tests" / "personas"
TIMEOUT = 30


Seed = Callable[..., str]
"""``seed(values, meta=None, ...)`` → the resume token of a stored assessment."""
NewTab = Callable[[], AppTest]


ASSESSMENT_PAGE = "assessment/ui/pages/questionnaire.py"
RESULTS_PAGE = "assessment/ui/pages/results.py"
START_PAGE = "assessment/ui/pages/start.py"


def texts(at: AppTest) -> str:
    """Every piece of text on the page, to assert what a person would read."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "error", "warning"):
        parts.extend(str(e.value) for e in getattr(at, kind))
    parts.extend(str(e.value) for e in at.info)
    parts.extend(str(e.value) for e in at.success)
    parts.extend(str(e.proto.text) for e in at.get("progress"))
    return "\n".join(parts)


def start(at: AppTest) -> AppTest:
    """Open the app and start a new assessment (lands on the first section)."""
    at.run()
    assert not at.exception, at.exception
    at.button(key="start_new").click().run()
    assert not at.exception, at.exception
    return at
