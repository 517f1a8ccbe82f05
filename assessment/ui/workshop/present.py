"""The shared screen: large type, updates by itself, the facilitator steps and reveals.

Everything live sits in a fragment that reruns every few seconds, reading the workshop's
state and the room's aggregate from the database (so any replica can serve it). Answers
stay hidden until revealed, and below the anonymity threshold no distribution is shown.

The projector's browser never holds the facilitator secret. It opens ``present?k=KEY``
with a single-use link key from the facilitator page, which this page exchanges at once
for a screen key kept only in this session (server-side) and removes from the address
bar. Back brings back only a used key (dead); the top menu finds no secret in this
session to put anywhere; a reload needs a new link from the facilitator page. An address
with the secret itself (``?f=``) is refused here, so a habit from older versions cannot
put it on the wall either.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from assessment.models import Bank, Question, Section, localize
from assessment.store import workshops as ws
from assessment.ui import routes
from assessment.ui.resources import bank, database
from assessment.ui.text import plain
from assessment.ui.workshop import figures, links
from assessment.ui.workshop.team import render_team_answer
from assessment.workshop import Aggregate, QuestionSpread, aggregate

REFRESH_SECONDS = 3
FACILITATE_PAGE = routes.FACILITATE
LINK_PARAM = "k"
SECRET_PARAM = "f"
SCREEN_KEY = "present_screen_key"
OPENING_PROBLEM = "present_problem"

# Static styling only (no user text): bigger type for the back of the room.
_CSS = """
<style>
[data-testid="stMainBlockContainer"] { max-width: 1800px; }
[data-testid="stMainBlockContainer"] p, [data-testid="stMainBlockContainer"] li,
[data-testid="stMainBlockContainer"] label { font-size: 1.35rem; }
[data-testid="stMainBlockContainer"] h1 { font-size: 3rem; }
[data-testid="stMainBlockContainer"] h2 { font-size: 2.3rem; }
[data-testid="stMainBlockContainer"] h3 { font-size: 1.9rem; }
</style>
"""


def _spread_words(value: float | None) -> str:
    if value is None:
        return "not enough answers yet"
    if value >= 0.6:
        return f"strong disagreement ({value:.2f})"
    if value >= 0.3:
        return f"some disagreement ({value:.2f})"
    return f"broad agreement ({value:.2f})"


def _section(b: Bank, section_id: str | None) -> Section:
    for section in b.sections:
        if section.id == section_id:
            return section
    return b.sections[0]


def _key() -> str:
    """This screen's key (server-side session state; never in the page or its address)."""
    return str(st.session_state.get(SCREEN_KEY) or "")


def _safely(action: Callable[[], object]) -> None:
    """Run a control; a key that expired since the last refresh becomes the page's message."""
    try:
        action()
    except ws.WorkshopError as exc:
        st.session_state[OPENING_PROBLEM] = str(exc)


def _step(workshop: ws.Workshop, b: Bank, delta: int) -> None:
    ids = [s.id for s in b.sections]
    index = ids.index(workshop.current_section) if workshop.current_section in ids else 0
    target = b.sections[max(0, min(len(ids) - 1, index + delta))]
    _safely(lambda: ws.set_position(database(), _key(), target.id, target.questions[0].id))


def _step_question(workshop: ws.Workshop, b: Bank, delta: int) -> None:
    ordered = [(s.id, q.id) for s in b.sections for q in s.questions]
    ids = [q for _, q in ordered]
    index = ids.index(workshop.current_question) if workshop.current_question in ids else 0
    section, question = ordered[max(0, min(len(ids) - 1, index + delta))]
    _safely(lambda: ws.set_position(database(), _key(), section, question))


def _reveal(workshop: ws.Workshop, qid: str, revealed: bool) -> None:
    _safely(lambda: ws.set_revealed(database(), _key(), qid, revealed))


