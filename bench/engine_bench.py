"""Engine figures: scoring one answer set, aggregating a room, loading the bank cold."""

from __future__ import annotations

import json
import random
from pathlib import Path

from assessment.engine import assess
from assessment.loader import DEFAULT_BANK, load_answers, load_bank
from assessment.models import Bank
from assessment.workshop import aggregate
from bench.timing import Measure, measure

PERSONAS = Path(__file__).resolve().parent.parent / "tests" / "personas"


def random_room(bank: Bank, size: int, seed: int = 7) -> list[dict[str, object]]:
    """``size`` participants answering every question at random (valid answers)."""
    rng = random.Random(seed)
    room = []
    for _ in range(size):
        values: dict[str, object] = {}
        for qid, q in bank.questions.items():
            if q.type == "scale":
                values[qid] = rng.choice([0, 1, 2, 3, 4, "dont_know"])
            elif q.type == "single":
                values[qid] = rng.choice(q.options).id
            elif q.type == "multi":
                choices = [o.id for o in q.options if not o.exclusive]
                values[qid] = rng.sample(choices, k=rng.randint(0, len(choices)))
            elif q.type == "number":
                values[qid] = rng.randint(int(q.min or 0), int(min(q.max or 20, 20)))
            elif q.type == "raci":
                values[qid] = {
                    a.id: {r.id: rng.choice(["R", "A", "C", "I", "RA"]) for r in q.roles}
                    for a in q.activities
                }
        room.append(values)
    return room


def run(quick: bool = False) -> list[Measure]:
    runs = 30 if quick else 200
    bank = load_bank(DEFAULT_BANK)
    answers = load_answers(PERSONAS / "mature_data_team.yaml", bank)
    floor = measure(
        "floor: json round trip of the answers",
        lambda: json.loads(json.dumps(answers.values)),
        runs=runs,
    )
    results = [
        measure(
            "score one complete answer set",
            lambda: assess(bank, answers),
            runs=runs,
            budget_ms=2.0,
            baseline_ms=floor.p50_ms,
        )
    ]
    room = random_room(bank, 500)
    results.append(
        measure(
            "aggregate 500 participants",
            lambda: aggregate(bank, room, 3),
            runs=max(5, runs // 10),
            budget_ms=100.0,
        )
    )
    results.append(
        measure(
            "cold bank load and validation",
            lambda: load_bank(DEFAULT_BANK),
            runs=max(5, runs // 10),
            note="once per process (st.cache_resource)",
        )
    )
    return results
