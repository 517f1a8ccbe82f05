"""The shared screen: made for a projector, display only, driven from the facilitator page.

Nothing on this page can be clicked: no app navigation (``app.py`` hides it here), no
controls. What it shows — the view (join, question, room profile, disagreements,
approach, progress), the current question, which answers are revealed, whether the
numbers are frozen, room mode, the screen's language — is the workshop's state in the
database, set on the facilitator page (the remote, on a laptop or a phone). A fragment reads it every
:data:`REFRESH_SECONDS`, so the screen follows within two seconds, any replica can serve
it, and a reload shows the same view. Answers stay hidden until revealed, and below the
anonymity threshold no distribution is shown.

The screen has no language switch: it speaks the language the facilitator chose for it
(``Workshop.screen_language``), whatever the projector's browser prefers, and every word
— its own, the bank's, the charts' — goes through that language's translator explicitly
(``translator(lang)``, ``localize(text, lang)``), never the session's ``_``. Only the page
shown before a screen is open (a dead link) is in this browser's language.

The projector's browser never holds the facilitator secret. It opens ``present?k=KEY``
with a single-use link key from the facilitator page, which this page exchanges at once
for a screen key kept in this session (server-side) and removes from the address bar.
The screen key is also kept in a session cookie of this browser (never in the address or
its history, never shown), so a reload in the same browser reopens the screen; Back brings
back only a used key (dead). An address with the secret itself (``?f=``) is refused, so a
habit from older versions cannot put it on the wall either.

Type is large for the back of the room: every text is at least 24 px at 1920×1080
(styles below, plotly sizes in :mod:`figures`). The styles are static: no user text ever
goes into HTML here; titles and questions are escaped Markdown.
"""

from __future__ import annotations

from typing import Any

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from assessment.i18n import N_, Translator, translator
from assessment.models import Bank, Question, localize
from assessment.scoring import answer_text
from assessment.store import workshops as ws
from assessment.ui.language import _, mark_document, tr
from assessment.ui.resources import bank, database
from assessment.ui.routes import JOIN_PATH
from assessment.ui.text import plain
from assessment.ui.workshop import figures, links, state
from assessment.workshop import Aggregate, OptionCount, QuestionSpread

REFRESH_SECONDS = 1.5
LINK_PARAM = "k"
SECRET_PARAM = "f"
SCREEN_KEY = "present_screen_key"
OPENING_PROBLEM = "present_problem"
COOKIE = "assess_screen"
COOKIE_PENDING = "present_cookie_pending"
SNAPSHOT = "present_frozen"
QR_CACHE = "present_qr"
DISAGREEMENTS_SHOWN = 5

# Static styling only (no user text). The root size makes every rem-sized text of the page
# at least 24 px (captions are 0.875 rem); headings, the join code and the chrome follow.
_CSS = """
<style>
html { font-size: 28px !important; }
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stStatusWidget"], [data-testid="stElementToolbar"] { display: none !important; }
[data-testid="stMainBlockContainer"] { max-width: none; padding: 1rem 2rem 1rem 2rem; }
[data-testid="stMainBlockContainer"] h1 { font-size: 2rem; padding: 0 0 0.2rem 0; }
[data-testid="stMainBlockContainer"] h2 { font-size: 1.5rem; padding: 0.2rem 0; }
[data-testid="stMainBlockContainer"] h3 { font-size: 1.2rem; }
.st-key-screen_code code, .st-key-lobby_code code {
  font-weight: 700; color: #0f172a; background: none; letter-spacing: 0.08em; padding: 0;
}
.st-key-screen_code code { font-size: min(2.2rem, 2.5vw); white-space: nowrap; }
.st-key-lobby_code code { font-size: 5rem; }
.st-key-screen_code p, .st-key-lobby_code p { line-height: 1.15; margin: 0; }
.st-key-screen_title p { font-size: 1.1rem; margin: 0; }
[data-testid="stMainBlockContainer"] [data-testid="stCaptionContainer"] { color: #374151; }
/* Drawn for 1920×1080; on a smaller display the type steps down with the screen. */
@media (max-width: 1500px), (max-height: 860px) { html { font-size: 22px !important; } }
</style>
"""

_NO_SCREEN = N_(
    "Open the shared screen from your facilitator page (Open the shared screen). Each "
    "press makes a single-use link, so the room never sees the facilitator link."
)


