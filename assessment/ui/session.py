"""The person's assessment in ``st.session_state``, kept in step with the database.

The resume token in the URL (``?resume=…``) is the only key a person needs. On the first
run for a token the answers are read from the database once; after that every rerun works
on the copy in session state, and every change is written through to the database at
once (:func:`set_answer`), so a refresh, a closed tab or a visit days later loses nothing.

Two tabs on one resume link each have their own copy. Multi-choice and RACI answers are
therefore saved as *changes* to what is stored now (:func:`change_answer`), never whole
from a possibly stale copy, so one tab cannot erase the other's ticks or cells.

A workshop's **team view** is the one assessment that is not opened by its token: the
team's answers are the workshop's official assessment, and their token would let anyone
who saw it on a projected page read them. The facilitator page opens them in its own tab
(``?team=1`` plus the facilitator secret already in this session); the address then
carries no token, no resume link is shown, and every write goes through the facilitator
secret (:mod:`assessment.store.workshops`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from assessment.i18n import N_
from assessment.loader import check_value
from assessment.models import Answers, AnswersMeta, Bank, Question
from assessment.store import repository
from assessment.store import workshops as ws
from assessment.store.changes import ChangeRefusedError, StaleAnswerError, merge_choices, merge_raci
from assessment.store.hygiene import normalise_newlines, strip_controls, value_problem
from assessment.ui import language
from assessment.ui.language import _
from assessment.ui.resources import bank, database

RESUME_PARAM = "resume"
TEAM_PARAM = "team"
SECTION_PARAM = "section"
WIDGET_PREFIX = "q__"
META_PREFIX = "meta__"
TARGET_PREFIX = "target__"
_PER_ASSESSMENT_PREFIXES = (WIDGET_PREFIX, META_PREFIX, TARGET_PREFIX)

TOKEN = "token"
VALUES = "values"
META = "meta"
TARGETS = "targets"
ERRORS = "errors"
SECTION = "section"
TOKEN_PROBLEM = "token_problem"
SET_ASIDE = "set_aside"
SAVE_FAILED = "save_failed"
SAVE_REFUSED = "save_refused"
TEAM_VIEW = "team_view"
"""Set while the open assessment is a workshop's team answers: the facilitator secret."""
FACILITATOR_SECRET = "workshop_facilitator"
"""The facilitator secret this tab used on the facilitator page (server-side only)."""

# Messages are English msgids, kept as they are in session state and translated where
# they are shown (``_(message)``), so a message still on the page after a change of
# language reads in the new one.
TEAM_READ_ONLY = N_(
    "These are the workshop's team answers: record them on the facilitator page, under "
    "the question on the shared screen (Team answer)."
)
TEAM_FROM_FACILITATOR = N_(
    "The team's results open from the facilitator page (Open the team's results), in "
    "the browser tab that runs the workshop."
)
TEAM_LINK_RETIRED = N_(
    "This link belongs to a workshop's team answers, which are no longer opened by link. "
    "The facilitator opens them from the facilitator page (Open the team's results)."
)
LINK_INCOMPLETE = N_("This resume link is not complete: the code in it is not valid.")
LOAD_FAILED = N_("Your answers could not be loaded: the database did not respond.")
NO_ASSESSMENT = N_(
    "No assessment belongs to this resume link. It may have been mistyped, "
    "or the assessment was deleted."
)
TEAM_LOAD_FAILED = N_("The team's answers could not be loaded: the database did not respond.")

SAVE_FAILED_TEXT = N_(
    "Your last answer could not be saved: the database did not respond. "
    "It is kept in this tab; try again in a moment, or download your answers."
)


# --------------------------------------------------------------------------- reading state


def token() -> str | None:
    value = st.session_state.get(TOKEN)
    return value if isinstance(value, str) else None


def team_view() -> bool:
    """Whether the open assessment is a workshop's team answers (opened by the facilitator)."""
    return bool(st.session_state.get(TEAM_VIEW))


def shareable_token() -> str | None:
    """The token to show as a resume link: none for a team view, whose token stays hidden."""
    return None if team_view() else token()


def values() -> dict[str, Any]:
    """The answers given so far (question id → checked value), never ``None`` values."""
    found = st.session_state.get(VALUES)
    if not isinstance(found, dict):
        found = {}
        st.session_state[VALUES] = found
    return found


def meta() -> dict[str, Any]:
    found = st.session_state.get(META)
    if not isinstance(found, dict):
        found = {}
        st.session_state[META] = found
    return found


def targets() -> dict[str, int]:
    found = st.session_state.get(TARGETS)
    if not isinstance(found, dict):
        found = {}
        st.session_state[TARGETS] = found
    return found


def errors() -> dict[str, list[str]]:
    """Inline messages for answers that could not be accepted, by question id."""
    found = st.session_state.get(ERRORS)
    if not isinstance(found, dict):
        found = {}
        st.session_state[ERRORS] = found
    return found


