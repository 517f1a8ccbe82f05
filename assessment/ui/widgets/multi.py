"""Multiple choice: tick boxes (pills on the shared screen), saved as the change made here.

"Don't know" and an ``exclusive`` option ("none of these") cannot be combined with other
answers. As in the forms people know, choosing one of them unticks the other choices, and
choosing another answer unticks them (:func:`untick_others`); a combination that still
reaches :func:`selection` (two tabs at once) is refused with a message.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import streamlit as st

from assessment.i18n import N_
from assessment.models import DONT_KNOW, Question, localize
from assessment.types import multi
from assessment.ui.language import _, current, text
from assessment.ui.widgets.base import DONT_KNOW_LABEL, Binding, heading

CLEAR_BUTTON = False
SAVED_AS_CHANGE = True
COMBINED = N_("“{choice}” cannot be combined with other answers: untick one of them.")
"""An English msgid: ``_(COMBINED).format(choice=…)`` where it is said."""


def selection(q: Question, chosen: Sequence[str], dont_know: bool) -> tuple[Any, str | None]:
    """The answer a selection means, or why it cannot be saved."""
    if dont_know:
        if chosen:
            return None, _(COMBINED).format(choice=_(DONT_KNOW_LABEL))
        return DONT_KNOW, None
    exclusive = multi.combination_problem(q, chosen)
    if exclusive is not None:
        return None, _(COMBINED).format(choice=text(q.option_map[exclusive].label))
    return list(chosen) or None, None


def _save(q: Question, binding: Binding, chosen: Sequence[str], dont_know: bool) -> None:
    answer, problem = selection(q, chosen, dont_know)
    if problem is not None:
        binding.refuse(q, problem)
        return
    binding.change(q, answer)


def _alone(q: Question) -> set[str]:
    """The choices that stand alone: "don't know" and the exclusive options."""
    return {DONT_KNOW, *(o.id for o in q.options if o.exclusive)}


def untick_others(q: Question, picked: Sequence[str], just_picked: str | None) -> list[str]:
    """What stays chosen after ``just_picked`` was chosen among ``picked``.

    A choice that stands alone ("don't know", "none of these") unticks every other one;
    any other choice unticks those that stand alone. Order is kept.
    """
    if just_picked is None or just_picked not in picked:
        return list(picked)
    alone = _alone(q)
    if just_picked in alone:
        return [just_picked]
    return [c for c in picked if c not in alone]


def _on_box(q: Question, binding: Binding, ticked: str) -> None:
    boxes = [*(o.id for o in q.options), DONT_KNOW]
    picked = [c for c in boxes if binding.value(q.id, c)]
    kept = untick_others(q, picked, ticked if binding.value(q.id, ticked) else None)
    for c in set(picked) - set(kept):  # before saving: a save ends the callback
        st.session_state[binding.key(q.id, c)] = False
    _save(q, binding, [c for c in kept if c != DONT_KNOW], DONT_KNOW in kept)


def _on_pills(q: Question, binding: Binding) -> None:
    picked = list(binding.value(q.id) or [])
    stored = binding.stored
    before = {DONT_KNOW} if stored == DONT_KNOW else set(stored or [])
    new = [c for c in picked if c not in before]
    kept = untick_others(q, picked, new[-1] if new else None)
    if kept != picked:
        st.session_state[binding.key(q.id)] = kept
    chosen = [o.id for o in q.options if o.id in kept]
    _save(q, binding, chosen, DONT_KNOW in kept)


def render(q: Question, label: str, binding: Binding) -> None:
    stored = binding.stored
    chosen = set(stored) if isinstance(stored, list) else set()
    if binding.compact:
        options = [o.id for o in q.options]
        lang = current()
        names = {o.id: localize(o.label, lang) for o in q.options}
        if q.offers_dont_know:
            options.append(DONT_KNOW)
            names[DONT_KNOW] = _(DONT_KNOW_LABEL)
        binding.preset(
            q.id, [DONT_KNOW] if stored == DONT_KNOW else [o for o in options if o in chosen]
        )
        st.pills(
            label,
            options,
            selection_mode="multi",
            format_func=lambda c: names.get(c, str(c)),
            key=binding.key(q.id),
            on_change=_on_pills,
            args=(q, binding),
            disabled=binding.disabled,
        )
        return
    heading(label)
    st.caption(_("Tick every answer that applies."))
    lang = current()
    for option in q.options:
        binding.preset(q.id, option.id in chosen, option.id)
        st.checkbox(
            localize(option.label, lang),
            key=binding.key(q.id, option.id),
            on_change=_on_box,
            args=(q, binding, option.id),
            disabled=binding.disabled,
        )
    if q.offers_dont_know:
        binding.preset(q.id, stored == DONT_KNOW, DONT_KNOW)
        st.checkbox(
            _(DONT_KNOW_LABEL),
            key=binding.key(q.id, DONT_KNOW),
            on_change=_on_box,
            args=(q, binding, DONT_KNOW),
            disabled=binding.disabled,
        )
