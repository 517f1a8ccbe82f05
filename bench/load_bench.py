"""Workshop load: N participants answer through the app's WebSocket protocol at once.

For each N and pattern a fresh server and database are started; participants join the
workshop (through the store, as the join page does) and then answer the first section's
questions on the real Assessment page. Two patterns:

- ``pace``: a room at a brisk human pace, each participant answering every 3–5 s.
- ``burst``: everyone answers the same question within one second ("please answer now").

Reported: round-trip percentiles (send → script finished), errors, server memory per
session, and a database check that every answer sent is stored exactly once.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import tempfile
import time
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select

from assessment.loader import default_bank_dir, load_bank
from assessment.models import DONT_KNOW, Bank, Question
from assessment.store import repository
from assessment.store import workshops as ws
from assessment.store.db import make_engine
from assessment.store.tables import answers, assessments
from bench import browser_check
from bench.app_server import AppServer
from bench.st_client import StreamlitClient

PAGE = "assessment"
ANSWERS_PER_PARTICIPANT = 5


@dataclass
class Scenario:
    pattern: str
    participants: int
    replicas: int = 1
    interactions: int = 0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    max_ms: float = 0.0
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)
    lost_answers: int = 0
    duplicate_rows: int = 0
    wrong_values: int = 0
    rss_before_mb: float = 0.0
    rss_after_mb: float = 0.0
    mb_per_session: float = 0.0
    seconds: float = 0.0
    fragment_runs: int = 0
    """Answers the server served by rerunning fragments only (not the whole page)."""
    floor_p95_ms: float | None = None
    """The floor app's p95 under the same pattern, where one was measured (burst)."""
    server_cpu_ms_per_answer: float = 0.0
    """Server CPU time (all replicas) from the first answer to the last, per answer."""

    @property
    def ok(self) -> bool:
        return (
            self.p95_ms < 300
            and self.errors == 0
            and self.lost_answers == 0
            and self.duplicate_rows == 0
            and self.wrong_values == 0
        )


def radio_values(bank: Bank, q: Question) -> list[Any]:
    """The values behind a question's radio buttons, in the order the page draws them."""
    values: list[Any] = (
        [level.level for level in bank.info.scale]
        if q.type == "scale"
        else [o.id for o in q.options]
    )
    if q.offers_dont_know:
        values.append(DONT_KNOW)
    return values


def _percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