def _question_block(
    workshop: ws.Workshop,
    b: Bank,
    q: Question,
    number: int,
    spread: QuestionSpread,
    agg: Aggregate,
    team_values: dict[str, object],
    hands: dict[str, int] | None = None,
) -> None:
    with st.container(border=True, key=f"present_q_{q.id}"):
        st.markdown(f"### {number}. {plain(localize(q.text))}")
        answered = f"{spread.responses} answered"
        if spread.unknown:  # None below the anonymity threshold
            answered += f" · {spread.unknown} don't know"
        st.write(answered)
        revealed = q.id in workshop.revealed
        if revealed:
            if spread.counts:
                st.plotly_chart(
                    figures.counts_bars(spread.counts),
                    key=f"present_counts_{q.id}",
                    config={"displayModeBar": False},
                    theme=None,
                )
                st.write(" · ".join(f"{plain(c.label)}: {c.count}" for c in spread.counts))
                st.write(f"Spread: {_spread_words(spread.disagreement)}")
            elif q.type in ("single", "multi", "scale"):
                st.info(
                    f"Shown once at least {workshop.threshold} people have answered "
                    "(anonymity threshold)."
                )
            else:
                st.write(f"Spread: {_spread_words(spread.disagreement)}")
            st.button(
                "Hide answers",
                key=f"hide_{q.id}",
                on_click=_reveal,
                args=(workshop, q.id, False),
            )
        else:
            st.write("Answers are hidden until you reveal them.")
            st.button(
                "Reveal answers",
                key=f"reveal_{q.id}",
                type="primary",
                on_click=_reveal,
                args=(workshop, q.id, True),
            )
        if hands is not None and q.options:
            st.markdown("**Show of hands**")
            columns = st.columns(min(4, len(q.options)))
            for i, option in enumerate(q.options):
                columns[i % len(columns)].number_input(
                    localize(option.label),
                    min_value=0,
                    max_value=10_000,
                    value=hands.get(option.id, 0),
                    step=1,
                    key=f"hands_{q.id}_{option.id}",
                    on_change=_save_hands,
                    args=(workshop, q.id, option.id),
                )
        with st.expander("Record the team's answer", expanded=workshop.mode == "room"):
            render_team_answer(b, q, team_values.get(q.id), _key(), disabled=not workshop.open)


def _save_hands(workshop: ws.Workshop, qid: str, option_id: str) -> None:
    count = st.session_state.get(f"hands_{qid}_{option_id}") or 0
    _safely(lambda: ws.save_hands(database(), _key(), qid, option_id, int(count)))


PAUSED = "present_paused"
SWITCHED = "present_switched"


def _toggle_pause() -> None:
    st.session_state[PAUSED] = bool(st.session_state.get("present_pause_toggle"))
    st.session_state[SWITCHED] = True


def _screen(token: str) -> None:
    """Everything on the shared screen; run by a self-refreshing or a frozen fragment."""
    if st.session_state.pop(SWITCHED, False):
        st.rerun(scope="app")  # switch between the live and the frozen fragment
    workshop = ws.by_presenter(database(), token)
    if workshop is None:
        st.error(
            "This shared screen has expired or its workshop no longer exists. Open it "
            "again from your facilitator page."
        )
        return
    b = bank()
    room = ws.participants(database(), workshop.id)
    agg = aggregate(b, room, workshop.threshold)
    team_values = ws.team_values(database(), token)

    top = st.columns([3, 1, 1], vertical_alignment="bottom")
    top[0].markdown(f"# {plain(workshop.title)}")
    top[1].markdown(f"## {agg.participants} joined")
    top[2].markdown(f"## Code `{workshop.code[:3]} {workshop.code[3:]}`")
    st.write(f"Join at {links.join_url(workshop.code)}")
    st.toggle(
        "Freeze the screen",
        value=bool(st.session_state.get(PAUSED)),
        key="present_pause_toggle",
        on_change=_toggle_pause,
        help=(
            "Stops the updates every few seconds, so the numbers hold still while the room "
            "discusses them."
        ),
    )
    if st.session_state.get(PAUSED):
        st.caption("Frozen: new answers appear when you unfreeze the screen.")
    if not workshop.open:
        st.warning(
            "The workshop is closed: answers are kept, new answers are not taken, and the "
            "team's answers are final."
        )
    elif workshop.locked:
        st.caption("The room is locked: nobody new can join.")

    section = _section(b, workshop.current_section)
    tabs = st.tabs(["Questions", "Room profile", "Where we disagree", "Approach", "Progress"])
    with tabs[0]:
        nav = st.columns([1, 4, 1])
        nav[0].button(
            "◀ Previous",
            key="present_prev",
            on_click=(_step_question if workshop.mode == "room" else _step),
            args=(workshop, b, -1),
            use_container_width=True,
        )
        nav[2].button(
            "Next ▶",
            key="present_next",
            on_click=(_step_question if workshop.mode == "room" else _step),
            args=(workshop, b, 1),
            use_container_width=True,
        )
        nav[1].markdown(f"## {plain(localize(section.title))}")
        if workshop.mode == "room":
            hands = ws.hand_counts(database(), workshop.id)
            qid = workshop.current_question or section.questions[0].id
            q = b.questions.get(qid, section.questions[0])
            number = [x.id for x in section.questions].index(q.id) + 1
            _question_block(
                workshop, b, q, number, agg.questions[q.id], agg, team_values, hands.get(q.id, {})
            )
        else:
            st.write(plain(localize(section.intro)))
            for number, q in enumerate(section.questions, start=1):
                _question_block(workshop, b, q, number, agg.questions[q.id], agg, team_values)
    with tabs[1]:
        if agg.shown and any(d.median is not None for d in agg.dimensions):
            for group, title in (
                ("capabilities", "MLOps capabilities"),
                ("team", "Team and skills"),
                ("organisation", "Organisation"),
            ):
                dims = [d for d in agg.dimensions if d.group == group]
                st.markdown(f"## {title}")
                st.plotly_chart(
                    figures.room_radar(dims),
                    key=f"present_radar_{group}",
                    config={"displayModeBar": False},
                    theme=None,
                )
                st.write(
                    " · ".join(
                        f"{plain(d.title)}: median {d.median:.0f} (middle half {d.q1:.0f}–{d.q3:.0f})"
                        for d in dims
                        if d.median is not None and d.q1 is not None and d.q3 is not None
                    )
                )
        else:
            st.info(
                f"The room profile appears once at least {workshop.threshold} people have "
                "answered questions that are scored."
            )
    with tabs[2]:
        ranked = agg.disagreements(limit=10)
        if not ranked:
            st.info("Not enough answers yet to see where the room disagrees.")
        for spread in ranked:
            q = b.questions[spread.id]
            with st.container(border=True):
                st.markdown(f"### {plain(spread.text)}")
                st.write(f"{_spread_words(spread.disagreement)} · {spread.answered} answered")
                if spread.id in workshop.revealed and spread.counts:
                    st.write(" · ".join(f"{plain(c.label)}: {c.count}" for c in spread.counts))
                elif spread.id not in workshop.revealed:
                    st.button(
                        "Reveal answers",
                        key=f"dis_reveal_{q.id}",
                        on_click=_reveal,
                        args=(workshop, q.id, True),
                    )
    with tabs[3]:
        if agg.approaches:
            st.plotly_chart(
                figures.approach_bars(agg.approaches),
                key="present_approach",
                config={"displayModeBar": False},
                theme=None,
            )
            st.write(
                " · ".join(f"{label}: {count}" for label, count in sorted(agg.approaches.items()))
            )
            st.caption(
                f"Counts the {agg.approach_answered} people who answered at least one "
                "question about how the effort started."
            )
        else:
            st.info(
                f"Shown once {workshop.threshold} people have answered at least one question "
                f"about how the effort started ({agg.approach_answered} so far)."
            )
    with tabs[4]:
        for p in agg.progress:
            st.progress(
                min(1.0, p.answered_share),
                text=f"{plain(p.title)}: {p.answered_share * 100:.0f}% answered, {p.complete} finished",
            )


