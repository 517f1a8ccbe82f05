"""Rerun cost: one interaction on our pages against a floor app with the same widgets.

Both apps run as real servers in the same benchmark run and are driven through the same
WebSocket client, one interaction at a time, so the ratio is the cost of our logic over
the framework's own cost of drawing those widgets (budget: at most 1.3×).
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
from pathlib import Path

from assessment.loader import default_bank_dir, load_answers, load_bank
from assessment.store import repository
from assessment.store.db import make_engine
from bench.app_server import AppServer
from bench.floor import write_floor_app
from bench.st_client import PageRun, StreamlitClient
from bench.timing import Measure

PERSONA = Path(__file__).resolve().parent.parent / "tests" / "personas" / "mature_data_team.yaml"


def _choice_widgets(run: PageRun, prefix: str) -> list[str]:
    return [
        key
        for key, w in run.widgets.items()
        if key.startswith(prefix) and w.kind in ("radio", "selectbox") and len(w.options) >= 2
    ]


async def _drive(
    base: str, page: str, query: str, keys: list[str], runs: int
) -> tuple[list[float], list[bytes], list[str]]:
    """Open ``page`` and change the given widgets in turn; return round trips in ms."""
    times: list[float] = []
    errors: list[str] = []
    async with StreamlitClient(base) as client:
        first = await client.run(page, query)
        raw = first.raw
        errors += first.errors
        for i in range(runs):
            key = keys[i % len(keys)]
            options = client.widgets[key].options
            run = await client.run(page, query, [(key, "string_value", options[i % len(options)])])
            errors += run.errors
            times.append(run.seconds * 1000)
    return times, raw, errors


def _measure(name: str, ours: list[float], floor: list[float], errors: list[str]) -> Measure:
    ours_p50 = statistics.median(ours)
    floor_p50 = statistics.median(floor)
    ratio = ours_p50 / floor_p50 if floor_p50 else float("inf")
    p95 = sorted(ours)[round(0.95 * (len(ours) - 1))]
    note = f"ratio {ratio:.2f}× (budget 1.3×)"
    if errors:
        note += f"; {len(errors)} page errors: {errors[0][:80]}"
    return Measure(
        name,
        round(ours_p50, 2),
        round(p95, 2),
        len(ours),
        budget_ms=round(floor_p50 * 1.3, 2),
        baseline_ms=round(floor_p50, 2),
        note=note,
    )


def run(quick: bool = False) -> list[Measure]:
    runs = 20 if quick else 60
    bank = load_bank(default_bank_dir())
    answers = load_answers(PERSONA, bank)
    results: list[Measure] = []
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        with AppServer(data) as app:
            engine = make_engine(f"sqlite:///{data / 'assessment.sqlite3'}")
            fresh = repository.create(engine, bank.info.id, bank.info.version)
            full = repository.create(engine, bank.info.id, bank.info.version)
            repository.replace_all(
                engine, full, answers.values, answers.meta.model_dump(exclude_none=True)
            )
            engine.dispose()

            async def real() -> dict[str, tuple[list[float], list[bytes], list[str], list[str]]]:
                out = {}
                async with StreamlitClient(app.url) as probe:
                    first = await probe.run("assessment", f"resume={fresh}")
                keys = [k for k in _choice_widgets(first, "q__") if "__" not in k[3:]]
                t, raw, errs = await _drive(app.url, "assessment", f"resume={fresh}", keys, runs)
                out["assessment"] = (t, raw, errs, keys)
                async with StreamlitClient(app.url) as probe:
                    first = await probe.run("results", f"resume={full}")
                keys = _choice_widgets(first, "target") or _choice_widgets(first, "")
                t, raw, errs = await _drive(app.url, "results", f"resume={full}", keys, runs)
                out["results"] = (t, raw, errs, keys)
                return out

            measured = asyncio.run(real())
        for page, (ours, raw, errors, keys) in measured.items():
            floor_app = write_floor_app(Path(tmp) / f"floor_{page}", page, raw)
            with AppServer(Path(tmp) / f"floor_data_{page}", app=floor_app) as floor:
                floor_times, _, floor_errors = asyncio.run(_drive(floor.url, page, "", keys, runs))
            results.append(
                _measure(f"rerun: {page} page vs floor", ours, floor_times, errors + floor_errors)
            )
    return results
