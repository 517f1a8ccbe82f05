"""The languages the app speaks, and how a requested language becomes one of them.

Every way a language arrives (an answers file's ``meta.language``, a ``--lang`` option,
``?lang=`` in an address, a browser's ``Accept-Language`` header) goes through
:func:`normalise_language` or :func:`negotiate_language`, so the rest of the code only
ever sees one of :data:`LANGUAGES`.
"""

from __future__ import annotations

from collections.abc import Iterable

LANGUAGES: tuple[str, ...] = ("en", "ja")
"""Every language with a complete message catalog, the default first."""
DEFAULT_LANGUAGE = "en"
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "ja": "日本語"}
"""Each language in its own words, for a language switch."""

SEPARATORS: dict[str, dict[str, str]] = {
    "en": {"list": ", ", "parts": "; ", "choices": "; ", "sentences": " ", "rows": "; "},
    "ja": {"list": "、", "parts": "／", "choices": "、", "sentences": "", "rows": "。"},
}
"""How a language joins names in a list ("A, B"), independent parts ("A; B"), the
options chosen in a multiple-choice answer ("A; B"), sentences ("A. B.") and the rows of
a matrix answer written on one line ("Model development: …; Deployment: …"; the report
splits them again on it)."""

PUNCTUATION: dict[str, dict[str, str]] = {
    "en": {"colon": ":", "gap": " ", "open": " (", "close": ")"},
    "ja": {"colon": "：", "gap": "", "open": "（", "close": "）"},
}
"""A label's colon ("Organisation:" / "組織："), the space after it before a value, and an aside in brackets after a word
("Missing capabilities (3)" / "欠けている能力（3）"): Japanese uses full-width forms, with
no space before the bracket."""


def _primary(tag: str) -> str:
    """``ja-JP``, ``ja_JP.UTF-8``, `` JA `` → ``ja``: the primary language subtag."""
    return tag.strip().split(".")[0].replace("_", "-").split("-")[0].lower()


def normalise_language(value: object) -> str:
    """One of :data:`LANGUAGES` for a language tag; anything else is the default.

    ``normalise_language("ja-JP") == "ja"``; ``normalise_language(None) == "en"``;
    ``normalise_language("fr") == "en"``.
    """
    if not isinstance(value, str):
        return DEFAULT_LANGUAGE
    code = _primary(value)
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def negotiate_language(accepted: str | Iterable[str] | None) -> str:
    """The language to use for a browser's preferences, most preferred first.

    ``accepted`` is an ``Accept-Language`` header (``"ja,en-US;q=0.9,en;q=0.8"``) or a list
    of tags (``navigator.languages``). Quality values are honoured; the first tag whose
    language is offered wins, and the default when none is.
    """
    if accepted is None:
        return DEFAULT_LANGUAGE
    items = accepted.split(",") if isinstance(accepted, str) else list(accepted)
    ranked: list[tuple[float, int, str]] = []
    for index, item in enumerate(items):
        tag, _, params = item.partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0 and tag.strip():
            ranked.append((-quality, index, tag))
    for _, _, tag in sorted(ranked):
        code = _primary(tag)
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE
