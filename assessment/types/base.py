"""What every question type provides, and the helpers the type modules share.

A question type is one module (``assessment/types/<name>.py``) with the functions and
constants of :class:`QuestionKind`; :mod:`assessment.types` maps type names to them.
The generic rules live with the callers, so each type module only handles a real
answer: an empty answer (``None``) and "don't know" never reach it.
"""

from __future__ import annotations

import math
import statistics
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Protocol

from assessment.errors import FieldPath
from assessment.i18n import translator
from assessment.models import Question, QuestionCondition, ScaleLevel

AnswerProblems = list[tuple[FieldPath, str]]
"""What is wrong with an answer: (sub-path inside the answer, plain message) pairs."""
Checked = tuple[Any, AnswerProblems]
"""An answer check's outcome: (normalised value or None, problems)."""

GENERIC_OPERATORS = frozenset({"answered", "unknown"})
"""Condition operators every type answers (``unknown`` only where "don't know" is offered)."""


@dataclass(frozen=True, slots=True)
class OptionCount:
    """How many people chose one option (or scale level) of a question, in a workshop."""

    id: str
    label: str
    count: int


class QuestionKind(Protocol):
    """The behaviour of one question type. Each type module satisfies it.

    Functions that take a value get a real answer: neither ``None`` (unanswered) nor
    "don't know", which every caller handles the same way for every type.
    """

    OPERATORS: frozenset[str]
    """Condition operators that apply to this type (``in_`` is written ``in``)."""

    def check(self, q: Question, value: Any, lang: str = "en") -> Checked:
        """An answer from a file or a widget, normalised, or the problems with it (their
        messages in ``lang``)."""
        ...

    def level(self, q: Question, value: Any) -> float | None:
        """The maturity level 0–4 a (checked) answer means, or None when it carries none."""
        ...

    def answer_text(self, q: Question, value: Any, lang: str) -> str:
        """A (checked) answer in the words the person saw."""
        ...

    def holds(self, cond: QuestionCondition, q: Question, value: Any) -> bool:
        """Whether a type-specific operator (not answered/unknown) holds for an answer."""
        ...

    def condition_problems(self, cond: QuestionCondition, q: Question) -> list[tuple[str, str]]:
        """Bank check of a condition on this type beyond operators and option ids:
        (key of the condition, message) pairs."""
        ...

    def bank_problems(self, q: Question) -> AnswerProblems:
        """Bank cross-checks of a question of this type: (path inside it, message)."""
        ...

    def answer_nodes(self, q: Question) -> int:
        """The most YAML nodes a complete answer to ``q`` needs in an answers file."""
        ...

    def template_hint(self, q: Question, lang: str) -> str:
        """What to write, for the answers-file template ("one option id", …), in ``lang``."""
        ...

    def template_lines(self, q: Question, scale: Sequence[ScaleLevel], lang: str) -> list[str]:
        """The template's lines for ``q`` after its hint: choices (in ``lang``), then the
        answer key."""
        ...

    def disagreement(
        self, q: Question, given: Sequence[Any], levels: Sequence[float] | None
    ) -> float | None:
        """0 (a room agrees) … 1 (maximal disagreement) over at least two real answers;
        ``levels`` are their levels when already known."""
        ...

    def counts(
        self, q: Question, given: Sequence[Any], scale: Sequence[ScaleLevel]
    ) -> list[OptionCount]:
        """How many chose each choice (empty where the type has no choices)."""
        ...

    def numbers(self, given: Sequence[Any]) -> list[float]:
        """The values given, smallest first, where answers are numbers (else empty)."""
        ...


# --------------------------------------------------------------------------- shared helpers


def at_least_or_most(cond: QuestionCondition, number: float | None) -> bool:
    """``at_least`` / ``at_most`` against a number (an answer's value or level)."""
    if number is None:
        return False
    if cond.at_least is not None:
        return number >= cond.at_least
    if cond.at_most is not None:
        return number <= cond.at_most
    return False


def levels_spread(levels: Sequence[float]) -> float:
    """Disagreement over ordinal answers: standard deviation over its maximum (2 on 0–4)."""
    return min(1.0, pstdev(levels) / 2)


_SQRT_BITS = 2 * sys.float_info.mant_dig + 3


def pstdev(values: Sequence[float]) -> float:
    """:func:`statistics.pstdev` to the last bit, computed over the distinct values.

    A room's answers take a handful of levels, so the exact sum of squares is worked out
    once per distinct value rather than once per person (statistics builds a fraction
    for every value), and its square root is rounded correctly as statistics does.
    """
    counts = Counter(values)
    n = len(values)
    if not n:
        raise statistics.StatisticsError("pstdev requires at least one data point")
    exact = [(Fraction(value), count) for value, count in counts.items()]
    sx = sum((x * count for x, count in exact), Fraction(0))
    sxx = sum((x * x * count for x, count in exact), Fraction(0))
    variance = (n * sxx - sx * sx) / n / n
    return _sqrt_of_fraction(variance.numerator, variance.denominator)


def _sqrt_of_fraction(n: int, m: int) -> float:
    """Square root of n/m as a float, correctly rounded (round to odd, then to float)."""
    shift = (n.bit_length() - m.bit_length() - _SQRT_BITS) // 2
    if shift >= 0:
        root = _isqrt_rto(n, m << 2 * shift) << shift
        return root / 1
    return _isqrt_rto(n << -2 * shift, m) / (1 << -shift)


def _isqrt_rto(n: int, m: int) -> int:
    """Square root of n/m, rounded to an integer with round-to-odd."""
    a = math.isqrt(n // m)
    return a | (a * a * m != n)


def nominal(counts: Counter[Any], k: int, n: int) -> float:
    """Normalised Gini–Simpson index: 0 when all agree, 1 when spread evenly over k."""
    if n < 2 or k < 2:
        return 0.0
    simpson = 1 - sum((c / n) ** 2 for c in counts.values())
    return min(1.0, simpson / (1 - 1 / k))


def key_line(q: Question) -> str:
    """The template line an answer is written on."""
    return f"  {q.id}:"


def listed(items: Sequence[str], lang: str = "en") -> str:
    """Up to eight names, then how many more: messages stay short for long lists."""
    tr = translator(lang)
    shown = list(items[:8])
    if len(items) > 8:
        shown.append(tr.gettext("… ({n} more)").format(n=tr.number(len(items) - 8)))
    return tr.join(shown)


def number_text(value: float) -> str:
    """``3`` for 3.0, ``2.5`` for 2.5: numbers in messages as a person writes them."""
    return str(int(value)) if float(value).is_integer() else str(value)


def described(value: Any, lang: str = "en") -> str:
    """What a wrong answer is, in words: "the text 'x'", "a list", "true/false"."""
    _ = translator(lang).gettext
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, int | float):
        return _("the number {number}").format(number=number_text(value))
    if isinstance(value, str):
        return _("the text {text}").format(text=repr(value[:40]))
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping")
    return _("nothing") if value is None else type(value).__name__


def is_number(value: Any) -> bool:
    return not isinstance(value, bool) and isinstance(value, int | float)
