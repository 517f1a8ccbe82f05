"""Where the tests find the checkout's files: one module, so a move is one edit here.

Import it as ``from paths import ROOT, MINI_DIR`` (``tests/`` is on ``sys.path`` under
pytest). These are the checkout's own folders; code under test finds its shipped files
through :mod:`assessment.paths` instead, which also works when the package is installed.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
CORE = ROOT / "assessment"
DOCS = ROOT / "docs"
QUESTIONS = ROOT / "questions"
SHIPPED_DIR = QUESTIONS / "mlops-team"
TESTS = ROOT / "tests"
FIXTURES = TESTS / "fixtures"
MINI_DIR = FIXTURES / "mini"
PERSONAS = TESTS / "personas"
ARTIFACTS = ROOT / "test-artifacts"
