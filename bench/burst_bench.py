"""``python -m bench --only burst``: "please answer now" on ONE server process.

The workshop's defining moment: the facilitator says "please answer now" and the whole
room (100 participants) answers the same question within one second, six times, 2 s
apart. Three servers take the same bursts, one after the other, in the same run:

1. **the real app** (one process, a fresh SQLite database, one workshop, 100 joined
   participants on the real Assessment page), checked afterwards in the database: every
   acknowledged answer stored, with the value sent, exactly once;
2. **its floor**: an app generated from what the page sent when it opened and what the
   answers' fragment runs sent (``bench/floor.py``): the same elements, widgets and keys,
   the same fragments rerun by an answer, none of our logic;
3. **a bare one-radio app**: the framework's own limit on this machine.

Budget (docs/PERFORMANCE.md, DESIGN §8): p95 under 300 ms, p99 under 500 ms, no errors,
nothing lost or duplicated, and our p95 at most 1.5× the floor's.
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from assessment.loader import default_bank_dir, load_bank
from bench import load_bench
from bench.app_server import AppServer
from bench.floor import write_floor_app
from bench.st_client import StreamlitClient

PARTICIPANTS = 100
ROUNDS = 6
"""Bursts per server (the page's radio questions in turn): 600 answers for a steady p95."""
P95_BUDGET_MS = 300.0
P99_BUDGET_MS = 500.0
FLOOR_RATIO = 1.5

_BARE_APP = """import streamlit as st

st.radio("Your answer", ["1", "2", "3", "4", "5"], index=None, key="q__answer")
"""


@dataclass
class Burst:
    """One server's figures under the burst (the floor's and the bare app's)."""

    app: str
    participants: int
    interactions: int = 0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    max_ms: float = 0.0
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)
    fragment_runs: int = 0
    server_cpu_ms_per_answer: float = 0.0


class _Client:
    """A participant on an app without our database: answers radio ``q__*`` widgets."""

    def __init__(self, url: str, page: str, rng: random.Random) -> None:
        self.client = StreamlitClient(url, timeout=60)
        self.page = page
        self.rng = rng
        self.keys: list[str] = []
        self.times: list[float] = []
        self.errors: list[str] = []
        self.fragment_runs = 0

    async def open(self) -> None:
        await self.client.__aenter__()
        run = await self.client.run(self.page)
        self.errors += run.errors
        self.keys = [
            key
            for key, w in run.widgets.items()
            if key.startswith("q__") and "__" not in key[3:] and w.kind == "radio"
        ]

    async def answer(self, round_: int) -> None:
        key = self.keys[round_ % len(self.keys)]
        widget = self.client.widgets[key]
        choices = [o for o in widget.options if o != widget.shown] or widget.options
        try:
            run = await self.client.run(
                self.page, "", [(key, "string_value", self.rng.choice(choices))]
            )
        except Exception as exc:
            self.errors.append(f"{type(exc).__name__}: {exc}")
            return
        widget.shown = run.widgets[key].shown if key in run.widgets else widget.shown
        self.times.append(run.seconds * 1000)
        self.errors += run.errors
        self.fragment_runs += run.fragment_run


async def _burst_clients(server: AppServer, page: str, n: int) -> tuple[list[_Client], float]:
    people = [_Client(server.url, page, random.Random(i)) for i in range(n)]
    for start in range(0, n, 20):
        await asyncio.gather(*(p.open() for p in people[start : start + 20]))
    await server.settled()
    cpu = server.cpu_seconds()
    rng = random.Random(42)
    for r in range(ROUNDS):

        async def one(p: _Client, r: int = r) -> None:
            await asyncio.sleep(rng.uniform(0, 1))
            await p.answer(r)

        await asyncio.gather(*(one(p) for p in people))
        await asyncio.sleep(2)
    cpu = server.cpu_seconds() - cpu
    for p in people:
        await p.client.__aexit__(None, None, None)
    return people, cpu


def _figures(name: str, people: list[_Client], cpu: float) -> Burst:
    samples = [t for p in people for t in p.times]
    errors = [e for p in people for e in p.errors]
    result = Burst(name, len(people), len(samples), errors=len(errors), error_samples=errors[:5])
    result.fragment_runs = sum(p.fragment_runs for p in people)
    result.server_cpu_ms_per_answer = round(1000 * cpu / max(1, len(samples)), 2)
    if samples:
        result.p50_ms = round(statistics.median(samples), 1)
        result.p95_ms = round(load_bench._percentile(samples, 0.95), 1)
        result.p99_ms = round(load_bench._percentile(samples, 0.99), 1)
        result.max_ms = round(max(samples), 1)
    return result


