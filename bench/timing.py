"""Small timing helpers: repeat a call, report percentiles in milliseconds."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Measure:
    name: str
    p50_ms: float
    p95_ms: float
    runs: int
    budget_ms: float | None = None
    baseline_ms: float | None = None
    note: str = ""
    budget_on: str = "p50"
    """Which figure the budget is for: ``"p50"`` or ``"p95"`` (the PDF's)."""

    @property
    def ok(self) -> bool | None:
        if self.budget_ms is None:
            return None
        return (self.p95_ms if self.budget_on == "p95" else self.p50_ms) <= self.budget_ms

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["ok"] = self.ok
        return data


def percentiles(samples_ms: list[float]) -> tuple[float, float]:
    ordered = sorted(samples_ms)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def measure(
    name: str,
    func: Callable[[], object],
    *,
    runs: int = 200,
    warmup: int = 5,
    budget_ms: float | None = None,
    baseline_ms: float | None = None,
    note: str = "",
    budget_on: str = "p50",
) -> Measure:
    for _ in range(warmup):
        func()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000)
    p50, p95 = percentiles(samples)
    return Measure(
        name, round(p50, 3), round(p95, 3), runs, budget_ms, baseline_ms, note, budget_on
    )
