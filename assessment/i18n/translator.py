"""A :class:`Translator`: the words, plurals, numbers and dates of one language.

Code that says something in its own words marks the English text, which is the msgid:

- ``_("Top findings")`` where the language is known (``_ = translator(lang).gettext``);
- ``N_("Top findings")`` where a constant is defined and translated later, at the point
  of use (``_(c.TOP_FINDINGS)``); ``NP_(singular, plural)`` for a constant with plurals;
- ``tr.ngettext("{n} question", "{n} questions", n).format(n=tr.number(n))``.

Placeholders are named (``{organization}``) and filled after translation, so a
translation may put them in any order. Babel's extractor finds every marked message
(:mod:`assessment.i18n.extract`); a test keeps both catalogs complete.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from assessment.i18n.catalog import translations
from assessment.i18n.languages import PUNCTUATION, SEPARATORS, normalise_language

Plural = tuple[str, str]
"""A message with plurals, as ``NP_`` marks it: (singular msgid, plural msgid)."""

DATE_FORMATS = {"en": "yyyy-MM-dd", "ja": "long"}
"""A day as each language writes it in a report: ``2026-01-01``, ``2026年1月1日``."""


def N_(message: str) -> str:  # noqa: N802  (the gettext convention)
    """Mark a constant for the catalog without translating it here (gettext_noop)."""
    return message


def NP_(singular: str, plural: str) -> Plural:  # noqa: N802
    """Mark a constant with plural forms for the catalog; ``Translator.plural`` picks one."""
    return singular, plural


@dataclass(frozen=True, eq=False)
class Translator:
    """Everything language-specific a sentence needs, for one language.

    Get one with :func:`translator`; it is shared and immutable.
    """

    language: str
    catalog: gettext.NullTranslations

    def gettext(self, message: str) -> str:
        """``message`` (an English msgid) in this language. The empty string stays empty
        (gettext would return the catalog's header)."""
        return self.catalog.gettext(message) if message else message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The form of a message for ``n``, by the language's plural rule (Japanese has one
        form, English two)."""
        return self.catalog.ngettext(singular, plural, n)

    def plural(self, forms: Plural, n: int) -> str:
        """:meth:`ngettext` for a constant marked with ``NP_``."""
        return self.ngettext(forms[0], forms[1], n)

    def number(self, value: float, decimals: int | None = None) -> str:
        """A number as the language writes it (grouping and decimal signs, by Babel)."""
        if decimals is None:
            return format_decimal(value, locale=self.language)
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        return format_decimal(value, format=pattern, locale=self.language)

    def percent(self, share: float) -> str:
        """``0.68`` → ``68%``: rounded as the report always has (half to even on the
        float), written the language's way."""
        whole = int(f"{share * 100:.0f}")
        return format_percent(whole / 100, locale=self.language)

    def date(self, day: date) -> str:
        """A day in a report: ``2026-01-01`` in English, ``2026年1月1日`` in Japanese."""
        return format_date(day, DATE_FORMATS.get(self.language, "medium"), locale=self.language)

    def in_sentence(self, title: str) -> str:
        """A title used inside a sentence: lower-cased in English ("No one is accountable
        for model deployment"), as it stands in a language without letter case."""
        return title.lower() if self.language == "en" else title

    def label(self, text: str) -> str:
        """``text`` as a label before its value: ``Organisation:`` / ``組織：``."""
        return text + PUNCTUATION.get(self.language, PUNCTUATION["en"])["colon"]

    def labelled(self, label: str, value: object) -> str:
        """A label and its value on one line: ``Met: title`` / ``満たしている：タイトル``."""
        gap = PUNCTUATION.get(self.language, PUNCTUATION["en"])["gap"]
        return f"{self.label(label)}{gap}{value}"

    def aside(self, text: object) -> str:
        """``text`` in brackets after a word, space included: `` (3)`` / ``（3）``."""
        marks = PUNCTUATION.get(self.language, PUNCTUATION["en"])
        return f"{marks['open']}{text}{marks['close']}"

    def join(self, items: Iterable[str], kind: str = "list") -> str:
        """Names joined as the language lists them (``kind="list"``: ``A, B`` / ``A、B``),
        independent parts (``"parts"``: ``A; B`` / ``A／B``), the options chosen in a
        multiple-choice answer (``"choices"``: ``A; B`` / ``A、B``) or sentences
        (``"sentences"``: ``A. B.`` / ``A。B。``)."""
        return self.separator(kind).join(items)

    def separator(self, kind: str = "list") -> str:
        """What :meth:`join` puts between items of ``kind`` (to split such a text again)."""
        return SEPARATORS.get(self.language, SEPARATORS["en"])[kind]


@lru_cache(maxsize=8)
def _translator(language: str) -> Translator:
    return Translator(language, translations(language))


def translator(lang: object = None) -> Translator:
    """The translator for ``lang`` (any tag: ``"ja-JP"`` is Japanese; unknown is English)."""
    return _translator(normalise_language(lang))
