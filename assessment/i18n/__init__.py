"""Languages: one message catalog (gettext, Babel) for every word the app says itself.

Bank texts carry their own languages (``{en, ja}`` maps, picked by
:func:`assessment.models.localize`); everything else a person reads (the report's
vocabulary, the engine's own sentences, the CLI's and the app's words) is an English
msgid in the code, translated through the catalog of the chosen language:

    from assessment.i18n import translator

    tr = translator("ja")           # any tag: "ja-JP" → Japanese, unknown → English
    _ = tr.gettext
    _("Top findings")               # → "主な指摘事項"
    tr.ngettext("{n} question", "{n} questions", n).format(n=tr.number(n))
    tr.percent(0.68), tr.date(day)  # numbers and dates the language's way (Babel)

Choosing the language: :func:`normalise_language` (``"ja-JP"`` → ``"ja"``, default
``"en"``) for a stored or typed tag, :func:`negotiate_language` for a browser's
``Accept-Language``. The catalogs are ``locales/<lang>/LC_MESSAGES/messages.po``;
``python -m assessment.i18n.extract`` brings them up to date with the code.
"""

from __future__ import annotations

from assessment.i18n.languages import (
    DEFAULT_LANGUAGE,
    LANGUAGE_NAMES,
    LANGUAGES,
    negotiate_language,
    normalise_language,
)
from assessment.i18n.translator import N_, NP_, Plural, Translator, translator

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "NP_",
    "N_",
    "Plural",
    "Translator",
    "negotiate_language",
    "normalise_language",
    "translator",
]