def _spread_words(tr: Translator, value: float | None) -> str:
    if value is None:
        return tr.gettext("not enough answers yet")
    amount = tr.number(value, 2)
    if value >= 0.6:
        return tr.gettext("strong disagreement ({value})").format(value=amount)
    if value >= 0.3:
        return tr.gettext("some disagreement ({value})").format(value=amount)
    return tr.gettext("broad agreement ({value})").format(value=amount)


def _key() -> str:
    """This screen's key (server-side session state; never in the page or its address)."""
    return str(st.session_state.get(SCREEN_KEY) or "")


def _chart(fig: Any, key: str) -> None:
    st.plotly_chart(fig, key=key, config=figures.CONFIG, theme=None, width="stretch")


def _share(tr: Translator, agg: Aggregate) -> str:
    """How much of the questionnaire the room answered on average, as a percentage."""
    total = sum(p.questions for p in agg.progress)
    share = sum(p.answered_share * p.questions for p in agg.progress) / total if total else 0
    return tr.percent(min(1.0, share))


# --------------------------------------------------------------------------- header


def _qr(join: str) -> bytes:
    """The join address as a QR code, made once per address for this screen."""
    cached = st.session_state.get(QR_CACHE)
    if isinstance(cached, tuple) and cached[0] == join:
        image: bytes = cached[1]
        return image
    image = links.qr_png(join, scale=12)
    st.session_state[QR_CACHE] = (join, image)
    return image


def _join_address() -> str:
    """Where to type the code, as people read it off the wall (no ``https://``)."""
    return links.page_url(JOIN_PATH).split("://", 1)[-1]


def _join_link(workshop: ws.Workshop) -> str:
    """The QR code's address: the join page with the code, in the screen's language (each
    phone can switch to its own)."""
    return links.join_url(workshop.code, workshop.screen_language)


def _status(tr: Translator, workshop: ws.Workshop, agg: Aggregate) -> str:
    parts = [
        tr.ngettext("{n} person joined", "{n} people joined", agg.participants).format(
            n=tr.number(agg.participants)
        )
    ]
    if not workshop.open:
        parts.append(tr.gettext("workshop closed"))
    elif workshop.locked:
        parts.append(tr.gettext("room locked"))
    if workshop.frozen:
        parts.append(":material/pause_circle: " + tr.gettext("numbers frozen"))
    return " · ".join(parts)


def _title(tr: Translator, workshop: ws.Workshop, agg: Aggregate) -> None:
    """One line above every view: whose workshop, who joined, whether it is frozen."""
    with st.container(key="screen_title"):
        st.markdown(f"**{plain(workshop.title)}** · {_status(tr, workshop, agg)}")


def _rail(tr: Translator, workshop: ws.Workshop) -> None:
    """The join code and QR code beside every view while people can still join."""
    join = _join_link(workshop)
    with st.container(key="screen_code"):
        st.markdown(tr.gettext("Join at  \n**{address}**").format(address=plain(_join_address())))
        st.markdown(f"`{workshop.code[:3]} {workshop.code[3:]}`")
    st.image(
        _qr(join),
        width="stretch",
        alt=tr.gettext("QR code that opens {address}").format(address=join),
    )


# --------------------------------------------------------------------------- views


def _lobby(tr: Translator, workshop: ws.Workshop, agg: Aggregate, joining: bool) -> None:
    st.title(plain(workshop.title), anchor=False)
    if joining:
        join = _join_link(workshop)
        left, right = st.columns([3, 2], vertical_alignment="center", gap="large")
        with left:
            st.header(tr.gettext("Join on your phone or laptop"), anchor=False)
            st.markdown(
                tr.gettext("Scan the QR code, or go to **{address}** and type:").format(
                    address=plain(_join_address())
                )
            )
            with st.container(key="lobby_code"):
                st.markdown(f"`{workshop.code[:3]} {workshop.code[3:]}`")
            st.markdown(f"**{_status(tr, workshop, agg)}**")
        with right:
            st.image(
                _qr(join),
                width=520,
                alt=tr.gettext("QR code that opens {address}").format(address=join),
            )
    else:
        st.header(
            tr.gettext("The workshop is closed: no new answers.")
            if not workshop.open
            else tr.gettext("The room is locked: nobody new can join."),
            anchor=False,
        )
        st.markdown(f"**{_status(tr, workshop, agg)}**")
    if agg.participants:
        st.markdown(
            tr.gettext("On average {share} of the questions are answered so far.").format(
                share=_share(tr, agg)
            )
        )


