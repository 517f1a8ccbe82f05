"""Question types in one place: the registry, the shared rules, each type's behaviour.

The answer checks, levels and answer texts are tested through their long-standing
callers (``test_answers.py``, ``test_scoring.py``); here are the registry's own promises
and the workshop's exact spread.
"""

from __future__ import annotations

import random
import statistics
import typing

import pytest

from assessment.models import DONT_KNOW, Bank, QuestionType
from assessment.types import REGISTRY, answer_text, check_value, kind_of, question_level
from assessment.types.base import GENERIC_OPERATORS, pstdev


def test_the_registry_names_every_type_of_the_bank_format() -> None:
    assert list(REGISTRY) == list(typing.get_args(QuestionType))


def test_every_type_answers_the_generic_operators_it_can() -> None:
    for name, kind in REGISTRY.items():
        expected = {"answered"} if name == "text" else set(GENERIC_OPERATORS)
        assert expected <= kind.OPERATORS, name


def test_empty_and_dont_know_never_reach_a_type_module(mini_bank: Bank) -> None:
    for q in mini_bank.questions.values():
        assert check_value(q, None) == (None, [])
        assert question_level(q, None) is None
        assert question_level(q, DONT_KNOW) is None
        assert answer_text(q, None) == "not answered"
        assert answer_text(q, DONT_KNOW) == "don't know"
        if q.offers_dont_know:
            assert check_value(q, DONT_KNOW) == (DONT_KNOW, [])
        else:
            assert check_value(q, DONT_KNOW)[1] == [
                ((), f"question '{q.id}' does not offer \"don't know\"")
            ]


def test_kind_of_is_the_registered_module(mini_bank: Bank) -> None:
    for q in mini_bank.questions.values():
        assert kind_of(q) is REGISTRY[q.type]


@pytest.mark.parametrize("seed", range(40))
def test_the_spread_is_statistics_pstdev_to_the_last_bit(seed: int) -> None:
    rng = random.Random(seed)
    pool = [0.0, 1.0, 2.0, 3.0, 4.0, 0.75, 4 / 3, 8 / 3, 3.2, rng.random() * 4]
    for _ in range(50):
        values = [rng.choice(pool[: rng.randint(1, len(pool))]) for _ in range(rng.randint(1, 600))]
        assert pstdev(values) == statistics.pstdev(values)
        whole = [int(v) for v in values]
        assert pstdev(whole) == statistics.pstdev(whole)
