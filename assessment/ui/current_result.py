"""The open assessment's result: the one place the app runs the engine on its answers.

The Results page asks for the result here and never reads the question bank itself:
everything it shows comes from the result, through its presentation.
"""

from __future__ import annotations

from assessment.engine import assess
from assessment.models import AssessmentResult
from assessment.ui import language, session
from assessment.ui.resources import bank


def current_result() -> AssessmentResult:
    """The result for the open assessment's answers and targets (about a millisecond), in
    the language the person reads the app in (the answers' saved language is only the
    default of reports made outside the app)."""
    b = bank()
    return assess(b, session.answers(b), session.targets(), lang=language.current())