def _numbers_line(tr: Translator, q: Question, spread: QuestionSpread) -> str:
    unit = plain(localize(q.unit, tr.language)) if q.unit else ""
    low, high = spread.low or 0.0, spread.high or 0.0
    line = tr.gettext("Median **{median}** · range {low} to {high}").format(
        median=figures.number(tr, spread.median or 0.0),
        low=figures.number(tr, low),
        high=figures.number(tr, high),
    )
    return f"{line} {unit}" if unit else line


def _answers_line(tr: Translator, q: Question, spread: QuestionSpread, revealed: bool) -> str:
    """How many answered and, once revealed, how much the room agrees (one line)."""
    parts = [
        tr.ngettext("{n} person answered", "{n} people answered", spread.responses).format(
            n=tr.number(spread.responses)
        )
    ]
    if spread.unknown:  # None below the anonymity threshold
        parts.append(tr.gettext("{n} don't know").format(n=tr.number(spread.unknown)))
    if revealed and spread.values and spread.median is not None:
        parts.append(_numbers_line(tr, q, spread))
    elif revealed and spread.disagreement is not None:
        parts.append(_spread_words(tr, spread.disagreement))
    return " · ".join(parts)


def _shown_once(tr: Translator, workshop: ws.Workshop) -> str:
    return tr.ngettext(
        "Shown once at least {n} person has answered (anonymity threshold).",
        "Shown once at least {n} people have answered (anonymity threshold).",
        workshop.threshold,
    ).format(n=tr.number(workshop.threshold))


def _revealed_answers(
    tr: Translator, workshop: ws.Workshop, q: Question, spread: QuestionSpread
) -> None:
    if spread.counts:
        _chart(figures.counts_bars(tr, spread.counts), f"screen_counts_{q.id}")
    elif spread.values and spread.median is not None:
        unit = localize(q.unit, tr.language) if q.unit else ""
        _chart(
            figures.number_dots(
                tr, spread.values, spread.median, spread.low or 0.0, spread.high or 0.0, unit
            ),
            f"screen_numbers_{q.id}",
        )
    elif q.type == "text":
        st.markdown(
            tr.gettext(
                "Free-text answers are never shown on the shared screen (they are in the "
                "facilitator's export)."
            )
        )
    elif spread.disagreement is None:
        st.info(_shown_once(tr, workshop), icon=":material/visibility_off:")


def _question(tr: Translator, workshop: ws.Workshop, b: Bank, agg: Aggregate) -> None:
    lang = tr.language
    where = state.position(b, workshop)
    q = where.question
    spread = agg.questions[q.id]
    revealed = q.id in workshop.revealed
    with st.container(key=f"screen_q_{q.id}"):
        st.caption(
            tr.gettext("{section} · question {number} of {total}").format(
                section=plain(localize(where.section.title, lang)),
                number=tr.number(where.number),
                total=tr.number(where.of),
            )
        )
        st.header(plain(localize(q.text, lang)), anchor=False)
        st.markdown(_answers_line(tr, q, spread, revealed))
        if workshop.mode == "room" and q.options:
            hands = ws.hand_counts(database(), workshop.id).get(q.id, {})
            if any(hands.values()):
                st.markdown("**" + tr.gettext("Show of hands") + "**")
                counts = [
                    OptionCount(o.id, localize(o.label, lang), hands.get(o.id, 0))
                    for o in q.options
                ]
                _chart(figures.counts_bars(tr, counts), f"screen_hands_{q.id}")
        if revealed:
            _revealed_answers(tr, workshop, q, spread)
        else:
            st.markdown(
                "*" + tr.gettext("Answers are hidden until the facilitator reveals them.") + "*"
            )
        agreed = ws.team_values(database(), _key()).get(q.id)
        if agreed is not None:
            st.success(
                tr.gettext("Team answer: {answer}").format(
                    answer=plain(answer_text(q, agreed, lang))
                ),
                icon=":material/handshake:",
            )


