"""The facilitator's workshop, looked up from the secret token in the URL.

Only the facilitator page uses the secret. It keeps it in this tab's session and in its
own address bar (so a bookmark or a reload works), but the shared screen never sees it:
that page runs on a presenter key instead (see ``present.py``), so no navigation on the
projector — Back, the top menu, a reload — can bring the secret back.

Also what the facilitator page (the remote) and the shared screen share, so they always
agree: the current question (:func:`position`, :func:`step`), whether people can still
join (:func:`joining_open`), and the room's aggregate (:func:`room`), recomputed only when
the room's answers change and worded in the language of whoever reads it (the
facilitator's session, or the shared screen's own language): the numbers are the same in
every language, because answers are ids.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

import streamlit as st

from assessment.i18n import N_, NP_, Plural, Translator
from assessment.models import Bank, Question, Section, localize
from assessment.store import workshops as ws
from assessment.store.limits import JoinLimits, LimitsError
from assessment.ui.resources import database
from assessment.ui.session import FACILITATOR_SECRET
from assessment.workshop import Aggregate, OptionCount, QuestionSpread, aggregate

FACILITATOR_PARAM = "f"
_ROOM = "workshop_room_aggregate"

VIEW_TITLES = {
    "lobby": N_("Join"),
    "question": N_("Question"),
    "capabilities": N_("Capabilities"),
    "team": N_("Team and skills"),
    "organisation": N_("Organisation"),
    "disagree": N_("Disagreements"),
    "approach": N_("Approach"),
    "progress": N_("Progress"),
}
"""What the facilitator's remote calls each view of the shared screen (msgids)."""
GROUP_TITLES = {
    "capabilities": N_("MLOps capabilities"),
    "team": N_("Team and skills"),
    "organisation": N_("Organisation"),
}
"""The room profile's title per dimension group (msgids)."""
PEOPLE = NP_("{n} person", "{n} people")
PARTICIPANTS = NP_("{n} participant", "{n} participants")


def facilitator_token() -> str | None:
    """The secret from the URL, or the one this browser tab already used (put back in
    the URL: switching pages drops query parameters)."""
    token = st.query_params.get(FACILITATOR_PARAM)
    if token is None:
        token = st.session_state.get(FACILITATOR_SECRET)
        if token:
            st.query_params[FACILITATOR_PARAM] = token
    return token


def current() -> ws.Workshop | None:
    """The workshop this page controls, or None (with nothing shown) if the link is bad."""
    token = facilitator_token()
    if not token:
        return None
    workshop = ws.by_facilitator(database(), token)
    if workshop is not None:
        st.session_state[FACILITATOR_SECRET] = token
    return workshop


def forget() -> None:
    st.session_state.pop(FACILITATOR_SECRET, None)


def remember(workshop: ws.Workshop) -> None:
    st.session_state[FACILITATOR_SECRET] = workshop.facilitator_token
    st.query_params[FACILITATOR_PARAM] = workshop.facilitator_token


# --------------------------------------------------------------------------- shared by both


@dataclass(frozen=True)
class Position:
    """Where the room is: the current question, its section, and their numbers."""

    section: Section
    question: Question
    number: int
    """The question's number in its section, from 1."""
    section_number: int
    """The section's number in the bank, from 1."""

    @property
    def of(self) -> int:
        return len(self.section.questions)


def position(b: Bank, workshop: ws.Workshop) -> Position:
    """The workshop's current question; the first one if the stored position is unknown."""
    for i, section in enumerate(b.sections, start=1):
        ids = [q.id for q in section.questions]
        if workshop.current_question in ids:
            index = ids.index(str(workshop.current_question))
            return Position(section, section.questions[index], index + 1, i)
    for i, section in enumerate(b.sections, start=1):
        if section.id == workshop.current_section:
            return Position(section, section.questions[0], 1, i)
    return Position(b.sections[0], b.sections[0].questions[0], 1, 1)


def step(b: Bank, current: Position, delta: int) -> tuple[str, str]:
    """(section id, question id) ``delta`` questions away, across sections, kept in range."""
    ordered = [(s.id, q.id) for s in b.sections for q in s.questions]
    index = ordered.index((current.section.id, current.question.id))
    return ordered[max(0, min(len(ordered) - 1, index + delta))]


def joining_open(workshop: ws.Workshop) -> bool:
    """Whether new people can join: open, not locked, and not past the age limit."""
    if not workshop.open or workshop.locked:
        return False
    try:
        days = JoinLimits.from_env().max_age_days
    except LimitsError:
        return True  # the Join page says what is wrong; the code still belongs on screen
    created = workshop.created_at
    return created is None or datetime.now(UTC) - created <= timedelta(days=days)


def room(b: Bank, workshop: ws.Workshop, lang: str) -> Aggregate:
    """The room's aggregate in ``lang``, recomputed only when its answers changed (this
    session)."""
    version = (workshop.id, workshop.threshold, ws.room_version(database(), workshop.id), lang)
    cached = st.session_state.get(_ROOM)
    if isinstance(cached, tuple) and cached[0] == version:
        found: Aggregate = cached[1]
        return found
    counted = aggregate(b, ws.participants(database(), workshop.id), workshop.threshold)
    found = worded(b, counted, lang)
    st.session_state[_ROOM] = (version, found)
    return found


def worded(b: Bank, agg: Aggregate, lang: str) -> Aggregate:
    """The same aggregate with every bank text in ``lang``, found again by its id: section
    and dimension titles, question texts and the options' (or scale levels') labels."""
    dimensions = b.dimension_map
    questions = b.questions
    sections = {s.id: s for s in b.sections}
    levels = {str(s.level): s for s in b.info.scale}

    def label(q: Question | None, count: OptionCount) -> str:
        option = next((o for o in q.options if o.id == count.id), None) if q else None
        if option is not None:
            return localize(option.label, lang)
        level = levels.get(count.id)
        if level is not None and (q is None or q.type == "scale"):
            return f"{level.level} · {localize(level.label, lang)}"
        return count.label

    def question(spread: QuestionSpread) -> QuestionSpread:
        q = questions.get(spread.id)
        return replace(
            spread,
            text=localize(q.text, lang) if q else spread.text,
            counts=[replace(c, label=label(q, c)) for c in spread.counts],
        )

    return replace(
        agg,
        dimensions=[
            replace(d, title=localize(dimensions[d.id].title, lang)) if d.id in dimensions else d
            for d in agg.dimensions
        ],
        questions={qid: question(spread) for qid, spread in agg.questions.items()},
        progress=[
            replace(p, title=localize(sections[p.id].title, lang)) if p.id in sections else p
            for p in agg.progress
        ],
    )


def count(tr: Translator, forms: Plural, n: int) -> str:
    """``1 participant``, ``3 participants``: a count with its noun, in ``tr``'s language
    (``forms`` is marked with ``NP_`` and has ``{n}``)."""
    return tr.plural(forms, n).format(n=tr.number(n))
