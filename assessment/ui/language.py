"""The language a person reads the app in, and the switch on every page that changes it.

Every word the app says itself goes through :func:`_` (or :func:`ngettext`, or
``tr().plural`` for a constant marked with ``NP_``), which translates the English msgid
with the catalog of the session's language (:mod:`assessment.i18n`). Bank texts go through
:func:`text`, which picks the session's language from the bank's ``{en, ja}`` maps.

The session's language is, first to last:

1. the language chosen with the switch (:func:`switch`) in this browser tab;
2. ``?lang=ja`` in the address (a shared link, a resume link, a workshop's join link);
3. the language saved with the answers a resume link opens (``meta.language``);
4. the browser's language (``st.context.locale``, then its ``Accept-Language`` header);
5. English.

A chosen language stays in the address (``?lang=``), so a reload, a bookmark or a link
copied from the address bar keeps it, and it is saved as the open answers'
``meta.language`` (answers stay ids: the same answers read in either language).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

from assessment.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGE_NAMES,
    LANGUAGES,
    Plural,
    Translator,
    negotiate_language,
    translator,
)
from assessment.models import Text, localize

LANG_PARAM = "lang"
"""The address's query parameter: ``?lang=ja``."""
STATE = "ui_language"
"""Session state: the session's language, once settled."""
CHOSEN = "ui_language_chosen"
"""Session state: the person chose with the switch in this tab (it wins over saved answers)."""
SWITCH_KEY = "language_switch"
SWITCH_LABEL = "Language · 言語"
"""The switch's label, in both languages: whoever cannot read one reads the other."""


def settle() -> str:
    """Settle the session's language for this run: ``?lang=`` in the address wins, then
    what the session already has, then the browser's. ``app.py`` calls it first in every
    full run; the address cannot change within a run or a fragment's rerun."""
    wanted = _from_address()
    if wanted is not None:
        st.session_state[STATE] = wanted
        return wanted
    found = st.session_state.get(STATE)
    if found in LANGUAGES:
        return str(found)
    settled = browser_language()
    st.session_state[STATE] = settled
    return settled


def current() -> str:
    """The session's language (one of :data:`LANGUAGES`), as :func:`settle` left it.

    Every translated word asks for it, so it reads session state only (reading the
    address each time was ~6 % of a Results rerun).
    """
    found = st.session_state.get(STATE)
    return found if isinstance(found, str) and found in LANGUAGES else settle()


def _from_address() -> str | None:
    """A valid ``?lang=`` in the address; an unknown one is removed (English is not forced)."""
    raw = st.query_params.get(LANG_PARAM)
    if raw is None:
        return None
    code = raw.strip().lower()
    if code in LANGUAGES:
        return code
    del st.query_params[LANG_PARAM]
    return None


def browser_language() -> str:
    """The browser's preferred language among ours; English when it prefers none of them."""
    try:
        locale = st.context.locale
        headers = st.context.headers
    except Exception:  # no browser connection (a bare script run): the default
        return DEFAULT_LANGUAGE
    accepted = headers.get("Accept-Language") if headers else None
    if accepted:
        return negotiate_language(accepted)
    return negotiate_language([locale]) if locale else DEFAULT_LANGUAGE


def adopt_saved(saved: object) -> None:
    """Take the language saved with answers a resume link opened, unless one was asked for.

    Asked for means ``?lang=`` in the address or a choice with the switch in this tab.
    The page is drawn again at once when the language changes (the switch and the page's
    first lines were already drawn in the other one).
    """
    if LANG_PARAM in st.query_params or st.session_state.get(CHOSEN):
        return
    if isinstance(saved, str) and saved in LANGUAGES and saved != current():
        st.session_state[STATE] = saved
        st.rerun()


_TRANSLATORS: dict[str, Translator] = {code: translator(code) for code in LANGUAGES}


def tr() -> Translator:
    """The translator of the session's language."""
    return _TRANSLATORS[current()]


def _(message: str) -> str:
    """``message`` (an English msgid) in the session's language."""
    return tr().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for ``n`` in the session's language."""
    return tr().ngettext(singular, plural, n)


def plural(forms: Plural, n: int) -> str:
    """A constant marked with ``NP_`` for ``n``, in the session's language."""
    return tr().plural(forms, n)


def text(value: Text | None) -> str:
    """A bank text (``{en, ja}`` or a plain string) in the session's language."""
    return localize(value, current()) if value is not None else ""


def switch(on_change: Callable[[str], None] | None = None) -> None:
    """The language switch, small, at the top right of the page.

    ``on_change`` is told the new language (the app saves it with the open answers).
    """
    lang = current()
    if st.session_state.get(SWITCH_KEY) != lang:
        st.session_state[SWITCH_KEY] = lang

    def changed() -> None:
        chosen = st.session_state.get(SWITCH_KEY)
        if chosen not in LANGUAGES:  # un-selecting the segment: keep the language
            st.session_state[SWITCH_KEY] = st.session_state.get(STATE, DEFAULT_LANGUAGE)
            return
        st.session_state[STATE] = chosen
        st.session_state[CHOSEN] = True
        st.query_params[LANG_PARAM] = str(chosen)
        if on_change is not None:
            on_change(str(chosen))

    with st.container(horizontal=True, horizontal_alignment="right"):
        st.segmented_control(
            SWITCH_LABEL,
            LANGUAGES,
            format_func=lambda code: LANGUAGE_NAMES[code],
            key=SWITCH_KEY,
            on_change=changed,
            label_visibility="collapsed",
            width="content",
        )


_DOCUMENT_LANGUAGE = """<script>
(() => {
  const lang = '%s';
  if (document.documentElement.lang !== lang) document.documentElement.lang = lang;
})();
</script>"""


def mark_document(lang: str | None = None) -> None:
    """Say the page's language on ``<html lang>``: screen readers pick their voice by it,
    and browsers their Japanese glyph forms (Streamlit serves every page as ``en``).

    The script is constant but for a code from :data:`LANGUAGES` (never user text).
    """
    code = lang if lang in LANGUAGES else current()
    st.html(_DOCUMENT_LANGUAGE % code, unsafe_allow_javascript=True)


def with_language(params: Mapping[str, str]) -> dict[str, str]:
    """Query parameters for a link that opens the app in the session's language."""
    return {**params, LANG_PARAM: current()}
