"""The open assessment's result: the one place the app runs the engine on its answers.

The Results page asks for the result here and never reads the question bank itself:
everything it shows comes from the result, through its presentation.
"""

from __future__ import annotations

from assessment.engine import assess
from assessment.models import AssessmentResult
from assessment.ui import session
from assessment.ui.resources import bank


def current_result() -> AssessmentResult:
    """The result for the open assessment's answers and targets (about a millisecond)."""
    b = bank()
    return assess(b, session.answers(b), session.targets())
