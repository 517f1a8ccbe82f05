"""Text hygiene at the database's door: no NUL or other control characters are stored.

PostgreSQL refuses NUL in text columns outright (the driver raises, and the person saw
"the database did not respond"); SQLite stores it, and it then travels into pages, CSV
files and terminals. Lone surrogates cannot be encoded as UTF-8 by either driver. Other
control characters (escape sequences, backspace, bell, C1 controls) are never part of
text a person means to give. So every string that is about to be written is checked here,
the same way on both databases, and refused with a message that names the character:
nothing is silently changed, and nothing unexpected reaches the database.

Tab and newline are allowed (free-text answers have paragraphs); single-line fields (a
workshop title, a participant's name) fold all whitespace to spaces before this check.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

from assessment.i18n import N_, translator

ALLOWED_CONTROLS = frozenset("\t\n")


def _forbidden(ch: str) -> bool:
    if ch in ALLOWED_CONTROLS:
        return False
    category = unicodedata.category(ch)
    # Cc: C0 and C1 controls and DEL (NUL among them); Cs: lone surrogates.
    return category in ("Cc", "Cs")


def first_control(text: str) -> str | None:
    """The first forbidden character of ``text`` as ``U+XXXX``, or None when it is clean."""
    if text.isprintable():  # fast path: printable text has no controls at all
        return None
    for ch in text:
        if _forbidden(ch):
            return f"U+{ord(ch):04X}"
    return None


CONTROL_CHARACTER = N_(
    "{what} contains an invisible control character ({character}) that cannot be saved. "
    "Remove it (retype the text rather than pasting it) and try again."
)
WHAT = (N_("The text"), N_("The answer"))
"""The usual ``what`` of a message (a caller may pass its own, marked with ``N_``)."""


def text_problem(text: str, what: str = "The text", lang: str = "en") -> str | None:
    """A message for a person when ``text`` cannot be stored, else None.

    ``what`` (an English msgid) names the text; the message is in ``lang``.
    """
    found = first_control(text)
    if found is None:
        return None
    _ = translator(lang).gettext
    return _(CONTROL_CHARACTER).format(what=_(what), character=found)


def value_problem(value: Any, what: str = "The answer", lang: str = "en") -> str | None:
    """Like :func:`text_problem` for a JSON-like value: every string in it, keys too."""
    if isinstance(value, str):
        return text_problem(value, what, lang)
    if isinstance(value, Mapping):
        for key, item in value.items():
            found = value_problem(str(key), what, lang) or value_problem(item, what, lang)
            if found:
                return found
        return None
    if isinstance(value, list | tuple):
        for item in value:
            found = value_problem(item, what, lang)
            if found:
                return found
    return None


def normalise_newlines(text: str) -> str:
    """Windows and old Mac line breaks become ``\\n`` (the one line break that is stored)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def strip_controls(value: Any) -> tuple[Any, str | None]:
    """``value`` with forbidden characters removed from every string, and the first one
    removed (``U+XXXX``) or None. For uploads, where refusing a whole file for an
    invisible character helps nobody: the page says what was removed."""
    if isinstance(value, str):
        found = first_control(value)
        if found is None:
            return value, None
        return "".join(ch for ch in value if not _forbidden(ch)), found
    if isinstance(value, Mapping):
        first: str | None = None
        cleaned: dict[Any, Any] = {}
        for key, item in value.items():
            new_key, found_key = strip_controls(key) if isinstance(key, str) else (key, None)
            new_item, found_item = strip_controls(item)
            cleaned[new_key] = new_item
            first = first or found_key or found_item
        return cleaned, first
    if isinstance(value, list | tuple):
        items = [strip_controls(item) for item in value]
        return [i for i, _ in items], next((f for _, f in items if f), None)
    return value, None
