"""Responsibility matrix (RACI): activities × roles, letters R, A, C, I per cell.

An answer is ``{activity: {role: letters}}`` with letters in the canonical order R, A,
C, I (``"RA"`` reads "R/A"); an empty cell is absent. The level is 4 × the share of
activities with a Responsible and one Accountable (:func:`health`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from assessment.errors import shorten, unknown_name
from assessment.i18n import translator
from assessment.models import Activity, Question, QuestionCondition, Role, ScaleLevel, localize
from assessment.types.base import (
    GENERIC_OPERATORS,
    AnswerProblems,
    Checked,
    OptionCount,
    described,
    listed,
    nominal,
)

OPERATORS = GENERIC_OPERATORS
LETTERS = "RACI"
CELL_CHOICES = ("", "R", "A", "C", "I", "RA")
"""What a cell can be set to in a form: empty, one letter, or R/A (the common pair)."""


def normalise(value: Any) -> str | None:
    """'r/a', 'AR', 'R, A' → 'RA' (canonical order R, A, C, I); None when not RACI letters."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return None
    letters = value.upper().replace("/", "").replace(",", "").replace(" ", "")
    if any(ch not in LETTERS for ch in letters) or len(set(letters)) != len(letters):
        return None
    return "".join(ch for ch in LETTERS if ch in letters)


def cell_text(letters: str) -> str:
    """How a cell reads: "" → "–", "RA" → "R/A"."""
    return "/".join(letters) if letters else "–"


def check(q: Question, value: Any, lang: str = "en") -> Checked:
    _ = translator(lang).gettext
    activities = [a.id for a in q.activities]
    roles = [r.id for r in q.roles]
    if not isinstance(value, dict):
        message = _("expected a mapping of activity to roles, e.g. {example}, found {found}")
        example = f"{activities[0]}: {{{roles[0]}: A}}"
        return None, [((), message.format(example=example, found=described(value, lang)))]
    errors: AnswerProblems = []
    result: dict[str, dict[str, str]] = {}
    for activity, cells in value.items():
        if activity not in activities:
            message = _("unknown activity '{activity}'; expected one of {activities}")
            errors.append(
                (
                    (activity,),
                    message.format(
                        activity=shorten(str(activity)), activities=listed(activities, lang)
                    ),
                )
            )
            continue
        if cells is None:
            continue
        if not isinstance(cells, dict):
            message = _("expected a mapping of role to letters (R, A, C, I), found {found}")
            errors.append(((activity,), message.format(found=described(cells, lang))))
            continue
        row: dict[str, str] = {}
        for role, letters in cells.items():
            if role not in roles:
                message = _("unknown role '{role}'; expected one of {roles}")
                errors.append(
                    (
                        (activity, role),
                        message.format(role=shorten(str(role)), roles=listed(roles, lang)),
                    )
                )
                continue
            normal = normalise(letters)
            if normal is None:
                message = _("expected letters from R, A, C, I such as 'R' or 'R/A', found {found}")
                errors.append(((activity, role), message.format(found=described(letters, lang))))
            elif normal:
                row[role] = normal
        if row:
            result[activity] = row
    return (None, errors) if errors else (result or None, [])


def health(q: Question, matrix: Mapping[str, Mapping[str, str]]) -> float:
    """Share of activities with an Accountable and a Responsible role.

    One Accountable is best; accountability shared by several roles (as the talk's own
    matrix does for the training pipeline) still works when someone settles
    disagreements, so it earns most of the credit rather than none.
    """
    good = 0.0
    for activity in q.activities:
        row = matrix.get(activity.id, {})
        accountable = sum("A" in cell for cell in row.values())
        responsible = sum("R" in cell for cell in row.values())
        if responsible >= 1 and accountable == 1:
            good += 1
        elif responsible >= 1 and accountable > 1:
            good += 0.75
    return good / len(q.activities)


def level(q: Question, value: Any) -> float | None:
    return 4.0 * health(q, value)


def answer_text(q: Question, value: Any, lang: str) -> str:
    tr = translator(lang)
    rows = []
    for activity in q.activities:
        row = value.get(activity.id, {})
        cells = tr.join(f"{localize(r.title, lang)} {row[r.id]}" for r in q.roles if row.get(r.id))
        cells = cells or tr.gettext("nobody")
        rows.append(tr.labelled(localize(activity.title, lang), cells))
    # One row per activity, the language's "rows" apart: the report splits the rows on it.
    return tr.join(rows, "rows")


def holds(cond: QuestionCondition, q: Question, value: Any) -> bool:
    return False


def condition_problems(cond: QuestionCondition, q: Question) -> list[tuple[str, str]]:
    return []


def bank_problems(q: Question) -> AnswerProblems:
    problems: AnswerProblems = []
    named: tuple[tuple[str, Sequence[Activity | Role]], ...] = (
        ("activities", q.activities),
        ("roles", q.roles),
    )
    for key, items in named:
        ids: set[str] = set()
        for i, item in enumerate(items):
            if item.id in ids:
                problems.append(((key, i, "id"), f"duplicate id '{item.id}' in {key}"))
            ids.add(item.id)
    roles = [r.id for r in q.roles]
    if q.tie_breaker is not None and q.tie_breaker not in roles:
        message = unknown_name("role", q.tie_breaker, roles, f"raci question '{q.id}'")
        problems.append((("tie_breaker",), message))
    return problems


def answer_nodes(q: Question) -> int:
    return 4 + len(q.activities) * (3 + 2 * len(q.roles))


def template_hint(q: Question, lang: str) -> str:
    return translator(lang).gettext(
        "letters R, A, C, I per role (e.g. R/A); leave empty where a role has no part"
    )


def template_lines(q: Question, scale: Sequence[ScaleLevel], lang: str) -> list[str]:
    tr = translator(lang)
    roles = tr.join(f"{r.id} ({localize(r.title, lang)})" for r in q.roles)
    roles_line = tr.gettext("roles: {roles}").format(roles=roles)
    lines = [f"  #   {roles_line}", f"  {q.id}:"]
    for activity in q.activities:
        lines.append(f"    {activity.id}:   # {localize(activity.title, lang)}")
        lines.extend(f"      {role.id}:" for role in q.roles)
    return lines


def disagreement(q: Question, given: Sequence[Any], levels: Sequence[float] | None) -> float | None:
    """The normalised Gini–Simpson index averaged over the cells."""
    scores = []
    for activity in q.activities:
        for role in q.roles:
            cells = Counter(a.get(activity.id, {}).get(role.id, "") for a in given)
            scores.append(nominal(cells, 5, len(given)))
    return sum(scores) / len(scores) if scores else None


def counts(q: Question, given: Sequence[Any], scale: Sequence[ScaleLevel]) -> list[OptionCount]:
    return []


def numbers(given: Sequence[Any]) -> list[float]:
    return []
