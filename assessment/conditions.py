"""Evaluate the bank's structured conditions (``show_if``, rule and symptom triggers).

Nothing is ever evaluated as code: a condition is a small tree of known operators. An
unanswered question (or one answered "don't know") makes every test on it false, except
``answered: false`` and ``unknown``, so a rule never fires on an answer nobody gave.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assessment.models import (
    DONT_KNOW,
    AllCondition,
    AnyCondition,
    ApproachCondition,
    Bank,
    NotCondition,
    QuestionCondition,
    RaciCondition,
)
from assessment.types import REGISTRY


def evaluate(cond: Any, bank: Bank, values: Mapping[str, Any], approach: str | None = None) -> bool:
    """True when ``cond`` holds for ``values`` (answers of visible questions only)."""
    if isinstance(cond, QuestionCondition):
        return _question(cond, bank, values.get(cond.question))
    if isinstance(cond, AllCondition):
        return all(evaluate(c, bank, values, approach) for c in cond.all)
    if isinstance(cond, AnyCondition):
        return any(evaluate(c, bank, values, approach) for c in cond.any)
    if isinstance(cond, NotCondition):
        return not evaluate(cond.not_, bank, values, approach)
    if isinstance(cond, RaciCondition):
        matrix = values.get(cond.raci)
        if not isinstance(matrix, dict):
            return False
        cell = matrix.get(cond.activity, {}).get(cond.role, "")
        if cond.has is not None:
            return cond.has in cell
        return cond.lacks not in cell
    if isinstance(cond, ApproachCondition):
        return approach in cond.approach
    raise TypeError(f"not a condition: {cond!r}")


def _question(cond: QuestionCondition, bank: Bank, value: Any) -> bool:
    op = cond.operator
    if op == "answered":
        return bool((value is not None and value != DONT_KNOW) == cond.answered)
    if op == "unknown":
        return bool((value == DONT_KNOW) == cond.unknown)
    if value is None or value == DONT_KNOW:
        return False
    question = bank.questions.get(cond.question)
    if question is None:
        return False
    return REGISTRY[question.type].holds(cond, question, value)


def visible_questions(bank: Bank, values: Mapping[str, Any]) -> frozenset[str]:
    """Ids of the questions shown for these answers.

    A question whose ``show_if`` refers to a hidden question sees that answer as missing,
    so hiding cascades. Conditional questions are evaluated in dependency order (the
    loader has refused cycles); the result is shared and must not be modified.
    """
    hidden: set[str] = set()
    for qid, refs in _conditional_order(bank):
        seen = {ref: values[ref] for ref in refs if ref in values and ref not in hidden}
        if not evaluate(bank.questions[qid].show_if, bank, seen):
            hidden.add(qid)
    return bank.question_ids - hidden if hidden else bank.question_ids


_ORDER_CACHE: dict[int, tuple[Bank, list[tuple[str, frozenset[str]]]]] = {}


def _conditional_order(bank: Bank) -> list[tuple[str, frozenset[str]]]:
    """Conditional questions with the ids they read, each after the questions it reads."""
    cached = _ORDER_CACHE.get(id(bank))
    if cached is not None and cached[0] is bank:
        return cached[1]
    refs = {
        qid: frozenset(referenced(q.show_if))
        for qid, q in bank.questions.items()
        if q.show_if is not None
    }
    order: list[tuple[str, frozenset[str]]] = []
    placed: set[str] = set()

    def place(qid: str, trail: frozenset[str]) -> None:
        if qid in placed or qid in trail:
            return
        for ref in refs[qid]:
            if ref in refs:
                place(ref, trail | {qid})
        placed.add(qid)
        order.append((qid, refs[qid]))

    for qid in refs:
        place(qid, frozenset())
    if len(_ORDER_CACHE) > 32:
        _ORDER_CACHE.clear()
    _ORDER_CACHE[id(bank)] = (bank, order)
    return order


def referenced(cond: Any) -> set[str]:
    """Question ids a condition reads."""
    if isinstance(cond, QuestionCondition):
        return {cond.question}
    if isinstance(cond, RaciCondition):
        return {cond.raci}
    if isinstance(cond, AllCondition):
        return set().union(*(referenced(c) for c in cond.all))
    if isinstance(cond, AnyCondition):
        return set().union(*(referenced(c) for c in cond.any))
    if isinstance(cond, NotCondition):
        return referenced(cond.not_)
    return set()


def evidence_questions(cond: Any, bank: Bank, values: Mapping[str, Any]) -> list[str]:
    """The answered questions a condition read, in bank order: a finding's evidence."""
    refs = referenced(cond)
    return [qid for qid in bank.questions if qid in refs and values.get(qid) is not None]