def _profile(tr: Translator, workshop: ws.Workshop, agg: Aggregate, group: str) -> None:
    title = tr.gettext(state.GROUP_TITLES[group])
    st.header(tr.gettext("Room profile: {title}").format(title=title), anchor=False)
    dims = [d for d in agg.dimensions if d.group == group]
    fig = figures.room_radar(tr, dims)
    if fig is None:
        st.info(
            tr.ngettext(
                "{title} appears once at least {n} person has answered its questions.",
                "{title} appears once at least {n} people have answered its questions.",
                workshop.threshold,
            ).format(title=title, n=tr.number(workshop.threshold)),
            icon=":material/hourglass_top:",
        )
        return
    _chart(fig, f"screen_radar_{group}")
    missing = [plain(d.title) for d in dims if d.median is None]
    if missing:
        st.markdown(
            tr.ngettext(
                "Too few answers yet (fewer than {n} person): {dimensions}.",
                "Too few answers yet (fewer than {n} people): {dimensions}.",
                workshop.threshold,
            ).format(n=tr.number(workshop.threshold), dimensions=tr.join(missing))
        )
    st.caption(
        tr.gettext(
            "Scores from 0 to 100: 25 ad hoc, 50 repeatable, 75 automated, 100 continuously "
            "improved. The band is the middle half of the room."
        )
    )


def _disagree(tr: Translator, agg: Aggregate) -> None:
    st.header(tr.gettext("Where we disagree"), anchor=False)
    ranked = agg.disagreements(limit=DISAGREEMENTS_SHOWN)
    if not ranked:
        st.info(
            tr.gettext("Not enough answers yet to see where the room disagrees."),
            icon=":material/hourglass_top:",
        )
        return
    lines = []
    for i, spread in enumerate(ranked, start=1):
        words = _spread_words(tr, spread.disagreement)
        answers = tr.ngettext("{n} answer", "{n} answers", spread.answered).format(
            n=tr.number(spread.answered)
        )
        lines.append(f"{i}. **{plain(spread.text)}**  \n{words[:1].upper()}{words[1:]} · {answers}")
    st.markdown("\n".join(lines))


def _approach(tr: Translator, workshop: ws.Workshop, agg: Aggregate) -> None:
    st.header(tr.gettext("How did the MLOps effort start?"), anchor=False)
    if not agg.approaches:
        st.info(
            tr.ngettext(
                "Shown once {n} person has answered at least one question about how the "
                "effort started ({so_far} so far).",
                "Shown once {n} people have answered at least one question about how the "
                "effort started ({so_far} so far).",
                workshop.threshold,
            ).format(n=tr.number(workshop.threshold), so_far=tr.number(agg.approach_answered)),
            icon=":material/hourglass_top:",
        )
        return
    _chart(figures.approach_bars(tr, agg.approaches), "screen_approach")
    st.caption(
        tr.ngettext(
            "Counts the {n} person who answered at least one question about how the effort "
            "started.",
            "Counts the {n} people who answered at least one question about how the effort "
            "started.",
            agg.approach_answered,
        ).format(n=tr.number(agg.approach_answered))
    )


def _progress(tr: Translator, agg: Aggregate) -> None:
    st.header(tr.gettext("Progress"), anchor=False)
    columns = st.columns(2, gap="large")
    half = (len(agg.progress) + 1) // 2
    for i, p in enumerate(agg.progress):
        columns[0 if i < half else 1].progress(
            min(1.0, p.answered_share),
            text=tr.gettext("{section}: {share} · {n} done").format(
                section=plain(p.title),
                share=tr.percent(min(1.0, p.answered_share)),
                n=tr.number(p.complete),
            ),
        )


# --------------------------------------------------------------------------- the screen


def _aggregate(b: Bank, workshop: ws.Workshop) -> Aggregate:
    """The room's numbers, worded in the screen's language: live, or as they were when the
    facilitator froze the screen (the frozen numbers follow a change of language too)."""
    snapshot = st.session_state.get(SNAPSHOT)
    if workshop.frozen and isinstance(snapshot, tuple) and snapshot[0] == workshop.id:
        frozen: Aggregate = snapshot[1]
        return state.worded(b, frozen, workshop.screen_language)
    agg = state.room(b, workshop, workshop.screen_language)
    if workshop.frozen:
        st.session_state[SNAPSHOT] = (workshop.id, agg)
    else:
        st.session_state.pop(SNAPSHOT, None)
    return agg