def answers(the_bank: Bank | None = None) -> Answers:
    """The current answers as the engine's input model."""
    return answers_of(the_bank or bank(), meta(), values())


def answers_of(b: Bank, the_meta: Mapping[str, Any], the_values: Mapping[str, Any]) -> Answers:
    """Answers from the given dictionaries: needs no Streamlit session (any thread)."""
    return Answers(
        bank=b.info.id,
        bank_version=b.info.version,
        meta=AnswersMeta.model_validate(dict(the_meta)),
        values=dict(the_values),
    )


# --------------------------------------------------------------------------- token ↔ state


def sync() -> None:
    """Bring session state in line with the URL's resume token; call first on every page.

    A new token is loaded from the database (once); a token that is malformed or unknown
    is reported on the page (:data:`TOKEN_PROBLEM`) and nothing else changes. When the
    URL lost the token (switching pages drops query parameters), it is put back.
    """
    if TEAM_PARAM in st.query_params:
        del st.query_params[TEAM_PARAM]
        _open_team_view()
        return
    wanted = st.query_params.get(RESUME_PARAM)
    current = token()
    if wanted is None:
        if current is not None and not team_view():
            st.query_params[RESUME_PARAM] = current
        return
    if wanted == current:
        return
    st.session_state.pop(TOKEN_PROBLEM, None)
    if not repository.valid_token(wanted):
        _reject(wanted, LINK_INCOMPLETE)
        return
    try:
        stored = repository.load(database(), wanted)
    except SQLAlchemyError:
        _reject(wanted, LOAD_FAILED)
        return
    if stored is None:
        _reject(wanted, NO_ASSESSMENT)
        return
    if stored.kind == "team":
        _reject(wanted, TEAM_LINK_RETIRED)
        return
    _adopt(stored.token, stored.values, stored.meta, stored.targets)


def _reject(wanted: str, message: str) -> None:
    """Keep whatever was open before, and say why the link in the URL was not used.

    ``message`` is an English msgid, translated where it is shown (assessment.ui.notices).
    """
    st.session_state[TOKEN_PROBLEM] = message
    if RESUME_PARAM in st.query_params:
        del st.query_params[RESUME_PARAM]
    still_open = token()
    if still_open is not None and not team_view():
        st.query_params[RESUME_PARAM] = still_open


def _open_team_view() -> None:
    """Open the team's answers of the workshop this tab facilitates (see module doc)."""
    secret = st.session_state.get(FACILITATOR_SECRET)
    try:
        team_token = ws.team_token_for(database(), str(secret or ""))
        stored = repository.load(database(), team_token)
    except ws.WorkshopError:
        stored = None
    except SQLAlchemyError:
        _reject("", TEAM_LOAD_FAILED)
        return
    if stored is None:
        _reject("", TEAM_FROM_FACILITATOR)
        return
    _adopt(stored.token, stored.values, stored.meta, stored.targets, in_url=False)
    st.session_state[TEAM_VIEW] = str(secret)
    st.session_state.pop(TOKEN_PROBLEM, None)


def _adopt(
    new_token: str,
    stored_values: Mapping[str, Any],
    stored_meta: Mapping[str, Any],
    stored_targets: Mapping[str, int],
    *,
    in_url: bool = True,
) -> None:
    """Make ``new_token`` the open assessment; answers that no longer fit are set aside."""
    b = bank()
    accepted: dict[str, Any] = {}
    aside: list[str] = []
    for qid, raw in stored_values.items():
        question = b.questions.get(qid)
        if question is None:
            aside.append(qid)
            continue
        checked, problems = check_value(question, raw)
        if problems:
            aside.append(qid)
        elif checked is not None:
            accepted[qid] = checked
    clear_widgets()
    st.session_state[TOKEN] = new_token
    st.session_state[VALUES] = accepted
    st.session_state[META] = _known_meta(stored_meta)
    language.adopt_saved(stored_meta.get("language"))
    dims = b.dimension_map
    st.session_state[TARGETS] = {
        k: int(v) for k, v in stored_targets.items() if k in dims and 0 <= int(v) <= 4
    }
    st.session_state[ERRORS] = {}
    st.session_state[SET_ASIDE] = aside
    st.session_state.pop(SECTION, None)
    st.session_state.pop(TEAM_VIEW, None)
    if in_url:
        st.query_params[RESUME_PARAM] = new_token
    elif RESUME_PARAM in st.query_params:
        del st.query_params[RESUME_PARAM]


def _known_meta(stored: Mapping[str, Any]) -> dict[str, Any]:
    fields = AnswersMeta.model_fields
    return {k: v for k, v in stored.items() if k in fields and v not in (None, "")}


