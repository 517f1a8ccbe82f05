"""Join a workshop by its code (typed, or from the QR code's link), with a name or not.

Joining creates the participant's own assessment; they then answer the same
questionnaire, saved as they go, and can come back with their resume link.

Each participant reads the app in their own language: the QR code's link carries the
facilitator's (``?lang=``) as a first choice, the switch at the top of the page changes
it, and the language they join in is saved with their answers (``meta.language``), so
their resume link opens in it too. Answers are ids, so the room's counts are the same
whatever language each person answers in.

A join code is the only thing between a stranger and a workshop, so every use of one is
limited in the database (see :mod:`assessment.store.joining`): the ``?code=`` in the
address is looked up like a guess (it would otherwise reveal which codes are live and
their titles), once per code and browser tab, and the form's join counts the same way.
"""

from __future__ import annotations

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from assessment.i18n import N_
from assessment.store import workshops as ws
from assessment.store.limits import LimitsError
from assessment.ui import routes
from assessment.ui.language import LANG_PARAM, _, current, tr
from assessment.ui.resources import database
from assessment.ui.text import plain
from assessment.ui.workshop import links

ASSESSMENT_PAGE = routes.ASSESSMENT
LOOKUP = "join_lookup"
MISCONFIGURED = N_("Joining is not configured correctly; tell whoever runs this app: {problem}")
DB_DOWN = N_("The workshop could not be reached: the database did not respond. Try again.")


def _preview(code: str) -> None:
    """The title of the workshop in ``?code=``, looked up once per code in this tab.

    The refusal is kept as the store's error, so it reads in the language of the moment
    (the person may switch after the lookup) without a second lookup.
    """
    cached = st.session_state.get(LOOKUP)
    if not (isinstance(cached, tuple) and cached[0] == code):
        problem: ws.WorkshopError | str = ""
        try:
            found = ws.lookup(database(), code, links.client_key())
            cached = (code, (found.title, found.open, found.locked), problem)
        except ws.WorkshopError as exc:
            cached = (code, None, exc)
        except LimitsError as exc:
            cached = (code, None, str(exc))
        except SQLAlchemyError:
            st.error(_(DB_DOWN))
            return
        st.session_state[LOOKUP] = cached
    info, problem = cached[1], cached[2]
    if info is None:
        if isinstance(problem, ws.WorkshopError):
            st.warning(problem.say(tr()))
        else:
            st.warning(_(MISCONFIGURED).format(problem=problem))
        return
    title, is_open, locked = info
    st.write(_("You are joining **{title}**.").format(title=plain(title)))
    if not is_open:
        st.warning(_(ws.CLOSED))
    elif locked:
        st.warning(_(ws.LOCKED))


def page() -> None:
    st.title(_("Join a workshop"))
    code_param = st.query_params.get("code", "")
    if code_param:
        _preview(code_param[:32])
    st.write(
        _(
            "Your answers are yours: the shared screen shows only counts and spreads for the "
            "whole room, never one person's answers."
        )
    )
    st.caption(
        _(
            "Read and answer in the language you prefer: the switch at the top of the page "
            "changes it at any time. The room's counts do not depend on it."
        )
    )
    with st.form("join_form"):
        code = st.text_input(
            _("Join code (6 characters, shown on the shared screen)"),
            value=ws.normalise_code(code_param)[:6] if code_param else "",
            max_chars=12,
            key="join_code",
        )
        name = st.text_input(
            _("Your name (optional: leave it empty to take part anonymously)"),
            max_chars=80,
            key="join_name",
        )
        submitted = st.form_submit_button(_("Join"), type="primary")
    if not submitted:
        return
    lang = current()
    try:
        token = ws.join(database(), code, name or None, links.client_key(), language=lang)
    except ws.WorkshopError as exc:
        st.error(exc.say(tr()))
        return
    except LimitsError as exc:
        st.error(_(MISCONFIGURED).format(problem=exc))
        return
    except SQLAlchemyError:
        st.error(_(DB_DOWN))
        return
    st.session_state["workshop_participant"] = token
    st.switch_page(ASSESSMENT_PAGE, query_params={"resume": token, LANG_PARAM: lang})


page()
