"""One tab's change to a multi-choice or RACI answer, applied to what is stored now.

A browser tab holds a copy of the answers from when it loaded them (its *base*). Saving a
multi-choice answer or a RACI grid whole from that copy would erase whatever another tab
(or another shared screen) saved meanwhile: tab A ticks "SRE", tab B, still showing no
tick, ticks "ML engineer" and saves ``[ml]`` — A's tick is gone. So a save is a three-way
merge instead: the options or cells this tab changed (its *desired* value against its
base) are applied to the value stored *now* (``current``), inside the write transaction
(:func:`assessment.store.repository.modify_answer`).

"Don't know" and clearing are decisions about the whole answer. When one of them is
involved and the stored answer is no longer what this tab showed, nothing is saved:
:class:`StaleAnswerError` carries the stored answer, so the page can show it and ask
the person to decide again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from assessment.i18n import N_
from assessment.models import DONT_KNOW

STALE_MESSAGE = N_(
    "this answer was changed in another tab or window meanwhile, so your change was not "
    "saved. The answer shown now is the saved one: check it and try again"
)
"""An English msgid: the page translates it where it shows it."""


class ChangeRefusedError(Exception):
    """The changed answer cannot be saved; the message says why (shown under the question)."""


class StaleAnswerError(ChangeRefusedError):
    """Another tab changed the answer in a way this change cannot be merged with."""

    def __init__(self, current: Any) -> None:
        super().__init__(STALE_MESSAGE)
        self.current = current


def _is_whole(value: Any) -> bool:
    return isinstance(value, str) and value == DONT_KNOW


def merge_choices(base: Any, desired: Any, current: Any, order: Sequence[str]) -> Any:
    """A multi-choice answer: options ticked or unticked in this tab, applied to ``current``.

    Values are a list of option ids, ``DONT_KNOW`` or ``None`` (nothing ticked). The
    result lists options in ``order`` (the bank's) and is ``None`` when empty.
    """
    if _is_whole(desired) or _is_whole(base):
        if current != base:
            raise StaleAnswerError(current)
        return desired
    if _is_whole(current):
        raise StaleAnswerError(current)
    before = set(base or [])
    after = set(desired or [])
    merged = (set(current or []) | (after - before)) - (before - after)
    ordered = [o for o in order if o in merged] + sorted(merged - set(order))
    return ordered or None


Matrix = dict[str, dict[str, str]]


def _cells(value: Any) -> dict[tuple[str, str], str]:
    if not isinstance(value, dict):
        return {}
    return {
        (str(activity), str(role)): str(letters)
        for activity, row in value.items()
        if isinstance(row, dict)
        for role, letters in row.items()
        if letters
    }


def merge_raci(base: Any, desired: Any, current: Any) -> Any:
    """A RACI grid: cells changed in this tab, applied to ``current``.

    Values are ``{activity: {role: letters}}``, ``DONT_KNOW`` or ``None``; an empty cell
    is absent. The result is ``None`` when no cell is filled.
    """
    if _is_whole(desired) or _is_whole(base):
        if current != base:
            raise StaleAnswerError(current)
        return desired
    if _is_whole(current):
        raise StaleAnswerError(current)
    before, after = _cells(base), _cells(desired)
    merged = _cells(current)
    for cell in before.keys() | after.keys():
        if before.get(cell) == after.get(cell):
            continue
        if cell in after:
            merged[cell] = after[cell]
        else:
            merged.pop(cell, None)
    matrix: Matrix = {}
    for (activity, role), letters in merged.items():
        matrix.setdefault(activity, {})[role] = letters
    return matrix or None
