"""The message catalogs: one gettext ``.po`` file per language, read at run time.

``assessment/i18n/locales/<lang>/LC_MESSAGES/messages.po`` is package data. It is read with
Babel's ``read_po`` once per process and language and compiled in memory (``write_mo``,
fuzzy entries left out), so nothing is compiled at build time and nothing is downloaded.
A language without a catalog file gets the English text of every message (the msgids).
"""

from __future__ import annotations

import gettext
from functools import lru_cache
from io import BytesIO

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from assessment.paths import locales_dir

DOMAIN = "messages"


def catalog_path(language: str) -> str:
    """Where ``language``'s catalog lives (as text: a message names it)."""
    return str(locales_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.po")


@lru_cache(maxsize=8)
def translations(language: str) -> gettext.NullTranslations:
    """``language``'s compiled catalog, or the msgids themselves when it has none."""
    path = locales_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as source:
        catalog = read_po(source, locale=language, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return Translations(fp=compiled, domain=DOMAIN)