def start_new() -> str:
    """Create a new, empty assessment and make it the open one."""
    b = bank()
    new_token = repository.create(database(), b.info.id, b.info.version)
    _adopt(new_token, {}, {}, {})
    save_language(language.current())
    st.session_state.pop(TOKEN_PROBLEM, None)
    return new_token


def ensure_started() -> str:
    """The open assessment's token, creating one for a person who went straight to it."""
    return token() or start_new()


def forget() -> None:
    """Close the open assessment in this tab (it stays in the database)."""
    clear_widgets()
    for key in (TOKEN, VALUES, META, TARGETS, ERRORS, SET_ASIDE, SECTION, TOKEN_PROBLEM, TEAM_VIEW):
        st.session_state.pop(key, None)
    st.query_params.clear()


def clear_widgets() -> None:
    """Drop the widget state of the open assessment so widgets show the stored values."""
    for key in list(st.session_state.keys()):
        if str(key).startswith(_PER_ASSESSMENT_PREFIXES):
            del st.session_state[key]


# --------------------------------------------------------------------------- writing


def set_answer(qid: str, raw: Any) -> bool:
    """Check one answer and save it at once; an unacceptable answer becomes a message.

    Returns True when the answer was accepted (``None`` clears it). Nothing is written
    when the answer cannot be accepted, so the stored answer stays the last good one.
    Text is checked for control characters first (NUL and the like are refused, on every
    database, with a message under the question).
    """
    question = bank().questions[qid]
    if isinstance(raw, str):
        raw = normalise_newlines(raw)
    errs = errors()
    problem = _refusal(raw)
    if problem:
        errs[qid] = [problem]
        return False
    checked, problems = check_value(question, raw, language.current())
    if problems:
        errs[qid] = [message for __, message in problems]
        return False
    errs.pop(qid, None)
    if not _write(lambda t: repository.save_answer(database(), t, qid, checked), qid):
        return False
    _remember(qid, checked)
    return True


def change_answer(qid: str, desired: Any) -> bool:
    """Save a multi-choice or RACI answer as the change this tab made to it.

    ``desired`` is what this tab's widgets now show; the options or cells that differ
    from this tab's copy are applied to the answer stored now (see
    :mod:`assessment.store.changes`), so another tab's ticks survive. When the merged
    answer differs from what this tab shows, the question's widgets are redrawn from it.
    """
    question = bank().questions[qid]
    base = values().get(qid)
    errs = errors()
    if team_view():
        errs[qid] = [TEAM_READ_ONLY]
        return False

    tr = language.tr()

    def change(current: Any) -> Any:
        merged = _merge(question, base, desired, _usable(question, current))
        checked, problems = check_value(question, merged, tr.language)
        if problems:
            raise ChangeRefusedError(tr.join((message for __, message in problems), "parts"))
        return checked

    saved: list[Any] = []
    try:
        ok = _write(
            lambda t: saved.append(repository.modify_answer(database(), t, qid, change)), qid
        )
    except StaleAnswerError as exc:
        errs[qid] = [str(exc)]
        _remember(qid, _usable(question, exc.current))
        _redraw(qid)
        return False
    except ChangeRefusedError as exc:
        errs[qid] = [str(exc)]
        return False
    if not ok:
        return False
    errs.pop(qid, None)
    if not saved:  # the database did not respond: keep this tab's answer (SAVE_FAILED)
        _remember(qid, desired)
        return True
    _remember(qid, saved[0])
    if saved[0] != desired:
        _redraw(qid)
    return True


def _merge(question: Question, base: Any, desired: Any, current: Any) -> Any:
    if question.type == "raci":
        return merge_raci(base, desired, current)
    return merge_choices(base, desired, current, [o.id for o in question.options])


def _usable(question: Question, value: Any) -> Any:
    """A stored value as the page would use it (one that no longer fits counts as none)."""
    checked, problems = check_value(question, value)
    return None if problems else checked


def _remember(qid: str, value: Any) -> None:
    current = values()
    if value is None:
        current.pop(qid, None)
    else:
        current[qid] = value


def _redraw(qid: str) -> None:
    """Drop a question's widget state so its widgets show the stored answer again."""
    prefix = WIDGET_PREFIX + qid
    for name in list(st.session_state.keys()):
        if name == prefix or str(name).startswith(prefix + "__"):
            del st.session_state[name]


def _refusal(value: Any) -> str | None:
    lang = language.current()
    problem = value_problem(value, N_("The text"), lang)
    if problem:
        # Shown as "Not saved: …." under the question: no trailing full stop here.
        if lang == "en":
            problem = problem[0].lower() + problem[1:]
        return problem.rstrip(".。")
    return None


