"""Maturity scale: one level 0–4, each with what it looks like for this question."""

from __future__ import annotations

from typing import Any

from assessment.models import Question, localize
from assessment.ui.widgets.base import Binding, choice

CLEAR_BUTTON = True
SAVED_AS_CHANGE = False


def render(q: Question, label: str, binding: Binding) -> None:
    names: dict[Any, str] = {
        level.level: f"{level.level} · {localize(level.label)}" for level in binding.scale
    }
    captions = [
        localize(q.levels[level.level])
        if q.levels and level.level in q.levels
        else localize(level.description)
        for level in binding.scale
    ]
    choice(q, label, binding, names, captions)
