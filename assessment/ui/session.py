"""The person's assessment in ``st.session_state``, kept in step with the database.

The resume token in the URL (``?resume=…``) is the only key a person needs. On the first
run for a token the answers are read from the database once; after that every rerun works
on the copy in session state, and every change is written through to the database at
once (:func:`set_answer`), so a refresh, a closed tab or a visit days later loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from assessment.loader import check_value
from assessment.models import Answers, AnswersMeta, Bank
from assessment.store import repository
from assessment.ui.resources import bank, engine

RESUME_PARAM = "resume"
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

SAVE_FAILED_TEXT = (
    "Your last answer could not be saved: the database did not respond. "
    "It is kept in this tab; try again in a moment, or download your answers."
)


# --------------------------------------------------------------------------- reading state


def token() -> str | None:
    value = st.session_state.get(TOKEN)
    return value if isinstance(value, str) else None


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
    b = the_bank or bank()
    return Answers(
        bank=b.info.id,
        bank_version=b.info.version,
        meta=AnswersMeta.model_validate(meta()),
        values=dict(values()),
    )


# --------------------------------------------------------------------------- token ↔ state


def sync() -> None:
    """Bring session state in line with the URL's resume token; call first on every page.

    A new token is loaded from the database (once); a token that is malformed or unknown
    is reported on the page (:data:`TOKEN_PROBLEM`) and nothing else changes. When the
    URL lost the token (switching pages drops query parameters), it is put back.
    """
    wanted = st.query_params.get(RESUME_PARAM)
    current = token()
    if wanted is None:
        if current is not None:
            st.query_params[RESUME_PARAM] = current
        return
    if wanted == current:
        return
    st.session_state.pop(TOKEN_PROBLEM, None)
    if not repository.valid_token(wanted):
        _reject(wanted, "This resume link is not complete: the code in it is not valid.")
        return
    try:
        stored = repository.load(engine(), wanted)
    except SQLAlchemyError:
        _reject(wanted, "Your answers could not be loaded: the database did not respond.")
        return
    if stored is None:
        _reject(
            wanted,
            "No assessment belongs to this resume link. It may have been mistyped, "
            "or the assessment was deleted.",
        )
        return
    _adopt(stored.token, stored.values, stored.meta, stored.targets)


def _reject(wanted: str, message: str) -> None:
    """Keep whatever was open before, and say why the link in the URL was not used."""
    st.session_state[TOKEN_PROBLEM] = message
    del st.query_params[RESUME_PARAM]
    still_open = token()
    if still_open is not None:
        st.query_params[RESUME_PARAM] = still_open


def _adopt(
    new_token: str,
    stored_values: Mapping[str, Any],
    stored_meta: Mapping[str, Any],
    stored_targets: Mapping[str, int],
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
    dims = b.dimension_map
    st.session_state[TARGETS] = {
        k: int(v) for k, v in stored_targets.items() if k in dims and 0 <= int(v) <= 4
    }
    st.session_state[ERRORS] = {}
    st.session_state[SET_ASIDE] = aside
    st.session_state.pop(SECTION, None)
    st.query_params[RESUME_PARAM] = new_token


def _known_meta(stored: Mapping[str, Any]) -> dict[str, Any]:
    fields = AnswersMeta.model_fields
    return {k: v for k, v in stored.items() if k in fields and v not in (None, "")}


def start_new() -> str:
    """Create a new, empty assessment and make it the open one."""
    b = bank()
    new_token = repository.create(engine(), b.info.id, b.info.version)
    _adopt(new_token, {}, {}, {})
    st.session_state.pop(TOKEN_PROBLEM, None)
    return new_token


def ensure_started() -> str:
    """The open assessment's token, creating one for a person who went straight to it."""
    return token() or start_new()


def forget() -> None:
    """Close the open assessment in this tab (it stays in the database)."""
    clear_widgets()
    for key in (TOKEN, VALUES, META, TARGETS, ERRORS, SET_ASIDE, SECTION, TOKEN_PROBLEM):
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
    """
    question = bank().questions[qid]
    checked, problems = check_value(question, raw)
    errs = errors()
    if problems:
        errs[qid] = [message for _, message in problems]
        return False
    errs.pop(qid, None)
    if not _write(lambda t: repository.save_answer(engine(), t, qid, checked)):
        return False
    current = values()
    if checked is None:
        current.pop(qid, None)
    else:
        current[qid] = checked
    return True


def set_meta(new_meta: Mapping[str, Any]) -> None:
    cleaned = _known_meta(new_meta)
    st.session_state[META] = cleaned
    _write(lambda t: repository.save_meta(engine(), t, cleaned))


def set_targets(new_targets: Mapping[str, int]) -> None:
    cleaned = {k: int(v) for k, v in new_targets.items()}
    st.session_state[TARGETS] = cleaned
    _write(lambda t: repository.save_targets(engine(), t, cleaned))


def replace_answers(new: Answers) -> None:
    """Replace every answer and the meta (a confirmed upload), in one transaction."""
    current_token = ensure_started()
    new_meta = _known_meta(new.meta.model_dump(exclude_none=True))
    repository.replace_all(engine(), current_token, new.values, new_meta)
    clear_widgets()
    st.session_state[VALUES] = dict(new.values)
    st.session_state[META] = new_meta
    st.session_state[ERRORS] = {}
    st.session_state[SET_ASIDE] = []
    st.session_state.pop(SECTION, None)


def _write(action: Callable[[str], None]) -> bool:
    """Run a database write; on failure say so on the page. True when it was saved."""
    current_token = ensure_started()
    try:
        action(current_token)
    except repository.AnswerRefusedError as exc:
        # e.g. the participant's workshop was closed: nothing changes, the page says why.
        st.session_state[SAVE_REFUSED] = str(exc)
        clear_widgets()
        return False
    except (SQLAlchemyError, KeyError):
        st.session_state[SAVE_FAILED] = True
        return True  # kept in this tab (see SAVE_FAILED_TEXT)
    st.session_state.pop(SAVE_FAILED, None)
    st.session_state.pop(SAVE_REFUSED, None)
    return True
