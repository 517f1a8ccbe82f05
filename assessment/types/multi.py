"""Multiple choice: a list of option ids; options may earn ``credit`` toward a level, and
an ``exclusive`` option ("none of these") cannot be combined with others."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from assessment.errors import shorten
from assessment.i18n import translator
from assessment.models import Question, QuestionCondition, ScaleLevel, localize
from assessment.types.base import (
    GENERIC_OPERATORS,
    AnswerProblems,
    Checked,
    OptionCount,
    described,
    key_line,
    listed,
)

OPERATORS = GENERIC_OPERATORS | {"includes", "includes_any", "includes_all", "excludes"}


def combination_problem(q: Question, chosen: Sequence[str]) -> str | None:
    """The exclusive option that cannot be combined with the others chosen, if any."""
    if len(chosen) > 1:
        for option in q.options:
            if option.exclusive and option.id in chosen:
                return option.id
    return None


def check(q: Question, value: Any, lang: str = "en") -> Checked:
    _ = translator(lang).gettext
    options = [o.id for o in q.options]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        message = _("expected a list of option ids from {options}, found {found}")
        return None, [
            ((), message.format(options=listed(options, lang), found=described(value, lang)))
        ]
    errors: AnswerProblems = []
    for i, v in enumerate(value):
        if v not in options:
            message = _("'{value}' is not an option of '{question}'; expected some of {options}")
            errors.append(
                (
                    (i,),
                    message.format(value=shorten(v), question=q.id, options=listed(options, lang)),
                )
            )
    if len(set(value)) != len(value):
        errors.append(((), _("lists the same option twice")))
    exclusive = [o.id for o in q.options if o.exclusive and o.id in value]
    if exclusive and len(value) > 1:
        message = _("'{option}' cannot be combined with other options")
        errors.append(((), message.format(option=exclusive[0])))
    return (None, errors) if errors else ([o for o in options if o in value], [])


def level(q: Question, value: Any) -> float | None:
    total = q.total_credit
    if total <= 0:
        return None
    options = q.option_map
    earned = sum(options[v].credit or 0 for v in value if v in options)
    return min(4.0, 4.0 * earned / total)


def answer_text(q: Question, value: Any, lang: str) -> str:
    labels = [localize(o.label, lang) for o in q.options if o.id in value]
    tr = translator(lang)
    return tr.join(labels, "choices") if labels else tr.gettext("none selected")


def holds(cond: QuestionCondition, q: Question, value: Any) -> bool:
    if not isinstance(value, list):
        return False
    op = cond.operator
    if op == "includes":
        return cond.includes in value
    if op == "includes_any":
        return any(v in value for v in cond.includes_any or [])
    if op == "includes_all":
        return all(v in value for v in cond.includes_all or [])
    if op == "excludes":
        return cond.excludes not in value
    return False


def condition_problems(cond: QuestionCondition, q: Question) -> list[tuple[str, str]]:
    return []


def bank_problems(q: Question) -> AnswerProblems:
    if q.dimension is not None and all(not o.credit for o in q.options):
        return [(("dimension",), "a scored multi question needs a credit on some option")]
    return []


def answer_nodes(q: Question) -> int:
    return 2 + len(q.options)


def template_hint(q: Question, lang: str) -> str:
    return translator(lang).gettext("a list of option ids, e.g. [a, b]")


def template_lines(q: Question, scale: Sequence[ScaleLevel], lang: str) -> list[str]:
    return [*(f"  #   {o.id}: {localize(o.label, lang)}" for o in q.options), key_line(q)]


def disagreement(q: Question, given: Sequence[Any], levels: Sequence[float] | None) -> float | None:
    """The mean of 4p(1−p) over the options, p the share of people who chose each."""
    n = len(given)
    chosen = _chosen_by(given)
    shares = [chosen[o.id] / n for o in q.options]
    return sum(4 * p * (1 - p) for p in shares) / len(shares)


def counts(q: Question, given: Sequence[Any], scale: Sequence[ScaleLevel]) -> list[OptionCount]:
    chosen = _chosen_by(given)
    return [OptionCount(o.id, localize(o.label), chosen[o.id]) for o in q.options]


def _chosen_by(given: Sequence[Any]) -> Counter[str]:
    """How many answers include each option (one pass over the answers)."""
    return Counter(option for answer in given for option in set(answer))


def numbers(given: Sequence[Any]) -> list[float]:
    return []
