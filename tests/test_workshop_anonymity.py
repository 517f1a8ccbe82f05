"""Anonymity (issue 11, item 3): every shared number counts only the people who answered
the thing shown, and the export is pseudonymous, shuffled and withheld below the threshold.

The attacks: with threshold 3 and one answer, the Approach tab read "top-down: 1 ·
undetermined: 2" (the two were people who had not answered); the "anonymised" CSV numbered
participants in join order, the order of names on the facilitator page, with no threshold.
"""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import Engine
from workshop_db import bank, engine, pg_url

from assessment.models import DONT_KNOW, Bank
from assessment.store import workshops as ws
from assessment.workshop import aggregate

__all__ = ["bank", "engine", "pg_url"]  # fixtures

TOP = {"budget": "yes", "start": "management", "sits": "platform"}


def test_approach_spread_counts_only_people_who_answered_it(bank: Bank) -> None:
    room = [TOP, {}, {}]  # one answer, two people who have not answered
    agg = aggregate(bank, room, threshold=3)
    assert agg.participants == 3
    assert agg.approach_answered == 1
    assert agg.approaches == {}  # not "top-down: 1 · undetermined: 2"
    # "Don't know" to every approach question is no answer about the approach either.
    unsure = dict.fromkeys(("budget", "start", "sits"), DONT_KNOW)
    assert aggregate(bank, [TOP, unsure, unsure], threshold=3).approaches == {}
    bottom = {"budget": "no", "start": "field", "sits": "business"}
    full = aggregate(bank, [TOP, TOP, bottom, {}], threshold=3)
    assert full.approaches == {"top-down": 2, "bottom-up": 1}
    assert full.approach_answered == 3
    # Someone who answered too little to classify did answer: "undetermined" is true of them.
    some = aggregate(bank, [TOP, TOP, {"budget": "no"}], threshold=3)
    assert some.approaches == {"top-down": 2, "undetermined": 1}


def test_question_counts_need_that_many_answers_to_the_question(bank: Bank) -> None:
    room = [{"cap_versioning": 2}, {"cap_deploy": 1}, {"cap_deploy": 3}]
    agg = aggregate(bank, room, threshold=3)
    versioning = agg.questions["cap_versioning"]
    assert versioning.responses == 1
    assert versioning.counts == [] and versioning.median_level is None
    assert versioning.disagreement is None


def test_dont_know_counts_are_withheld_below_the_threshold(bank: Bank) -> None:
    few = aggregate(bank, [{"cap_versioning": 2}, {"cap_versioning": DONT_KNOW}], threshold=3)
    spread = few.questions["cap_versioning"]
    assert spread.responses == 2
    assert spread.unknown is None  # "1 answered · 1 don't know" would single someone out
    enough = aggregate(
        bank,
        [{"cap_versioning": 2}, {"cap_versioning": DONT_KNOW}, {"cap_versioning": 3}],
        threshold=3,
    )
    assert enough.questions["cap_versioning"].unknown == 1


def test_dimension_spread_counts_people_with_a_score_in_it(bank: Bank) -> None:
    room: list[dict[str, object]] = [{"cap_deploy": 4}, {"budget": "yes"}, {"budget": "no"}]
    agg = aggregate(bank, room, threshold=3)
    ops = next(d for d in agg.dimensions if d.id == "ops")
    assert ops.n == 1 and ops.median is None and ops.high is None


def _export_order(engine: Engine, bank: Bank, workshop: ws.Workshop) -> list[str]:
    rows = list(csv.DictReader(io.StringIO(ws.export_csv(engine, workshop, bank))))
    numbered = {r["participant"]: r["answer"] for r in rows if r["question_id"] == "size"}
    return [numbered[f"P{i}"] for i in range(1, len(numbered) + 1)]


def test_export_numbers_participants_in_a_fresh_random_order(engine: Engine, bank: Bank) -> None:
    workshop = ws.create(engine, bank, "Kick-off", threshold=3)
    for size in range(8):  # joined in this order: size 0 first, size 7 last
        token = ws.join(engine, workshop.code, f"Person {size}", f"ip:1.1.1.{size}")
        ws.save_participant_answer(engine, token, "size", size)
    join_order = [str(size) for size in range(8)]
    orders = [_export_order(engine, bank, workshop) for _ in range(6)]
    assert all(sorted(order) == join_order for order in orders)
    # 8! orders: six exports all in join order, or all alike, would be chance 1 in 40320^5.
    assert any(order != join_order for order in orders)
    assert len({tuple(order) for order in orders}) > 1
    exported = ws.export_csv(engine, workshop, bank)
    assert "Person" not in exported


def test_export_is_refused_below_the_threshold_counting_people_who_answered(
    engine: Engine, bank: Bank
) -> None:
    workshop = ws.create(engine, bank, "Kick-off", threshold=3)
    tokens = [ws.join(engine, workshop.code, None, f"ip:1.1.1.{i}") for i in range(5)]
    ws.save_participant_answer(engine, tokens[0], "budget", "yes")
    ws.save_participant_answer(engine, tokens[1], "budget", "no")
    assert ws.respondents(engine, workshop.id) == 2
    message = (
        "The responses can be downloaded once at least 3 participants have answered (the "
        "workshop's anonymity threshold); 2 have so far."
    )
    with pytest.raises(ws.WorkshopError) as refused:
        ws.export_csv(engine, workshop, bank)
    assert str(refused.value) == message
    ws.save_participant_answer(engine, tokens[2], "budget", "yes")
    rows = list(csv.DictReader(io.StringIO(ws.export_csv(engine, workshop, bank))))
    assert {r["participant"] for r in rows} == {"P1", "P2", "P3"}
