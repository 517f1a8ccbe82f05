"""The facilitator's workshop, looked up from the secret token in the URL.

Only the facilitator page uses the secret. It keeps it in this tab's session and in its
own address bar (so a bookmark or a reload works), but the shared screen never sees it:
that page runs on a presenter key instead (see ``present.py``), so no navigation on the
projector — Back, the top menu, a reload — can bring the secret back.

Also what the facilitator page (the remote) and the shared screen share, so they always
agree: the current question (:func:`position`, :func:`step`), whether people can still
join (:func:`joining_open`), and the room's aggregate (:func:`room`), recomputed only when
the room's answers change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import streamlit as st

from assessment.models import Bank, Question, Section
from assessment.store import workshops as ws
from assessment.store.limits import JoinLimits, LimitsError
from assessment.ui.resources import database
from assessment.ui.session import FACILITATOR_SECRET
from assessment.workshop import Aggregate, aggregate

FACILITATOR_PARAM = "f"
_ROOM = "workshop_room_aggregate"

VIEW_TITLES = {
    "lobby": "Join",
    "question": "Question",
    "capabilities": "Capabilities",
    "team": "Team and skills",
    "organisation": "Organisation",
    "disagree": "Disagreements",
    "approach": "Approach",
    "progress": "Progress",
}
"""What the facilitator's remote calls each view of the shared screen."""
GROUP_TITLES = {
    "capabilities": "MLOps capabilities",
    "team": "Team and skills",
    "organisation": "Organisation",
}


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


def room(b: Bank, workshop: ws.Workshop) -> Aggregate:
    """The room's aggregate, recomputed only when its answers changed (this session)."""
    version = (workshop.id, workshop.threshold, ws.room_version(database(), workshop.id))
    cached = st.session_state.get(_ROOM)
    if isinstance(cached, tuple) and cached[0] == version:
        found: Aggregate = cached[1]
        return found
    found = aggregate(b, ws.participants(database(), workshop.id), workshop.threshold)
    st.session_state[_ROOM] = (version, found)
    return found


def plural(count: int, one: str, many: str | None = None) -> str:
    """``1 participant``, ``3 participants``: the count with its noun spelled out."""
    return f"{count} {one if count == 1 else many or one + 's'}"
