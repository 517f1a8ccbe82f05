"""The app's error vocabulary: what is wrong with an input file, and where.

Every refusal of a bank, an answers file or an upload is an :class:`InputError` listing
:class:`Problem` s, each located as precisely as is known (file, line, column and the
field, shown by ids where the data has them). A :class:`Document` is parsed data that
remembers where each value was written, so any checker can turn a :data:`FieldPath` into
a located problem. Parsing itself lives in :mod:`assessment.safe_yaml`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

# Problems listed for one file: enough to fix a file in a few rounds, few enough that a
# hostile file cannot make the check (or the page showing it) slow. The rest is counted.
MAX_PROBLEMS = 50
# Keys and other names longer than this are cut in messages (ids are at most 64 long).
MAX_SHOWN_NAME = 64

FieldPath = tuple[str | int, ...]
"""Where a value sits in parsed data: keys and list indexes, from the top."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, with as precise a location as is known."""

    file: str
    message: str
    field: str = ""
    line: int | None = None
    col: int | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.col or 1}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class InputError(Exception):
    """Raised with every problem found, so a user can fix them all in one go.

    ``more`` counts problems that were found but not listed (a checker stops describing
    after :data:`MAX_PROBLEMS`); :func:`capped` builds such an error.
    """

    def __init__(self, problems: list[Problem], more: int = 0) -> None:
        lines = [str(p) for p in problems]
        if more:
            lines.append(f"… and {more} more problem{'' if more == 1 else 's'}")
        super().__init__("\n".join(lines))
        self.problems = problems
        self.more = more


def capped(problems: list[Problem], limit: int = MAX_PROBLEMS, more: int = 0) -> InputError:
    """An InputError listing the first ``limit`` problems (in file order) and counting the
    rest, plus ``more`` that the caller counted without describing them."""
    ordered = sorted(problems, key=lambda p: (p.line or 0, p.col or 0))
    return InputError(ordered[:limit], more + max(0, len(ordered) - limit))


def shorten(text: str, limit: int = MAX_SHOWN_NAME) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis: a 100 000-character key from
    a hostile file stays a short message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def unknown_name(what: str, name: str, known: Iterable[str], owner: str = "") -> str:
    """``unknown option 'x' of question 'q' (did you mean 'y'?)``; short lists are named."""
    names = list(known)
    close = difflib.get_close_matches(name, names, n=1)
    if close:
        hint = f" (did you mean '{close[0]}'?)"
    elif 0 < len(names) <= 10:
        hint = f"; expected one of {', '.join(names)}"
    else:
        hint = ""
    of = f" of {owner}" if owner else ""
    return f"unknown {what} '{name}'{of}{hint}"


@dataclass
class Document:
    """Parsed plain data plus the (line, col) of each value, keyed by its path."""

    file: str
    data: Any
    locations: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    # Where each mapping key is written (an unknown key is pointed at, not its value).
    key_locations: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: FieldPath) -> tuple[FieldPath, tuple[int, int] | None]:
        """Follow ``path`` through the data as far as it goes; skip union-tag segments.

        Returns the path that exists and the position of its deepest value.
        """
        if path in self.locations:
            return path, self.locations[path]
        node = self.data
        real: list[str | int] = []
        for seg in path:
            if isinstance(node, dict) and seg in node:
                node = node[seg]
                real.append(seg)
            elif isinstance(node, list) and isinstance(seg, int) and 0 <= seg < len(node):
                node = node[seg]
                real.append(seg)
        key = tuple(real)
        while key and key not in self.locations:
            key = key[:-1]
        return tuple(real), self.locations.get(key)

    def display_path(self, path: FieldPath) -> str:
        """Human path: list items with an ``id`` are shown by id, others by index."""
        out = ""
        node = self.data
        for seg in path:
            if isinstance(seg, int):
                label: str = str(seg)
                if isinstance(node, list) and 0 <= seg < len(node):
                    item = node[seg]
                    if isinstance(item, dict) and isinstance(item.get("id"), str):
                        label = item["id"]
                    node = item
                out += f"[{shorten(label)}]"
            else:
                out += f".{shorten(seg)}" if out else shorten(seg)
                node = node.get(seg) if isinstance(node, dict) else None
        return out

    def problem_at(self, path: FieldPath, message: str, pos: tuple[int, int]) -> Problem:
        """A problem at an exact position (for values the data does not hold)."""
        return Problem(self.file, message, self.display_path(path), pos[0], pos[1])

    def problem(self, path: FieldPath, message: str) -> Problem:
        real, pos = self.locate(path)
        shown = self.display_path(path if len(path) >= len(real) else real)
        if pos is None:
            return Problem(self.file, message, shown)
        return Problem(self.file, message, shown, pos[0], pos[1])

    def problem_at_key(self, path: FieldPath, message: str) -> Problem:
        """A problem about a key itself (an unknown id): points at the key, not its value."""
        key_at = self.key_locations.get(path)
        return self.problem_at(path, message, key_at) if key_at else self.problem(path, message)


__all__ = [
    "MAX_PROBLEMS",
    "MAX_SHOWN_NAME",
    "Document",
    "FieldPath",
    "InputError",
    "Problem",
    "capped",
    "shorten",
    "unknown_name",
]