def _on(app: Path, data: Path, page: str, n: int, name: str) -> Burst:
    with AppServer(data, app=app) as server:
        return _figures(name, *asyncio.run(_burst_clients(server, page, n)))


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def run(quick: bool = False) -> dict[str, Any]:
    """Real app, floor, bare app: one process each, the same burst; figures and verdict."""
    n = 50 if quick else PARTICIPANTS
    bank = load_bank(default_bank_dir())
    load_before = _load()
    real, sample = load_bench.run_scenario("burst", n, bank, rounds=ROUNDS)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # The page as it opened, then what its answers' fragment runs sent: the floor's
        # fragments draw what ours draw once answered ("Clear answer" included).
        floor_app = write_floor_app(
            folder / "floor", load_bench.PAGE, sample.first_raw + sample.answer_raw
        )
        floor = _on(floor_app, folder / "floor_data", load_bench.PAGE, n, "floor")
        bare_dir = folder / "bare"
        bare_dir.mkdir()
        (bare_dir / ".streamlit").mkdir()
        config = (floor_app.parent / ".streamlit" / "config.toml").read_text()
        (bare_dir / ".streamlit" / "config.toml").write_text(config)
        (bare_dir / "app.py").write_text(_BARE_APP)
        bare = _on(bare_dir / "app.py", folder / "bare_data", "", n, "one radio")
    real.floor_p95_ms = floor.p95_ms
    ratio = real.p95_ms / floor.p95_ms if floor.p95_ms else float("inf")
    checks = {
        f"p95 < {P95_BUDGET_MS:g} ms": real.p95_ms < P95_BUDGET_MS,
        f"p99 < {P99_BUDGET_MS:g} ms": real.p99_ms < P99_BUDGET_MS,
        f"p95 <= {FLOOR_RATIO}x floor": ratio <= FLOOR_RATIO,
        "no errors": real.errors == 0 and floor.errors == 0,
        "nothing lost": real.lost_answers == 0 and real.wrong_values == 0,
        "no duplicates": real.duplicate_rows == 0,
    }
    return {
        "budget": (
            f"N={n} within 1 s on one process: p95 < {P95_BUDGET_MS:g} ms, "
            f"p99 < {P99_BUDGET_MS:g} ms, p95 <= {FLOOR_RATIO}x the floor's, "
            "no errors, nothing lost or duplicated"
        ),
        "load_average_before": load_before,
        "load_average_after": _load(),
        "scenario": {**asdict(real), "ok": all(checks.values())},
        "ratio_to_floor": round(ratio, 2),
        "floor": asdict(floor),
        "one_radio_app": asdict(bare),
        "checks": checks,
        "ok": all(checks.values()),
    }


def table(result: dict[str, Any]) -> str:
    """The burst's figures as printed by ``python -m bench``."""
    real = result["scenario"]
    lines = [
        f"burst: {real['participants']} answers within 1 s, x{ROUNDS} rounds, one process "
        f"(load average before {result['load_average_before']}, "
        f"after {result['load_average_after']})",
        f"{'app':28} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8} {'errors':>7}"
        f" {'fragment runs':>14} {'server CPU/answer':>18}",
    ]
    rows = [("real app", real), ("floor (same elements)", result["floor"])]
    rows.append(("one-radio app (framework)", result["one_radio_app"]))
    for name, r in rows:
        lines.append(
            f"{name:28} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f} {r['p99_ms']:8.1f}"
            f" {r['max_ms']:8.1f} {r['errors']:7d} {r['fragment_runs']:8d} of {r['interactions']}"
            f" {r['server_cpu_ms_per_answer']:15.2f} ms"
        )
    lines.append(
        f"lost {real['lost_answers']}, wrong {real['wrong_values']}, duplicate rows "
        f"{real['duplicate_rows']}; p95 {result['ratio_to_floor']}x the floor's"
    )
    lines.append(
        "checks: "
        + ", ".join(f"{name} {'yes' if ok else 'NO'}" for name, ok in result["checks"].items())
    )
    return "\n".join(lines)
