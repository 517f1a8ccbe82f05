"""The typefaces the PDF and its charts draw with, and which one draws which character.

Two faces are embedded in every PDF, whatever its language:

- **DejaVu Sans** (regular and bold; the Bitstream Vera licence, ``fonts/`` beside this
  module): Latin, Greek, Cyrillic and symbols (✔ ✘ ⚠);
- **IPAexGothic** (IPA Font License v1.0, an OSI-approved open licence), from the
  ``matplotlib-fontja`` dependency (located by :func:`assessment.paths.japanese_font`):
  Japanese (kana, the JIS X 0208/0213 kanji, full-width forms). Its kanji also print most
  Traditional Chinese names and many Simplified ones; it has no Hangul, and no bold (bold
  is drawn by stroking the outline).

An English report sets text in DejaVu Sans and falls back to IPAexGothic character by
character, so a Japanese company name prints as typed; a Japanese report sets text in
IPAexGothic and falls back to DejaVu Sans for what it lacks. A character neither face has
is shown as a visible replacement mark (:func:`assessment.report.pdf.text.clean`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assessment.paths import fonts_dir, japanese_font

LATIN_FAMILY = "DejaVu Sans"
JAPANESE_FAMILY = "IPAexGothic"


@dataclass(frozen=True)
class Face:
    """A font family as the report embeds it: a regular and a bold file."""

    family: str
    regular: Path
    bold: Path
    synthetic_bold: bool = False
    """The family has one weight: bold is drawn by stroking the outline too."""

    @property
    def files(self) -> Mapping[str, Path]:
        """The file for each emphasis, as fpdf2 names them ("" and "B")."""
        return {"": self.regular, "B": self.bold}


@lru_cache(maxsize=1)
def _latin() -> Face:
    folder = fonts_dir()
    return Face(LATIN_FAMILY, folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf")


@lru_cache(maxsize=1)
def _japanese() -> Face | None:
    path = japanese_font()
    if path is None:
        return None
    return Face(JAPANESE_FAMILY, path, path, synthetic_bold=True)


def all_faces() -> tuple[Face, ...]:
    """Every face embedded in a PDF (the Japanese one only when its package is installed)."""
    japanese = _japanese()
    return (_latin(), japanese) if japanese is not None else (_latin(),)


def faces(lang: str) -> tuple[Face, ...]:
    """The faces in the order a report in ``lang`` tries them: its text face first."""
    ordered = all_faces()
    if lang == "ja":
        return tuple(reversed(ordered))
    return ordered


@lru_cache(maxsize=4)
def coverage(face: Face) -> frozenset[int]:
    """The code points every file of ``face`` can draw (read once per process)."""
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    maps = [set(TTFont(path, lazy=True).getBestCmap()) for path in {face.regular, face.bold}]
    return frozenset(set.intersection(*maps))


def face_for(ch: str, ordered: tuple[Face, ...]) -> Face:
    """The first face in ``ordered`` that has ``ch`` (the first face when none has it)."""
    code = ord(ch)
    for face in ordered:
        if code in coverage(face):
            return face
    return ordered[0]


def family_for(text: str, lang: str) -> str:
    """One family to set all of ``text`` in (a chart label is one run of one font): the
    first of the language's faces that has every character, else the one that has most."""
    ordered = faces(lang)
    codes = {ord(ch) for ch in text if not ch.isspace()}
    best, best_count = ordered[0], -1
    for face in ordered:
        count = len(codes & coverage(face))
        if count == len(codes):
            return face.family
        if count > best_count:
            best, best_count = face, count
    return best.family


@lru_cache(maxsize=1)
def register_with_matplotlib() -> None:
    """Make the Japanese face known to matplotlib by file (its default font is untouched)."""
    japanese = _japanese()
    if japanese is None:
        return
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(japanese.files[""]))
