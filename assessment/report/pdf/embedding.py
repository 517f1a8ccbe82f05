"""The fonts a PDF embeds, read once per process instead of once per document.

fpdf2 reads a font file for every document that adds it (character map, widths, glyph
ids: ~25 ms for DejaVu Sans) and, when it writes the file, loads the whole font again and
cuts out the glyphs the document used (~33 ms for DejaVu Sans's 6,000 glyphs). A report
adds two faces (regular and bold): nearly half of a report's time.

Here each file is read once per process (:func:`parsed_font`) and a document gets a copy
of what fpdf2 only reads (:func:`font_for_document`). Each face also gets a *working
font* once per process (:func:`make_working_font`): the face cut down to the characters
reports are written in (Latin, punctuation, symbols, kana, the common kanji and every
character of the shipped catalogs and question bank). When every glyph a document used
is in it, fpdf2 cuts the document's subset from the working font instead of the whole
face (:func:`use_working_fonts`): the same glyphs in the same order, with the same
outlines and widths; only the font's header keeps the whole face's bounding box. A
document that used any other glyph (a name in another script) is cut from the whole
face, as before.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from fontTools import subset as ftsubset  # type: ignore[import-untyped]
from fontTools import ttLib
from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont

WORKING_RANGES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x017F),  # Basic Latin, Latin-1 Supplement, Latin Extended-A
    (0x2000, 0x206F),  # General Punctuation
    (0x20A0, 0x20CF),  # currency signs
    (0x2100, 0x214F),  # letterlike symbols
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # mathematical operators (− for a negative gap)
    (0x2500, 0x27BF),  # box drawing, blocks, geometric shapes, symbols, dingbats (✔ ✘ ⚠)
    (0x3000, 0x30FF),  # CJK punctuation, hiragana, katakana
    (0xFF00, 0xFFEF),  # full-width and half-width forms
)
"""The characters of a working font (each face keeps those it has)."""


def _shipped_text() -> set[int]:
    """Every character of the message catalogs and of the shipped question bank (the
    kanji of a Japanese report's own words, level 1 or not)."""
    from assessment.paths import locales_dir, questions_dir

    # The shipped banks' files (the report never loads a bank: test_presentation_rules).
    files = [*locales_dir().glob("*/LC_MESSAGES/*.po"), *questions_dir().rglob("*.yaml")]
    codes: set[int] = set()
    for path in files:
        try:
            codes.update(map(ord, path.read_text(encoding="utf-8")))
        except (OSError, UnicodeError):
            continue
    return codes


def _common_kanji() -> Iterable[int]:
    """JIS X 0208 level 1 kanji (the 2,965 in everyday use): Shift JIS 0x889F-0x9872."""
    for code in range(0x4E00, 0xA000):
        try:
            encoded = chr(code).encode("shift_jis")
        except UnicodeEncodeError:
            continue
        if len(encoded) == 2 and 0x889F <= int.from_bytes(encoded, "big") <= 0x9872:
            yield code


@lru_cache(maxsize=8)
def parsed_font(path: Path, style: str) -> TTFFont:
    """A font file as fpdf2 reads it (character map, widths, glyph ids, descriptor), read
    once per process."""
    probe = FPDF()
    probe.add_font("parsed", style, path)
    font = probe.fonts["parsed" + style]
    assert isinstance(font, TTFFont)
    return font


def font_for_document(pdf: FPDF, path: Path, fontkey: str, style: str) -> TTFFont:
    """What ``pdf.add_font`` would make of ``path``, from the copy read once per process.

    What fpdf2 only reads (character map, widths, glyph ids, names, descriptor) is shared
    (as fpdf2's own ``TTFFont.__deepcopy__`` shares it); what a document changes is its
    own: the glyphs it uses (``subset``), the font's number in the document, and the
    fontTools font, which fpdf2 cuts down in place when it writes the file (opened lazily
    here, and replaced by a working font's when that has every glyph used)."""
    font = copy.copy(parsed_font(path, style))
    font.i = len(pdf.fonts) + 1
    font.fontkey = fontkey
    font.ttfont = ttLib.TTFont(path, recalcTimestamp=False, lazy=True)
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font._hbfont = None
    font.subset = SubsetMap(font)
    return font


@dataclass(frozen=True)
class WorkingFont:
    data: bytes
    """The face cut down to :data:`WORKING_RANGES`, glyph names kept."""
    glyphs: frozenset[str]
    """The names of the glyphs it holds."""


def _subset_options() -> ftsubset.Options:
    """fpdf2's options for the subset it embeds (``OutputProducer._add_fonts``), glyph
    names kept so that fpdf2 finds its glyphs in the working font by name."""
    options = ftsubset.Options(notdef_outline=True, recommended_glyphs=True, glyph_names=True)
    options.drop_tables += [
        "FFTM",
        "GDEF",
        "GPOS",
        "GSUB",
        "MATH",
        "hdmx",
        "meta",
        "sbix",
        "CBDT",
        "CBLC",
        "EBDT",
        "EBLC",
        "EBSC",
        "SVG ",
        "CPAL",
        "COLR",
    ]
    return options


def make_working_font(path: Path) -> WorkingFont:
    """The face at ``path`` cut down to the characters reports are written in (DejaVu
    Sans: ~1,500 glyphs, ~0.1 s; IPAexGothic: ~3,800 glyphs, ~0.5 s on a quiet core)."""
    font = ttLib.TTFont(path, recalcTimestamp=False, lazy=True)
    has = font.getBestCmap()
    wanted = {code for low, high in WORKING_RANGES for code in range(low, high + 1)}
    wanted.update(_common_kanji())
    wanted.update(_shipped_text())
    subsetter = ftsubset.Subsetter(_subset_options())
    subsetter.populate(unicodes=sorted(wanted & set(has)))
    subsetter.subset(font)
    out = BytesIO()
    font.save(out)
    return WorkingFont(out.getvalue(), frozenset(font.getGlyphOrder()))


_working: dict[Path, WorkingFont] = {}
_started: set[Path] = set()
_lock = threading.Lock()


def _build(path: Path) -> None:
    _working[path] = make_working_font(path)


def warm(background: bool = False) -> None:
    """Make every face's working font now (a server's warm-up; the PDF bench), or in a
    background thread; a document never waits for one (see :func:`use_working_fonts`)."""
    from assessment.report.typefaces import all_faces

    for face in all_faces():
        for path in dict.fromkeys((face.regular, face.bold)):
            _start(path) if background else _build(path)


def _start(path: Path) -> None:
    with _lock:
        if path in _started or path in _working:
            return
        _started.add(path)
    threading.Thread(target=_build, args=(path,), name="pdf-working-font", daemon=True).start()


def use_working_fonts(pdf: FPDF) -> None:
    """Before fpdf2 writes ``pdf``: each font whose used glyphs are all in its face's
    working font is cut from that instead of the whole face (same glyphs and outlines).
    A working font not made yet is started in a background thread and this document is
    cut from the whole face, as it always was: no document waits for a working font."""
    for font in pdf.fonts.values():
        if not isinstance(font, TTFFont) or font.is_compressed or font.color_font:
            continue
        path = Path(font.ttffile)
        working = _working.get(path)
        if working is None:
            _start(path)
        elif working.glyphs.issuperset(font.subset.get_all_glyph_names()):
            # Bounding boxes are not worked out again over the few glyphs kept (half of
            # the cut's time): the font's header keeps the whole face's box, as the PDF's
            # font descriptor does; every glyph's outline and box are the same.
            font.ttfont = ttLib.TTFont(
                BytesIO(working.data), recalcTimestamp=False, recalcBBoxes=False, lazy=True
            )
