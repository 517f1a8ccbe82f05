"""Untrusted text made harmless where it is shown: Markdown (page and export), CSV, terminal.

Organisation and respondent names, free-text answers, workshop titles, participant names
and uploaded files are typed by anyone. Each output has exactly one function here, so a
rule is fixed once and every renderer gets it:

- :func:`markdown_literal`: text for ``st.markdown`` (and every Streamlit element that
  renders Markdown: titles, captions, alerts, ``st.write``) and for the Markdown export.
  Besides GitHub-flavoured Markdown, Streamlit turns ``$…$`` into maths,
  ``:material/x:`` into icons, ``:red[…]`` into colour, ``:smile:`` into emoji,
  ``:streamlit:`` into a logo, ``->`` into an arrow, and bare ``https://…``, ``www.…`` and
  e-mail addresses into links. Some of those are parsed from the source (a backslash
  escape stops them), others are rewritten later in the text nodes, after escapes are
  resolved (only breaking the pattern stops them): both are done.
- :func:`no_autolink`: the link-breaking part alone, for plain-text renderers (the PDF)
  whose viewers turn ``www.…`` into a clickable link.
- :func:`csv_cell`: one CSV cell a spreadsheet will not run as a formula.
- :func:`terminal_safe`: text printed to a terminal without its escape sequences.

The pattern breaker is U+2060 WORD JOINER: invisible, zero width, never a line break, and
present in the PDF font, so the reader sees the text exactly as typed.
"""

from __future__ import annotations

import re
import unicodedata

WORD_JOINER = "\u2060"

# Markdown and HTML specials that are parsed from the source: a backslash makes them
# literal. ``$`` is Streamlit's maths; ``[``/``]`` also stop ``:red[…]`` directives.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#&~$])")
# Block markers that only matter at the start of a line: a list item, an ordered list, a
# setext underline (``=`` or ``-`` under a line turns that line into a heading).
_LEADING_MARKER = re.compile(r"^([-+=])|^(\d{1,9})([.)])(?=\s|$)")
# Rewritten in text nodes after escapes are resolved, so the pattern itself is broken:
# ``:`` followed by a name starts an emoji, ``:material/…:`` or ``:streamlit:``, and
# ``https:`` + ``//`` is a link; ``www.`` and ``name@host`` are links too.
_COLON_BEFORE_NAME = re.compile(r":(?=\S)")
_WWW = re.compile(r"(?i)(www)(?=\.)")
_AT = re.compile(r"@(?=\S)")
# Streamlit's typography: ``<- -> <-> -- >= <= ~=`` become arrows and signs.
_TYPOGRAPHY = re.compile(r"(?<=[<>~-])(?=[>=-])")


def _visible(text: object) -> str:
    """``text`` on one line: runs of whitespace (line breaks too) become one space, and
    other control characters a visible replacement mark, so nothing hides or moves."""
    flat = " ".join(str(text).split())
    if flat.isprintable():
        return flat
    return "".join("\ufffd" if unicodedata.category(ch) == "Cc" else ch for ch in flat)


def no_autolink(text: str) -> str:
    """``text`` with every web address and e-mail address broken by an invisible joiner.

    For renderers that draw text literally but whose viewers detect links (PDF readers);
    :func:`markdown_literal` does this too.
    """
    text = _COLON_BEFORE_NAME.sub(":" + WORD_JOINER, text)
    text = _WWW.sub(r"\1" + WORD_JOINER, text)
    return _AT.sub("@" + WORD_JOINER, text)


def markdown_literal(text: object) -> str:
    """``text`` as Markdown that Streamlit and Markdown viewers show literally.

    Line breaks are folded (a table row or list item stays intact), specials are
    backslash-escaped, and the text-level shortcuts (emoji, icons, links, arrows) are
    broken with an invisible joiner. Safe anywhere on a line, including its start.
    """
    flat = no_autolink(_visible(text))
    flat = _TYPOGRAPHY.sub(WORD_JOINER, flat)
    flat = _MD_SPECIAL.sub(r"\\\1", flat)
    return _LEADING_MARKER.sub(_escape_marker, flat)


def _escape_marker(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return f"{match.group(2)}\\{match.group(3)}"


# --------------------------------------------------------------------------- CSV

_FORMULA_START = frozenset("=+-@")


def _formula_lead(text: str) -> str:
    """The first character a spreadsheet looks at, once invisible and blank ones are
    skipped, in its plain form (full-width ``＝`` is ``=``); "" when there is none."""
    for ch in text:
        if ch in "\t\r\n":
            return ch
        if ch.isspace() or unicodedata.category(ch) in ("Cf", "Cc", "Zs", "Zl", "Zp"):
            continue
        return unicodedata.normalize("NFKC", ch)[:1]
    return ""


def csv_cell(value: object) -> str:
    """One CSV cell; text a spreadsheet could run as a formula is prefixed with ``'``.

    Spreadsheets skip leading spaces, line breaks and zero-width characters and read
    full-width ``＝ ＋ － ＠`` as their ASCII forms, so those are looked through; a leading
    tab or carriage return is neutralised as well. A plain negative number stays a
    number. Floats are shortened the way the results export shows them.
    """
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}" if abs(value) < 1 else f"{value:.1f}"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    lead = _formula_lead(text)
    if lead in ("\t", "\r", "\n") or (lead in _FORMULA_START and not _is_number(text)):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    """A number as written in plain ASCII (``-5``, ``-0.5``): a spreadsheet keeps it."""
    if not text.isascii() or text != text.strip():
        return False
    try:
        float(text)
    except ValueError:
        return False
    return not text.startswith(("+", "="))


# --------------------------------------------------------------------------- terminal


# C0 and C1 controls (line breaks and tabs aside), and the bidi controls that make a
# terminal show text in another order than it is written.
_TERMINAL_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def terminal_safe(text: str, *, json: bool = False) -> str:
    """``text`` for a terminal: escape sequences, BEL, backspace, carriage return, C1
    controls and bidi overrides are shown as ``\\x1b``-style escapes instead of being
    obeyed; line breaks, tabs and every printable script are kept as they are.

    ``json=True`` writes ``\\u001b`` instead, which keeps JSON output valid (JSON
    escapes C0 controls inside strings itself, but not DEL, C1 or bidi controls).
    """
    return _TERMINAL_UNSAFE.sub(_escape_json if json else _escape_control, text)


def _escape_control(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _escape_json(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"