def _remember_in_browser() -> None:
    """Keep the screen key in a session cookie of this browser, so a reload reopens it.

    The key is random (URL-safe characters only, never user text). The script is sent in
    the first few refreshes only, so it is not left in the page.
    """
    pending = st.session_state.get(COOKIE_PENDING)
    if not isinstance(pending, tuple):
        return
    key, left = pending
    if not isinstance(key, str) or not key.replace("-", "").replace("_", "").isalnum():
        st.session_state.pop(COOKIE_PENDING, None)
        return
    st.html(
        "<script>document.cookie = '"
        + COOKIE
        + "=' + '"
        + key
        + "' + '; path=/; SameSite=Strict' + "
        + "(location.protocol === 'https:' ? '; Secure' : '');</script>",
        unsafe_allow_javascript=True,
    )
    if left > 1:
        st.session_state[COOKIE_PENDING] = (key, left - 1)
    else:
        st.session_state.pop(COOKIE_PENDING, None)


@st.fragment(run_every=REFRESH_SECONDS)
def _screen() -> None:
    """Everything on the shared screen, redrawn from the database every refresh."""
    _remember_in_browser()
    try:
        workshop = ws.by_presenter(database(), _key())
    except SQLAlchemyError:
        st.warning(_("Waiting for the database…"), icon=":material/sync:")
        return
    if workshop is None:
        st.error(
            _(
                "This shared screen has expired or its workshop no longer exists. Open it "
                "again from your facilitator page."
            )
        )
        return
    # The screen speaks the language the facilitator chose for it (not this browser's):
    # read again on every refresh, so a change on the remote shows within seconds.
    tr = translator(workshop.screen_language)
    mark_document(tr.language)
    b = bank()
    agg = _aggregate(b, workshop)
    joining = state.joining_open(workshop)
    view = workshop.screen_view
    with st.container(key=f"screen_lang_{tr.language}"):
        if view == "lobby":
            _lobby(tr, workshop, agg, joining)
            return
        if joining:
            main, rail = st.columns([4, 1], gap="large")
            with rail:
                _rail(tr, workshop)
        else:
            main = st.container()
        with main:
            _title(tr, workshop, agg)
            if view == "question":
                _question(tr, workshop, b, agg)
            elif view in state.GROUP_TITLES:
                _profile(tr, workshop, agg, view)
            elif view == "disagree":
                _disagree(tr, agg)
            elif view == "approach":
                _approach(tr, workshop, agg)
            else:
                _progress(tr, agg)


def _open_from_address() -> None:
    """Take a key out of the address bar at once; exchange a link key for a screen key."""
    if SECRET_PARAM in st.query_params:
        del st.query_params[SECRET_PARAM]
        st.session_state[OPENING_PROBLEM] = _(
            "This address carried the facilitator link, which must never be on the shared "
            "screen: it was not used. Open the shared screen with the button on your "
            "facilitator page instead, and keep the facilitator link private."
        )
    link = st.query_params.get(LINK_PARAM)
    if link is None:
        return
    del st.query_params[LINK_PARAM]
    try:
        screen = ws.open_screen(database(), link)
        st.session_state[SCREEN_KEY] = screen
        st.session_state[COOKIE_PENDING] = (screen, 3)
        st.session_state.pop(OPENING_PROBLEM, None)
    except ws.WorkshopError as exc:
        # Back restoring the used link in a screen that is already open is harmless:
        # carry on with the open screen and say nothing.
        if not (_key() and ws.by_presenter(database(), _key())):
            st.session_state[OPENING_PROBLEM] = exc.say(tr())
    except SQLAlchemyError:
        st.session_state[OPENING_PROBLEM] = _(
            "The workshop could not be reached: the database did not respond. Open the "
            "shared screen again from your facilitator page."
        )


def _open_from_cookie() -> None:
    """After a reload: the screen key this browser kept, if it still opens a screen."""
    if _key():
        return
    kept = st.context.cookies.get(COOKIE)
    if isinstance(kept, str) and kept and ws.by_presenter(database(), kept) is not None:
        st.session_state[SCREEN_KEY] = kept


def page() -> None:
    # Until a screen is open, this browser's language (``?lang=``, then the browser's);
    # once open, the screen's own (see _screen).
    st.set_page_config(page_title=_("Shared screen"), layout="wide")
    st.html(_CSS)
    _open_from_cookie()
    _open_from_address()
    token = _key()
    workshop = ws.by_presenter(database(), token) if token else None
    if workshop is None:
        st.title(_("Shared screen"), anchor=False)
        problem = st.session_state.get(OPENING_PROBLEM)
        st.error(str(problem) if problem else _(_NO_SCREEN))
        return
    st.set_page_config(page_title=translator(workshop.screen_language).gettext("Shared screen"))
    _screen()


page()
