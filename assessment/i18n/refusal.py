"""A refusal worded for whoever reads it: an exception whose message is a msgid.

The store refuses things (a join code that does not exist, a milestone without a name, a
portfolio of one team); the person who tried reads why in their own language, the logs
and tests read English. The message is an English msgid (``N_``, or ``NP_`` with an ``n``
among the parameters), filled with ``params`` after translation:

    raise WorkshopError(NO_SUCH_CODE)          # a subclass of RefusalError
    str(error)                                 # English
    error.say(translator("ja"))                # Japanese
"""

from __future__ import annotations

from typing import ClassVar

from assessment.i18n.languages import DEFAULT_LANGUAGE
from assessment.i18n.translator import Plural, Translator, translator


class RefusalError(Exception):
    """An exception whose message is said in any language (:meth:`say`)."""

    translated_params: ClassVar[frozenset[str] | None] = None
    """The text parameters that are msgids too (``what=N_("The portfolio's title")``);
    ``None``: every text parameter (one that is not a msgid prints as it is)."""

    def __init__(self, message: str | Plural, /, **params: object) -> None:
        self.message = message
        self.params = params
        super().__init__(self.say(translator(DEFAULT_LANGUAGE)))

    def say(self, tr: Translator) -> str:
        """The message in ``tr``'s language: a whole-number parameter as the language writes
        numbers, a text parameter translated when it is a msgid."""
        if isinstance(self.message, tuple):
            n = self.params.get("n", 1)
            text = tr.plural(self.message, n if isinstance(n, int) else 1)
        else:
            text = tr.gettext(self.message)
        if not self.params:
            return text
        return text.format(**{key: self._word(tr, key, v) for key, v in self.params.items()})

    def _word(self, tr: Translator, key: str, value: object) -> object:
        if isinstance(value, int) and not isinstance(value, bool):
            return tr.number(value)
        chosen = self.translated_params
        if isinstance(value, str) and (chosen is None or key in chosen):
            return tr.gettext(value)
        return value
