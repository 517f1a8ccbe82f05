"""Single choice: one option among the question's options."""

from __future__ import annotations

from assessment.models import Question, localize
from assessment.ui.language import current
from assessment.ui.widgets.base import Binding, choice

CLEAR_BUTTON = True
SAVED_AS_CHANGE = False


def render(q: Question, label: str, binding: Binding) -> None:
    lang = current()
    names = {o.id: localize(o.label, lang) for o in q.options}
    choice(q, label, binding, names, ["" for _ in q.options])
