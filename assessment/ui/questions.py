"""One widget per question type, each saving its answer the moment it is given.

Every widget has a key derived from the question id (``q__<id>``, sub-widgets
``q__<id>__<part>``) so tests can drive it, a real label (the question text) for screen
readers, the "why we ask" help one click away, and "don't know" where the bank offers it.
Answers go through :func:`session.set_answer`, which checks them with
``loader.check_value`` and shows what cannot be accepted right under the question.
Multi-choice answers go through :func:`session.change_answer` instead: what is saved is
the option this tab ticked or unticked, so a second tab on the same resume link never
erases the first one's ticks.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from assessment.models import DONT_KNOW, Question, localize
from assessment.ui import session
from assessment.ui.keys import forget_widgets, preset
from assessment.ui.keys import widget_key as key
from assessment.ui.raci_grid import render_raci
from assessment.ui.resources import bank
from assessment.ui.text import plain

DONT_KNOW_LABEL = "Don't know"


def _state() -> Any:
    return st.session_state


# --------------------------------------------------------------------------- callbacks


def _on_choice(qid: str) -> None:
    session.set_answer(qid, _state()[key(qid)])


def _on_multi(qid: str) -> None:
    q = bank().questions[qid]
    chosen = [o.id for o in q.options if _state().get(key(qid, o.id))]
    if _state().get(key(qid, DONT_KNOW)):
        if chosen:
            session.errors()[qid] = [
                f"“{DONT_KNOW_LABEL}” cannot be combined with other answers: untick one of them."
            ]
            return
        session.change_answer(qid, DONT_KNOW)
        return
    for option in q.options:
        if option.exclusive and option.id in chosen and len(chosen) > 1:
            session.errors()[qid] = [
                f"“{localize(option.label)}” cannot be combined with other answers: "
                "untick one of them."
            ]
            return
    session.change_answer(qid, chosen or None)


def _on_number(qid: str) -> None:
    if _state().get(key(qid, DONT_KNOW)):
        session.set_answer(qid, DONT_KNOW)
    else:
        session.set_answer(qid, _state().get(key(qid)))


def _on_text(qid: str) -> None:
    text = _state().get(key(qid)) or ""
    session.set_answer(qid, text.strip() or None)


def _on_clear(qid: str) -> None:
    if bank().questions[qid].type in ("multi", "raci"):
        session.change_answer(qid, None)  # what another tab added meanwhile stays
    else:
        session.set_answer(qid, None)
    forget_widgets(qid)


# --------------------------------------------------------------------------- widgets


def render_question(q: Question, number: int) -> None:
    """Draw question ``q`` (numbered within its section), its help and its messages."""
    with st.container(border=True, key=f"card_{q.id}"):
        label = f"**{number}. {localize(q.text)}**"
        if q.type in ("single", "scale"):
            _choice(q, label)
        elif q.type == "multi":
            _multi(q, label)
        elif q.type == "number":
            _number(q, label)
        elif q.type == "text":
            _text(q, label)
        else:
            render_raci(q, label)
        _footer(q)
        for message in session.errors().get(q.id, []):
            st.error(f"Not saved: {plain(message)}.", icon=":material/error:")


def _choice(q: Question, label: str) -> None:
    stored = session.values().get(q.id)
    if q.type == "scale":
        scale = bank().info.scale
        options: list[Any] = [level.level for level in scale]
        names: dict[Any, str] = {
            level.level: f"{level.level} · {localize(level.label)}" for level in scale
        }
        captions = [
            localize(q.levels[level.level])
            if q.levels and level.level in q.levels
            else localize(level.description)
            for level in scale
        ]
    else:
        options = [o.id for o in q.options]
        names = {o.id: localize(o.label) for o in q.options}
        captions = ["" for _ in options]
    if q.offers_dont_know:
        options.append(DONT_KNOW)
        names[DONT_KNOW] = DONT_KNOW_LABEL
        captions.append("")
    preset(key(q.id), stored if stored in options else None)
    st.radio(
        label,
        options,
        index=None,
        format_func=lambda value: names.get(value, str(value)),
        captions=captions if any(captions) else None,
        key=key(q.id),
        on_change=_on_choice,
        args=(q.id,),
    )


def _multi(q: Question, label: str) -> None:
    stored = session.values().get(q.id)
    chosen = set(stored) if isinstance(stored, list) else set()
    st.markdown(label)
    st.caption("Tick every answer that applies.")
    for option in q.options:
        name = key(q.id, option.id)
        preset(name, option.id in chosen)
        st.checkbox(localize(option.label), key=name, on_change=_on_multi, args=(q.id,))
    if q.offers_dont_know:
        name = key(q.id, DONT_KNOW)
        preset(name, stored == DONT_KNOW)
        st.checkbox(DONT_KNOW_LABEL, key=name, on_change=_on_multi, args=(q.id,))


def _number_hint(q: Question) -> str:
    kind = "A whole number" if q.integer else "A number"
    if q.min is not None and q.max is not None:
        hint = f"{kind} from {q.min:g} to {q.max:g}"
    elif q.min is not None:
        hint = f"{kind}, at least {q.min:g}"
    elif q.max is not None:
        hint = f"{kind}, at most {q.max:g}"
    else:
        hint = kind
    unit = localize(q.unit)
    return f"{hint} ({unit})." if unit else f"{hint}."


def _number(q: Question, label: str) -> None:
    stored = session.values().get(q.id)
    number = stored if isinstance(stored, int | float) and not isinstance(stored, bool) else None
    if number is not None and not q.integer:
        number = float(number)
    preset(key(q.id), number)
    unknown = False
    if q.offers_dont_know:
        preset(key(q.id, DONT_KNOW), stored == DONT_KNOW)
        unknown = bool(_state()[key(q.id, DONT_KNOW)])
    # No min/max on the widget: an out-of-range value gets a message instead of being
    # silently clamped, so the person sees why it was not accepted.
    st.number_input(
        label,
        value=None,
        step=1 if q.integer else 0.1,
        format="%d" if q.integer else "%g",
        key=key(q.id),
        placeholder="Type a number",
        disabled=unknown,
        on_change=_on_number,
        args=(q.id,),
    )
    st.caption(_number_hint(q))
    if q.offers_dont_know:
        st.checkbox(DONT_KNOW_LABEL, key=key(q.id, DONT_KNOW), on_change=_on_number, args=(q.id,))


def _text(q: Question, label: str) -> None:
    stored = session.values().get(q.id)
    preset(key(q.id), stored if isinstance(stored, str) else "")
    st.text_area(
        label,
        key=key(q.id),
        max_chars=q.max_length,
        height=90 if q.max_length <= 500 else 160,
        placeholder="Optional: a few words",
        on_change=_on_text,
        args=(q.id,),
    )


def _footer(q: Question) -> None:
    """ "Why we ask", and a way to take back an answer to a choice question."""
    with st.container(horizontal=True, gap="small", key=f"foot_{q.id}"):
        with st.popover("Why we ask", icon=":material/help:", type="tertiary"):
            st.markdown(localize(q.help))
        answered = session.values().get(q.id) is not None
        if answered and q.type in ("single", "scale", "number", "raci"):
            st.button(
                "Clear answer",
                key=f"clear_{q.id}",
                type="tertiary",
                icon=":material/backspace:",
                on_click=_on_clear,
                args=(q.id,),
            )