def save_language(lang: str) -> None:
    """Keep the language chosen with the switch in the open answers' ``meta.language``.

    Only when answers are open (nothing is created for it); the answers stay ids, so the
    choice changes only the language results and reports are written in by default.
    """
    if token() is None or meta().get("language") == lang:
        return
    set_meta({**meta(), "language": lang})


def set_meta(new_meta: Mapping[str, Any]) -> None:
    """Save the report-cover details; text with control characters is refused."""
    cleaned = _known_meta(new_meta)
    problem = value_problem(cleaned, N_("A detail for the report's cover"), language.current())
    if problem:
        st.session_state[SAVE_REFUSED] = problem
        return
    st.session_state[META] = cleaned
    secret = st.session_state.get(TEAM_VIEW)
    if secret:
        _write_team(lambda: ws.save_team_meta(database(), str(secret), cleaned))
        return
    _write(lambda t: repository.save_meta(database(), t, cleaned))


def set_targets(new_targets: Mapping[str, int]) -> None:
    """Save target levels as changes, so another tab's targets for other dimensions stay."""
    old = targets()
    cleaned = {k: int(v) for k, v in new_targets.items()}
    changes: dict[str, int | None] = {k: v for k, v in cleaned.items() if old.get(k) != v}
    changes.update({k: None for k in old if k not in cleaned})
    st.session_state[TARGETS] = cleaned
    if not changes:
        return
    stored: list[dict[str, int]] = []
    secret = st.session_state.get(TEAM_VIEW)
    if secret:
        _write_team(lambda: stored.append(ws.update_team_targets(database(), str(secret), changes)))
    else:
        _write(lambda t: stored.append(repository.update_targets(database(), t, changes)))
    if stored:
        dims = bank().dimension_map
        st.session_state[TARGETS] = {
            k: v for k, v in stored[0].items() if k in dims and 0 <= v <= 4
        }


def replace_answers(new: Answers) -> bool:
    """Replace every answer and the meta (a confirmed upload), in one transaction.

    Control characters in the file's text (NUL and the like, which the database must not
    take) are removed, and the page says so. Returns False, with the reason in
    :data:`SAVE_REFUSED`, when nothing was replaced (a team view, a closed workshop).
    """
    if team_view():
        st.session_state[SAVE_REFUSED] = TEAM_READ_ONLY
        return False
    current_token = ensure_started()
    new_values, removed = strip_controls(dict(new.values))
    new_meta, removed_meta = strip_controls(_known_meta(new.meta.model_dump(exclude_none=True)))
    try:
        repository.replace_all(database(), current_token, new_values, new_meta)
    except repository.AnswerRefusedError as exc:
        st.session_state[SAVE_REFUSED] = str(exc)
        return False
    clear_widgets()
    st.session_state[VALUES] = dict(new_values)
    st.session_state[META] = new_meta
    st.session_state[ERRORS] = {}
    st.session_state[SET_ASIDE] = []
    st.session_state.pop(SECTION, None)
    st.session_state.pop(SAVE_REFUSED, None)
    if removed or removed_meta:
        st.session_state[SAVE_REFUSED] = _(
            "Invisible control characters (such as {character}) were removed "
            "from the file's text before it was saved: they cannot be stored."
        ).format(character=removed or removed_meta)
    return True


def _write(action: Callable[[str], None], qid: str | None = None) -> bool:
    """Run a database write; on failure say so on the page. True when it was saved.

    A refused answer (question ``qid``) is said under its question, where the person is
    looking, and that question's widgets show the stored answer again; other refusals
    are said at the top of the page. A team view never writes by token: its writes go
    through :func:`_write_team`.
    """
    if team_view():
        _refused(TEAM_READ_ONLY, qid)
        return False
    current_token = ensure_started()
    try:
        action(current_token)
    except repository.AnswerRefusedError as exc:
        # e.g. the participant's workshop was closed: nothing changes, the page says why.
        _refused(str(exc), qid)
        return False
    except (SQLAlchemyError, KeyError):
        st.session_state[SAVE_FAILED] = True
        return True  # kept in this tab (see SAVE_FAILED_TEXT)
    st.session_state.pop(SAVE_FAILED, None)
    st.session_state.pop(SAVE_REFUSED, None)
    return True


def _refused(message: str, qid: str | None) -> None:
    if qid is None:
        st.session_state[SAVE_REFUSED] = message
        clear_widgets()
    else:
        errors()[qid] = [message]
        _redraw(qid)


def _write_team(action: Callable[[], object]) -> bool:
    """A write to the team's answers, authorised by the facilitator secret in this tab."""
    try:
        action()
    except ws.WorkshopError as exc:
        st.session_state[SAVE_REFUSED] = str(exc)
        return False
    except SQLAlchemyError:
        st.session_state[SAVE_FAILED] = True
        return False
    st.session_state.pop(SAVE_FAILED, None)
    st.session_state.pop(SAVE_REFUSED, None)
    return True
