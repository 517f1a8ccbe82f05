"""Where a line may break: words, and between the characters of Japanese text.

Japanese is written without spaces, so a line may break between almost any two
characters, except that no line starts with closing punctuation, a small kana or a
prolonged-sound mark (行頭禁則) and none ends with an opening bracket (行末禁則): the
rules of kinsoku shori (JIS X 4051), in their common strict form. Latin words stay whole.

:func:`fill` fills lines greedily with a width function, so the PDF (the fonts' own widths)
and the charts (a label's width in character cells) break text the same way.
"""

from __future__ import annotations

from collections.abc import Callable

NO_LINE_START = frozenset(
    "、。，．,.：；:;！？!?）］｝〕〉》」』】〙〗〟’”)]}"
    "ー‐゠–〜～・…‥々〻ゝゞヽヾ"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "％%‰℃°′″"
)
"""Characters a line never starts with (行頭禁則): closing punctuation and brackets,
prolonged-sound and iteration marks, small kana, and what follows a number."""
NO_LINE_END = frozenset("（［｛〔〈《「『【〘〖〝‘“([{＄$￥¥£€＃#")
"""Characters a line never ends with (行末禁則): opening brackets and what precedes a number."""


def is_cjk(ch: str) -> bool:
    """A character of a script written without spaces, after which a line may break:
    kana, CJK ideographs and punctuation, full-width forms, Hangul."""
    code = ord(ch)
    return (
        0x2E80 <= code <= 0x9FFF  # radicals, CJK punctuation, kana, ideographs
        or 0xAC00 <= code <= 0xD7AF  # Hangul syllables
        or 0xF900 <= code <= 0xFAFF  # compatibility ideographs
        or 0xFE30 <= code <= 0xFE4F  # compatibility forms
        or 0xFF00 <= code <= 0xFFEF  # full-width and half-width forms
        or 0x20000 <= code <= 0x3FFFF  # ideograph extensions
    )


def has_cjk(text: str) -> bool:
    return any(is_cjk(ch) for ch in text)


def may_break(before: str, after: str) -> bool:
    """Whether a line may break between two characters that touch (no space between)."""
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    return is_cjk(before) or is_cjk(after)


def pieces(paragraph: str) -> list[str]:
    """A paragraph cut where a line may break: words, single CJK characters holding on to
    the punctuation that may not be parted from them, and the spaces between."""
    found: list[str] = []
    for ch in paragraph:
        if ch == " ":
            found.append(ch)
        elif found and found[-1] != " " and not may_break(found[-1][-1], ch):
            found[-1] += ch
        else:
            found.append(ch)
    return found


def fill(paragraph: str, width: Callable[[str], float], limit: float) -> list[str]:
    """``paragraph`` in lines no wider than ``limit`` by ``width``: greedy over
    :func:`pieces`; spaces at a break are dropped, and a piece wider than a line is cut
    between characters (never before one of :data:`NO_LINE_START` when it can be helped)."""
    lines: list[str] = []
    line, used = "", 0.0
    space = width(" ")
    for piece in pieces(paragraph):
        if piece == " ":
            if line:
                line += " "
                used += space
            continue
        w = width(piece)
        if line and used + w > limit:
            lines.append(line.rstrip(" "))
            line, used = "", 0.0
        while w > limit:
            cut, part = 0, 0.0
            for ch in piece:
                cw = width(ch)
                if part + cw > limit and cut:
                    break
                part += cw
                cut += 1
            while 1 < cut < len(piece) and piece[cut] in NO_LINE_START:
                cut -= 1  # the next line may not start with it: it goes along
            lines.append(piece[:cut])
            piece = piece[cut:]
            w = width(piece)
        line += piece
        used += w
    lines.append(line.rstrip(" "))
    return lines