live = st.fragment(run_every=REFRESH_SECONDS)(_screen)
frozen = st.fragment(_screen)


def _open_from_address() -> None:
    """Take a key out of the address bar at once; exchange a link key for a screen key."""
    if SECRET_PARAM in st.query_params:
        del st.query_params[SECRET_PARAM]
        st.session_state[OPENING_PROBLEM] = (
            "This address carried the facilitator link, which must never be on the shared "
            "screen: it was not used. Open the shared screen with the button on your "
            "facilitator page instead, and keep the facilitator link private."
        )
    link = st.query_params.get(LINK_PARAM)
    if link is None:
        return
    del st.query_params[LINK_PARAM]
    try:
        st.session_state[SCREEN_KEY] = ws.open_screen(database(), link)
        st.session_state.pop(OPENING_PROBLEM, None)
    except ws.WorkshopError as exc:
        # Back restoring the used link in a screen that is already open is harmless:
        # carry on with the open screen and say nothing.
        if not (_key() and ws.by_presenter(database(), _key())):
            st.session_state[OPENING_PROBLEM] = str(exc)
    except SQLAlchemyError:
        st.session_state[OPENING_PROBLEM] = (
            "The workshop could not be reached: the database did not respond. Open the "
            "shared screen again from your facilitator page."
        )


def page() -> None:
    st.markdown(_CSS, unsafe_allow_html=True)
    _open_from_address()
    token = _key()
    if not token or ws.by_presenter(database(), token) is None:
        st.title("Shared screen")
        problem = st.session_state.get(OPENING_PROBLEM)
        st.error(
            str(problem)
            if problem
            else "Open the shared screen from your facilitator page (Open the shared "
            "screen). Each press makes a single-use link, so the room never sees the "
            "facilitator link; after a reload, open it again from there. To start a "
            "workshop, go to Run a workshop."
        )
        st.page_link(FACILITATE_PAGE, label="Run a workshop")
        return
    (frozen if st.session_state.get(PAUSED) else live)(token)


page()
