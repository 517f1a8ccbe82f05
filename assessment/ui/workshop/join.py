"""Join a workshop by its code (typed, or from the QR code's link), with a name or not.

Joining creates the participant's own assessment; they then answer the same
questionnaire, saved as they go, and can come back with their resume link.

A join code is the only thing between a stranger and a workshop, so every use of one is
limited in the database (see :mod:`assessment.store.joining`): the ``?code=`` in the
address is looked up like a guess (it would otherwise reveal which codes are live and
their titles), once per code and browser tab, and the form's join counts the same way.
"""

from __future__ import annotations

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from assessment.store import workshops as ws
from assessment.store.limits import LimitsError
from assessment.ui import routes
from assessment.ui.resources import database
from assessment.ui.text import plain
from assessment.ui.workshop import links

ASSESSMENT_PAGE = routes.ASSESSMENT
LOOKUP = "join_lookup"
MISCONFIGURED = "Joining is not configured correctly; tell whoever runs this app:"
DB_DOWN = "The workshop could not be reached: the database did not respond. Try again."


def _preview(code: str) -> None:
    """The title of the workshop in ``?code=``, looked up once per code in this tab."""
    cached = st.session_state.get(LOOKUP)
    if not (isinstance(cached, tuple) and cached[0] == code):
        try:
            found = ws.lookup(database(), code, links.client_key())
            cached = (code, (found.title, found.open, found.locked), "")
        except ws.WorkshopError as exc:
            cached = (code, None, str(exc))
        except LimitsError as exc:
            cached = (code, None, f"{MISCONFIGURED} {exc}")
        except SQLAlchemyError:
            st.error(DB_DOWN)
            return
        st.session_state[LOOKUP] = cached
    _, info, problem = cached
    if info is None:
        st.warning(problem)
        return
    title, is_open, locked = info
    st.write(f"You are joining **{plain(title)}**.")
    if not is_open:
        st.warning(ws.CLOSED)
    elif locked:
        st.warning(ws.LOCKED)


def page() -> None:
    st.title("Join a workshop")
    code_param = st.query_params.get("code", "")
    if code_param:
        _preview(code_param[:32])
    st.write(
        "Your answers are yours: the shared screen shows only counts and spreads for the "
        "whole room, never one person's answers."
    )
    with st.form("join_form"):
        code = st.text_input(
            "Join code (6 characters, shown on the shared screen)",
            value=ws.normalise_code(code_param)[:6] if code_param else "",
            max_chars=12,
            key="join_code",
        )
        name = st.text_input(
            "Your name (optional: leave it empty to take part anonymously)",
            max_chars=80,
            key="join_name",
        )
        submitted = st.form_submit_button("Join", type="primary")
    if not submitted:
        return
    try:
        token = ws.join(database(), code, name or None, links.client_key())
    except ws.WorkshopError as exc:
        st.error(str(exc))
        return
    except LimitsError as exc:
        st.error(f"{MISCONFIGURED} {exc}")
        return
    except SQLAlchemyError:
        st.error(DB_DOWN)
        return
    st.session_state["workshop_participant"] = token
    st.switch_page(ASSESSMENT_PAGE, query_params={"resume": token})


page()
