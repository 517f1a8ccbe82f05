"""One widget module per question type, shared by the questionnaire and the team answer.

:data:`WIDGETS` maps a type name to its module (the UI side of
:data:`assessment.types.REGISTRY`); :func:`render` draws a question with the
:class:`~assessment.ui.widgets.base.Binding` of the page it is on. The same validation,
the same "don't know" and the same RACI cell choices apply on both pages.
"""

from __future__ import annotations

from collections.abc import Mapping

from assessment.models import Question
from assessment.ui.widgets import multi, number, raci, scale, single, text
from assessment.ui.widgets.base import DONT_KNOW_LABEL, Binding, Widget

WIDGETS: Mapping[str, Widget] = {
    "single": single,
    "multi": multi,
    "scale": scale,
    "number": number,
    "text": text,
    "raci": raci,
}
"""Type name → the widget module that draws it."""


def widget_of(q: Question) -> Widget:
    return WIDGETS[q.type]


def render(q: Question, label: str, binding: Binding) -> None:
    """Draw the widget for ``q``'s type."""
    WIDGETS[q.type].render(q, label, binding)


__all__ = ["DONT_KNOW_LABEL", "WIDGETS", "Binding", "Widget", "render", "widget_of"]
