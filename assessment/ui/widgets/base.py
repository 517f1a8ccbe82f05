"""What every question widget needs: where the answer lives and how a change is saved.

The questionnaire and the workshop's team answer draw the same widget for a question
type; they differ only in their :class:`Binding`: the widget keys, the answer stored
now, how a whole answer or a change is saved, where a refusal is shown, and whether the
widget sits on the shared screen (``compact``: choices in a row, one-line text).
Validation is the widget's own and the same everywhere; the saved value is checked once
more by :func:`assessment.types.check_value` wherever it is saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import streamlit as st

from assessment.i18n import N_
from assessment.models import DONT_KNOW, Question, ScaleLevel
from assessment.ui.keys import preset
from assessment.ui.language import _

DONT_KNOW_LABEL = N_("Don't know")
"""An English msgid: ``_(DONT_KNOW_LABEL)`` where it is drawn."""
NOT_YET = "__not_yet__"
"""The choice that means "no answer yet" where a binding offers one (``unset_label``)."""


@dataclass(frozen=True)
class Binding:
    """Where one question's answer lives, and how the widget saves a change to it."""

    prefix: str
    """Widget keys are ``<prefix><question id>`` and ``<prefix><question id>__<part>``."""
    stored: Any
    """The answer stored now (``None`` when unanswered)."""
    save: Callable[[Question, Any], None]
    """Save a whole answer (``None`` clears it). The last thing a callback does: on the
    questionnaire it may end the callback (``st.rerun``, see assessment.ui.reruns)."""
    change: Callable[[Question, Any], None]
    """Save a multi-choice or RACI answer as the change made here (see store.changes).
    Like ``save``, the last thing a callback does."""
    refuse: Callable[[Question, str], None]
    """Show why an answer was not saved, under the question."""
    scale: Sequence[ScaleLevel]
    """The bank's maturity scale, levels 0 to 4."""
    disabled: bool = False
    compact: bool = False
    unset_label: str | None = None
    """A choice meaning "no answer yet" (the team answer's "Not agreed yet")."""

    def key(self, qid: str, *parts: str) -> str:
        return self.prefix + "__".join((qid, *parts))

    def value(self, qid: str, *parts: str) -> Any:
        return st.session_state.get(self.key(qid, *parts))

    def preset(self, qid: str, value: Any, *parts: str) -> None:
        """Give a widget the stored answer the first time it is drawn."""
        preset(self.key(qid, *parts), value)


class Widget(Protocol):
    """The UI of one question type; each module of :mod:`assessment.ui.widgets` is one."""

    CLEAR_BUTTON: bool
    """Whether the widget itself cannot be emptied, so the page offers "Clear answer"."""
    SAVED_AS_CHANGE: bool
    """Whether answers are saved as the change made here (multi-choice, RACI)."""

    def render(self, q: Question, label: str, binding: Binding) -> None:
        """Draw the widget for ``q`` under ``label``, preset from ``binding.stored``."""
        ...


def heading(label: str) -> None:
    """The question's text above a widget that has no label of its own (tick boxes, RACI).

    ``label`` is plain text (a screen reader reads a widget's label as written, so the
    questionnaire's labels carry no Markdown); it is set in bold here, like the labels of
    the other widgets (assessment.ui.style).
    """
    st.markdown(f"**{label}**")


def dont_know_box(
    q: Question, binding: Binding, label: str, on_change: Callable[..., None]
) -> bool:
    """The "don't know" tick box where the question offers it; whether it is ticked.

    ``label`` is an English msgid, drawn in the session's language."""
    if not q.offers_dont_know:
        return False
    binding.preset(q.id, binding.stored == DONT_KNOW, DONT_KNOW)
    st.checkbox(
        _(label),
        key=binding.key(q.id, DONT_KNOW),
        on_change=on_change,
        args=(q, binding),
        disabled=binding.disabled,
    )
    return bool(binding.value(q.id, DONT_KNOW))


def _on_choice(q: Question, binding: Binding) -> None:
    value = binding.value(q.id)
    binding.save(q, None if value == NOT_YET else value)


def choice(
    q: Question,
    label: str,
    binding: Binding,
    names: dict[Any, str],
    captions: list[str],
) -> None:
    """One choice among ``names`` (value → label), "don't know" added where offered."""
    options: list[Any] = list(names)
    names = dict(names)
    if q.offers_dont_know:
        options.append(DONT_KNOW)
        names[DONT_KNOW] = _(DONT_KNOW_LABEL)
        captions = [*captions, ""]
    empty: Any = None
    if binding.unset_label is not None:
        options.insert(0, NOT_YET)
        names[NOT_YET] = binding.unset_label
        captions = ["", *captions]
        empty = NOT_YET
    binding.preset(q.id, binding.stored if binding.stored in options else empty)
    st.radio(
        label,
        options,
        index=None,
        format_func=lambda value: names.get(value, str(value)),
        captions=captions if any(captions) and not binding.compact else None,
        key=binding.key(q.id),
        on_change=_on_choice,
        args=(q, binding),
        # On the shared screen, buttons in a row rather than a drop-down: it refreshes
        # itself every few seconds, and a click is one event a refresh cannot interrupt.
        horizontal=binding.compact,
        disabled=binding.disabled,
    )
