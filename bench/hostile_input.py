"""Hostile answers files: the CPU time the checks cost per MB of input (issue 11, item 2).

Anyone can upload an answers file, so checking one must cost little whatever it holds. Each
shape below is built to be as expensive as the checker allows, close to the 1 MB upload
limit, and checked the way an upload is (:func:`read_answers_upload`) and the way the CLI
reads a file (:func:`load_answers`). Budget: under 0.2 s of CPU per MB. The issue's
attack (a 990 KB file of near-miss keys, ~20 s before the fix) is the first shape.

``python -m bench.hostile_input`` prints a table; :func:`run` returns it for ``make bench``.
"""

from __future__ import annotations

import contextlib
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from assessment.loader import (
    ANSWERS_MAX_BYTES,
    answers_node_limit,
    default_bank_dir,
    load_answers,
    load_bank,
)
from assessment.models import Bank
from assessment.safe_yaml import InputError
from assessment.ui.transfer import read_answers_upload

BUDGET_S_PER_MB = 0.2
TARGET_BYTES = 990 * 1024
MB = 1024 * 1024


@dataclass
class Shape:
    name: str
    bytes: int
    cpu_s: float
    cpu_s_per_mb: float
    problems: int
    more: int
    first_problem: str
    file_cpu_s_per_mb: float = 0.0
    """The same check as the CLI does it: read from disk with :func:`load_answers`."""
    cli_process_cpu_s: float | None = None
    """``assess score FILE`` as a new process, interpreter start-up included."""

    @property
    def ok(self) -> bool:
        return self.cpu_s_per_mb < BUDGET_S_PER_MB and self.file_cpu_s_per_mb < BUDGET_S_PER_MB


def _near_miss(qid: str, i: int, rng: random.Random) -> str:
    """``qid`` with one letter changed and a number added: close enough that a did-you-mean
    lookup has to compare it with every question in full."""
    pos = rng.randrange(len(qid))
    return f"{qid[:pos]}x{qid[pos + 1 :]}{i}"


def _fill(lines: list[str], make: Callable[[int], str], limit: int = TARGET_BYTES) -> str:
    size = sum(len(line) + 1 for line in lines)
    i = 0
    while size < limit:
        line = make(i)
        if size + len(line) + 1 > limit:
            break
        lines.append(line)
        size += len(line) + 1
        i += 1
    return "\n".join(lines) + "\n"


def near_miss_yaml(bank: Bank) -> str:
    """The issue's attack: ~37 000 keys, each one letter away from a question id."""
    ids, rng = list(bank.questions), random.Random(1)
    head = [f"bank: {bank.info.id}", "answers:"]
    return _fill(head, lambda i: f"  {_near_miss(ids[i % len(ids)], i, rng)}: 2")


def near_miss_json(bank: Bank) -> str:
    """The same keys as JSON (parsed by the C json module, then located)."""
    ids, rng = list(bank.questions), random.Random(1)
    answers: dict[str, int] = {}
    size = 0
    while size < TARGET_BYTES - 100:
        key = _near_miss(ids[len(answers) % len(ids)], len(answers), rng)
        answers[key] = 2
        size += len(key) + 5  # "key":2,
    return json.dumps({"bank": bank.info.id, "answers": answers}, separators=(",", ":"))


def few_long_keys(bank: Bank) -> str:
    """As many near-miss keys as the key limit lets through, each ~5 KB long (JSON: YAML
    keys cannot be that long)."""
    ids, rng = list(bank.questions), random.Random(2)
    count = 2 * len(bank.questions) + 20
    width = TARGET_BYTES // count - 40
    answers = {f"{_near_miss(ids[i % len(ids)], i, rng)}{'y' * width}": 2 for i in range(count)}
    return json.dumps({"bank": bank.info.id, "answers": answers})


def unknown_keys_long_values(bank: Bank) -> str:
    """Near-miss keys up to the key limit, each with a long text value."""
    ids, rng = list(bank.questions), random.Random(3)
    count = 2 * len(bank.questions) + 20
    width = TARGET_BYTES // count - 40
    head = [f"bank: {bank.info.id}", "answers:"]
    lines = [f"  {_near_miss(ids[i % len(ids)], i, rng)}: '{'v' * width}'" for i in range(count)]
    return "\n".join(head + lines) + "\n"


def _within(bank: Bank, nodes_per_item: int, overhead: int = 40) -> tuple[int, int]:
    """(items, padding): as many items as the node limit lets through, padded to ~1 MB."""
    items = (answers_node_limit(bank) - overhead) // nodes_per_item
    return items, TARGET_BYTES // items - 40


def meta_extra_keys(bank: Bank) -> str:
    """Unknown ``meta`` keys (pydantic's path, with its own did-you-mean) up to the node
    limit, each with a long value."""
    items, pad = _within(bank, 2)
    head = [f"bank: {bank.info.id}", "meta:"]
    return "\n".join(head + [f"  organizatoin{i}: '{'m' * pad}'" for i in range(items)]) + "\n"


