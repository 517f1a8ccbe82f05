"""Text safety for the PDF: what the embedded fonts can draw, and nothing a person typed
can do to the page.

Everything a person typed is printed literally: the layout places it line by line with
``FPDF.text`` (never fpdf2's HTML or markdown modes), and :func:`clean` turns a character
no embedded face has (DejaVu Sans or IPAexGothic: :mod:`assessment.report.typefaces`; an
emoji, Hangul) into a visible replacement mark instead of letting it vanish or crash the
report.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from assessment.report.typefaces import all_faces, coverage

REPLACEMENT = "\ufffd"
"""Printed for a character no embedded face can draw: visible, and honest about it."""


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    """Code points some embedded face draws in both emphases (read once per process, and
    only when a character is not Latin: most text never needs the Japanese face's map)."""
    return frozenset().union(*(coverage(face) for face in all_faces()))


_DROP = {"Cc", "Cf", "Cs", "Co", "Cn"}


def clean(text: object) -> str:
    """Text made printable: composed accents, no control characters, and a replacement
    mark for every character the fonts lack (fpdf2 would silently drop it)."""
    raw = unicodedata.normalize("NFC", str(text)).replace("\r\n", "\n").replace("\t", " ")
    latin = coverage(all_faces()[0])
    if latin.issuperset(map(ord, raw)):
        return raw  # what the loop below would make of it, at C speed
    out: list[str] = []
    for ch in raw:
        if ch == "\n" or ord(ch) in latin or ord(ch) in _covered():
            out.append(ch)
        elif unicodedata.category(ch) in _DROP:
            continue
        else:
            out.append(REPLACEMENT)
    return "".join(out)


def one_line(text: object) -> str:
    """:func:`clean` text on one line (spaces for its line breaks)."""
    return " ".join(clean(text).split())