class Participant:
    def __init__(
        self,
        base_url: str,
        token: str,
        bank: Bank,
        rng: random.Random,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.client = StreamlitClient(base_url, timeout=60, headers=headers)
        self.query = f"resume={token}"
        self.token = token
        self.bank = bank
        self.rng = rng
        self.sent: dict[str, Any] = {}
        self.times: list[float] = []
        self.errors: list[str] = []
        self.questions: list[str] = []
        self.first_raw: list[bytes] = []
        """What the page sent when it opened (a floor app is generated from it)."""
        self.answer_raw: list[bytes] = []
        """What its answers' runs sent (the fragments' elements once answered)."""
        self.fragment_runs = 0

    async def open(self) -> None:
        await self.client.__aenter__()
        run = await self.client.run(PAGE, self.query)
        self.first_raw = run.raw
        self.errors += run.errors
        self.questions = [
            key[3:]
            for key, w in run.widgets.items()
            if key.startswith("q__") and "__" not in key[3:] and w.kind == "radio"
        ]

    async def answer(self, qid: str) -> None:
        q = self.bank.questions[qid]
        values = radio_values(self.bank, q)
        # A new choice each time (the same one again would be no answer at all).
        fresh = [i for i, v in enumerate(values) if v != self.sent.get(qid)] or [0]
        index = self.rng.choice(fresh)
        labels = self.client.widgets[f"q__{qid}"].options  # a radio's state is its label
        try:
            run = await self.client.run(
                PAGE, self.query, [(f"q__{qid}", "string_value", labels[index])]
            )
        except Exception as exc:
            self.errors.append(f"{type(exc).__name__}: {exc}")
            return
        self.times.append(run.seconds * 1000)
        self.errors += run.errors
        self.answer_raw += run.raw
        self.sent[qid] = values[index]
        self.fragment_runs += run.fragment_run

    async def close(self) -> None:
        await self.client.__aexit__(None, None, None)


async def _pace(people: list[Participant], rng: random.Random) -> None:
    async def one(p: Participant) -> None:
        await asyncio.sleep(rng.uniform(0, 3))
        for qid in p.questions[:ANSWERS_PER_PARTICIPANT]:
            await asyncio.sleep(rng.uniform(3, 5))
            await p.answer(qid)

    await asyncio.gather(*(one(p) for p in people))


async def _burst(people: list[Participant], rng: random.Random, rounds: int = 3) -> None:
    """``rounds`` bursts, 2 s apart: everyone answers within 1 s (the radio questions in
    turn; a question again takes a new choice)."""
    for r in range(rounds):

        async def one(p: Participant, r: int = r) -> None:
            await asyncio.sleep(rng.uniform(0, 1))
            await p.answer(p.questions[r % len(p.questions)])

        await asyncio.gather(*(one(p) for p in people))
        await asyncio.sleep(2)


async def _scenario(
    servers: list[AppServer], tokens: list[str], bank: Bank, pattern: str, rounds: int = 3
) -> tuple[list[Participant], float, float]:
    rng = random.Random(42)
    # Participants are spread over the servers, as a sticky load balancer would.
    people = [
        Participant(servers[i % len(servers)].url, t, bank, random.Random(i))
        for i, t in enumerate(tokens)
    ]
    # Open sessions in small waves, as a room does when the code goes up.
    for start in range(0, len(people), 20):
        await asyncio.gather(*(p.open() for p in people[start : start + 20]))
    rss_connected = sum(server.rss_mb() for server in servers)
    for server in servers:
        await server.settled()
    cpu = sum(server.cpu_seconds() for server in servers)
    if pattern == "pace":
        await _pace(people, rng)
    else:
        await _burst(people, rng, rounds)
    cpu = sum(server.cpu_seconds() for server in servers) - cpu
    for p in people:
        await p.close()
    return people, rss_connected, cpu


def run_scenario(
    pattern: str, n: int, bank: Bank, replicas: int = 1, rounds: int = 3
) -> tuple[Scenario, Participant]:
    """Run one scenario; also return one participant (what its page sent, for a floor)."""
    result = Scenario(pattern, n, replicas=replicas)
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        data = Path(tmp)
        servers = [stack.enter_context(AppServer(data)) for _ in range(replicas)]
        engine = make_engine(f"sqlite:///{data / 'assessment.sqlite3'}")
        workshop = ws.create(engine, bank, f"Load {pattern} {n}", threshold=3)
        tokens = [ws.join(engine, workshop.code, None, f"load-{i}") for i in range(n)]
        result.rss_before_mb = round(sum(server.rss_mb() for server in servers), 1)
        start = time.perf_counter()
        people, rss_connected, cpu = asyncio.run(_scenario(servers, tokens, bank, pattern, rounds))
        result.seconds = round(time.perf_counter() - start, 1)
        result.rss_after_mb = round(rss_connected, 1)
        result.mb_per_session = round((rss_connected - result.rss_before_mb) / n, 2)
        summarise(result, people)
        result.server_cpu_ms_per_answer = round(1000 * cpu / max(1, result.interactions), 2)
        check_database(engine, workshop.id, people, result)
        engine.dispose()
    return result, people[0]


def check_database(
    engine: Engine, workshop_id: int, people: list[Participant], result: Scenario
) -> None:
    """Every answer a participant saw acknowledged is stored, with the value sent, once."""
    for p in people:
        stored = repository.load(engine, p.token)
        values = stored.values if stored else {}
        for qid, sent in p.sent.items():
            if qid not in values:
                result.lost_answers += 1
            elif values[qid] != sent:
                result.wrong_values += 1
    with engine.connect() as conn:
        per_question = (
            select(answers.c.assessment_id, answers.c.question_id, func.count().label("n"))
            .join(assessments, answers.c.assessment_id == assessments.c.id)
            .where(assessments.c.workshop_id == workshop_id)
            .group_by(answers.c.assessment_id, answers.c.question_id)
            .subquery()
        )
        result.duplicate_rows = int(
            conn.execute(select(func.count()).where(per_question.c.n > 1)).scalar_one()
        )


def summarise(result: Scenario, people: list[Participant]) -> None:
    """Round trips, errors and fragment runs of ``people`` into ``result``."""
    samples = [t for p in people for t in p.times]
    errors = [e for p in people for e in p.errors]
    result.interactions = len(samples)
    result.fragment_runs = sum(p.fragment_runs for p in people)
    if samples:
        result.p50_ms = round(statistics.median(samples), 1)
        result.p95_ms = round(_percentile(samples, 0.95), 1)
        result.p99_ms = round(_percentile(samples, 0.99), 1)
        result.max_ms = round(max(samples), 1)
    result.errors = len(errors)
    result.error_samples = errors[:5]


def run(quick: bool = False) -> dict[str, Any]:
    bank = load_bank(default_bank_dir())
    sizes = (10, 50) if quick else (10, 50, 100, 200)
    scenarios = []
    plan = [(pattern, n, 1) for n in sizes for pattern in ("pace", "burst")]
    if not quick:
        # One process runs scripts on one core (the GIL): the scale-out path of
        # docs/DEPLOY.md, two replicas on one database, measured on this machine.
        plan.append(("burst", 100, 2))
    for pattern, n, replicas in plan:
        scenario, _ = run_scenario(pattern, n, bank, replicas)
        scenarios.append(scenario)
        print(
            f"load {pattern:5} N={n:3} x{replicas}: p50 {scenario.p50_ms:7.1f} ms  p95 {scenario.p95_ms:7.1f} ms"
            f"  p99 {scenario.p99_ms:7.1f} ms  errors {scenario.errors}  lost {scenario.lost_answers}"
            f"  dup {scenario.duplicate_rows}  {scenario.mb_per_session} MB/session",
            flush=True,
        )
    browsers = browser_check.run(participants=5 if quick else 10)
    print(
        f"browsers pace N={browsers['participants']:3}: p50 {browsers.get('p50_ms', 0):7.1f} ms"
        f"  p95 {browsers.get('p95_ms', 0):7.1f} ms  ({browsers['interactions']} clicks, real Chromium)",
        flush=True,
    )
    return {
        "budget": "N=100: p95 < 300 ms, no errors, no lost answers",
        "scenarios": [{**asdict(s), "ok": s.ok} for s in scenarios],
        "browser_cross_check": browsers,
    }