def raci_unknown_cells(bank: Bank) -> str:
    """One RACI answer with as many unknown activities as the node limit lets through."""
    raci = next(q for q in bank.questions.values() if q.type == "raci")
    items, pad = _within(bank, 5)
    head = [f"bank: {bank.info.id}", "answers:", f"  {raci.id}:"]
    role = raci.roles[0].id
    pad = min(pad, 900)  # a YAML key is at most 1024 characters
    body = [f"    {raci.activities[0].id}{i}{'a' * pad}: {{{role}: R}}" for i in range(items)]
    return "\n".join(head + body) + "\n"


def multi_unknown_options(bank: Bank) -> str:
    """One multi answer listing as many options that do not exist as the limit allows."""
    multi = next(q for q in bank.questions.values() if q.type == "multi")
    items, pad = _within(bank, 1)
    head = [f"bank: {bank.info.id}", "answers:", f"  {multi.id}:"]
    return (
        "\n".join(head + [f"    - {multi.options[0].id}{i}{'z' * pad}" for i in range(items)])
        + "\n"
    )


def comments(bank: Bank) -> str:
    """A valid file drowned in 1 MB of comments."""
    qid = next(q.id for q in bank.questions.values() if q.type == "scale")
    head = [f"bank: {bank.info.id}", "answers:", f"  {qid}: 2"]
    return _fill(head, lambda i: f"# {'comment ' * 12}{i}")


SHAPES: dict[str, Callable[[Bank], str]] = {
    "near-miss keys (YAML, the issue's file)": near_miss_yaml,
    "near-miss keys (JSON)": near_miss_json,
    "182 near-miss keys of 5 KB (JSON)": few_long_keys,
    "182 unknown keys with 5 KB values": unknown_keys_long_values,
    "unknown meta keys, up to the node limit": meta_extra_keys,
    "RACI, unknown activities up to the limit": raci_unknown_cells,
    "multi, unknown options up to the limit": multi_unknown_options,
    "1 MB of comments": comments,
}


def _suffix(text: str) -> str:
    return ".json" if text.lstrip().startswith("{") else ".yaml"


def check_upload(bank: Bank, text: str, repeat: int = 3) -> tuple[float, list[str], int]:
    """CPU seconds (best of ``repeat``) to check ``text`` as an upload; its problems."""
    data = text.encode()
    name = "hostile" + _suffix(text)
    best = float("inf")
    problems: list[str] = []
    for _ in range(repeat):
        start = time.process_time()
        outcome = read_answers_upload(data, name, bank)
        best = min(best, time.process_time() - start)
        problems = outcome.problems
    return best, problems, outcome.more


def check_file(bank: Bank, path: Path, repeat: int = 3) -> float:
    """CPU seconds (best of ``repeat``) to read and check ``path`` as the CLI does."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        with contextlib.suppress(InputError):
            load_answers(path, bank)
        best = min(best, time.process_time() - start)
    return best


def cli_cpu(path: Path, bank_dir: Path) -> float:
    """CPU seconds of ``assess score FILE`` in a new process (start-up included)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [sys.executable, "-m", "assessment.cli", "score", str(path), "--bank", str(bank_dir)],
        capture_output=True,
        timeout=120,
        check=False,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def run(quick: bool = False, cli: bool = True) -> list[Shape]:
    """Every shape, checked as an upload and as a file (and, with ``cli``, by the CLI)."""
    bank_dir = default_bank_dir()
    bank = load_bank(bank_dir)
    shapes: list[Shape] = []
    repeat = 1 if quick else 3
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in SHAPES.items():
            text = make(bank)
            size = len(text.encode())
            assert size <= ANSWERS_MAX_BYTES, (name, size)
            cpu, problems, more = check_upload(bank, text, repeat=repeat)
            path = Path(tmp) / ("hostile" + _suffix(text))
            path.write_text(text)
            file_cpu = check_file(bank, path, repeat=repeat)
            shape = Shape(
                name,
                size,
                round(cpu, 4),
                round(cpu / (size / MB), 4),
                len(problems),
                more,
                problems[0][:160] if problems else "",
                round(file_cpu / (size / MB), 4),
            )
            if cli:
                shape.cli_process_cpu_s = round(cli_cpu(path, bank_dir), 2)
            shapes.append(shape)
    return shapes


def report(shapes: list[Shape]) -> dict[str, Any]:
    return {
        "budget_s_per_mb": BUDGET_S_PER_MB,
        "shapes": [{**asdict(s), "ok": s.ok} for s in shapes],
    }


def table(shapes: list[Shape]) -> str:
    lines = [
        f"{'hostile answers file':42} {'KB':>5} {'upload s/MB':>11} {'file s/MB':>9} "
        f"{'CLI proc s':>10}  problems  ok"
    ]
    for s in shapes:
        cli = "—" if s.cli_process_cpu_s is None else f"{s.cli_process_cpu_s:.2f}"
        listed = f"{s.problems}+{s.more}" if s.more else str(s.problems)
        ok = "yes" if s.ok else "NO"
        lines.append(
            f"{s.name[:42]:42} {s.bytes // 1024:5} {s.cpu_s_per_mb:11.4f} "
            f"{s.file_cpu_s_per_mb:9.4f} {cli:>10}  {listed:>8}  {ok}"
        )
        lines.append(f"    {s.first_problem}")
    return "\n".join(lines)


def main() -> int:
    shapes = run()
    print(table(shapes))
    return 0 if all(s.ok for s in shapes) else 1


if __name__ == "__main__":
    raise SystemExit(main())
