"""Maturity scale: one level 0–4, each with what it looks like for this question.

Each choice reads "**2 · Repeatable** — what level 2 looks like here": the level's text is
part of the choice's own label, so a screen reader says it with the level (a caption
would only be a description, read later or not at all). On the shared screen (compact),
the choices are the short level names in a row.
"""

from __future__ import annotations

from typing import Any

from assessment.models import Question, localize
from assessment.ui.language import current
from assessment.ui.widgets.base import Binding, choice

CLEAR_BUTTON = True
SAVED_AS_CHANGE = False


def level_text(q: Question, binding: Binding, level: int, lang: str | None = None) -> str:
    """What ``level`` looks like for ``q``: the question's own words, else the scale's
    (in ``lang``, by default the session's language)."""
    lang = lang or current()
    if q.levels and level in q.levels:
        return localize(q.levels[level], lang)
    scale = {s.level: s for s in binding.scale}
    return localize(scale[level].description, lang) if level in scale else ""


def render(q: Question, label: str, binding: Binding) -> None:
    lang = current()
    names: dict[Any, str] = {}
    for level in binding.scale:
        name = f"{level.level} · {localize(level.label, lang)}"
        text = "" if binding.compact else level_text(q, binding, level.level, lang)
        names[level.level] = f"**{name}** — {text}" if text else name
    choice(q, label, binding, names, ["" for _ in binding.scale])
