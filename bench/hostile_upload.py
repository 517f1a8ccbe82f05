"""Four hostile uploads against a running app while other people click (issue 11, item 2).

The issue's attack: a 990 KB answers file of near-miss keys cost ~20 s of CPU to check, and
four of them at once made every other user's click take 1.9 s median for 100 s. Here, on
one ``streamlit run`` server:

- ``clickers`` people answer questions on the Assessment page at a brisk pace (a click
  every 0.5–1.5 s each), through the app's real WebSocket protocol;
- four attackers upload the hostile file on the Start page, again and again, the way the
  browser does it: an HTTP PUT to ``/_stcore/upload_file`` (with the XSRF cookie and
  header), then a rerun carrying the uploader's new state.

Reported: the clickers' round trips (p50, p95, max) while the attack runs and, for
reference, before it starts; the attackers' uploads and what the page told them. Budget:
the clickers' p95 under 300 ms.

``python -m bench.hostile_upload [--app OTHER/app.py]``: ``--app`` runs the same scenario
against another checkout (e.g. ``git archive`` of an older commit) for a before/after.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import tempfile
import time
import urllib.request
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from streamlit.proto.Common_pb2 import FileUploaderState

from assessment.loader import default_bank_dir, load_bank
from assessment.models import Bank
from assessment.store import repository
from assessment.store.db import make_engine
from bench.app_server import AppServer
from bench.hostile_input import near_miss_yaml
from bench.load_bench import Participant
from bench.st_client import StreamlitClient

BUDGET_P95_MS = 300.0
START_PAGE = ""  # the default page
UPLOADER = "upload_start"
XSRF_COOKIE = "_streamlit_xsrf"


@dataclass
class Outcome:
    clickers: int
    attackers: int
    seconds: float
    pause: float = 1.0
    payload: str = "hostile"
    clicks_before: int = 0
    before_p50_ms: float = 0.0
    before_p95_ms: float = 0.0
    clicks: int = 0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    max_ms: float = 0.0
    uploads: int = 0
    upload_p50_ms: float = 0.0
    upload_max_ms: float = 0.0
    refused_with: str = ""
    server_cpu_per_s: float = 0.0
    """The server's CPU seconds per second during the attack (1.0: one core, saturated)."""
    load_average: float = 0.0
    """The machine's 1-minute load average at the end (other work skews the timings)."""
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (
            self.p95_ms < BUDGET_P95_MS
            and self.uploads > 0
            and "was not loaded" in self.refused_with
            and not self.errors
        )


def _percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def _xsrf_token(base: str) -> str:
    """The XSRF cookie the app sets (the browser's front end reads it from the health
    check it polls) and sends back as a header on every upload."""
    with urllib.request.urlopen(f"{base}/_stcore/health", timeout=10) as reply:
        headers: list[str] = reply.headers.get_all("Set-Cookie") or []
        for header in headers:
            name, _, rest = header.partition("=")
            if name.strip() == XSRF_COOKIE:
                return rest.split(";", 1)[0]
    raise RuntimeError("the app set no XSRF cookie")


def _put(base: str, session_id: str, file_id: str, name: str, data: bytes, token: str) -> None:
    """Upload ``data`` the way the browser's file uploader does (multipart PUT)."""
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: application/yaml\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(
        f"{base}/_stcore/upload_file/{session_id}/{file_id}",
        data=body,
        method="PUT",
        headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Cookie": f"{XSRF_COOKIE}={token}",
            "X-Xsrftoken": token,
        },
    )
    with urllib.request.urlopen(request, timeout=60) as reply:
        if reply.status != 204:
            raise RuntimeError(f"upload refused: HTTP {reply.status}")


class Attacker:
    """A session that uploads the hostile file on the Start page until told to stop."""

    def __init__(self, base: str, data: bytes, pause: float) -> None:
        self.base = base
        self.data = data
        self.pause = pause
        self.client = StreamlitClient(base, timeout=120)
        self.times: list[float] = []
        self.refused_with = ""
        self.errors: list[str] = []

    async def run(self, stop: asyncio.Event) -> None:
        token = await asyncio.to_thread(_xsrf_token, self.base)
        async with self.client:
            await self.client.run(START_PAGE)
            while not stop.is_set():
                if self.pause:
                    await asyncio.sleep(self.pause)
                file_id = uuid.uuid4().hex
                start = time.perf_counter()
                await asyncio.to_thread(
                    _put,
                    self.base,
                    self.client.session_id,
                    file_id,
                    "answers.yaml",
                    self.data,
                    token,
                )
                state = FileUploaderState()
                info = state.uploaded_file_info.add()
                info.file_id, info.name, info.size = file_id, "answers.yaml", len(self.data)
                page = await self.client.run(
                    START_PAGE, states=[(UPLOADER, "file_uploader_state_value", state)]
                )
                self.times.append((time.perf_counter() - start) * 1000)
                self.refused_with = next((e for e in page.errors if "not loaded" in e), "")
                self.errors += [e for e in page.errors if "not loaded" not in e]


async def _scenario(
    base: str,
    tokens: list[str],
    data: bytes,
    bank: Bank,
    attackers: int,
    seconds: float,
    warmup: float,
    pause: float,
    pid: int,
) -> tuple[list[float], list[float], list[Attacker], list[str], float]:
    """Clicks before and during the attack, the attackers, errors, and the server's CPU
    use during the attack (CPU seconds per second: 1.0 is one core, all a GIL allows)."""
    people = [Participant(base, t, bank, random.Random(i)) for i, t in enumerate(tokens)]
    await asyncio.gather(*(p.open() for p in people))
    attack = asyncio.Event()
    stop = asyncio.Event()
    before: list[float] = []
    during: list[float] = []

    async def click(p: Participant, rng: random.Random) -> None:
        while not stop.is_set():
            await asyncio.sleep(rng.uniform(0.5, 1.5))
            if stop.is_set():
                return
            qid = rng.choice(p.questions)
            under_attack = attack.is_set()
            count = len(p.times)
            await p.answer(qid)
            if len(p.times) > count:
                (during if under_attack else before).append(p.times[-1])

    mob = [Attacker(base, data, pause) for _ in range(attackers)]

    usage: list[float] = []

    async def timeline() -> None:
        await asyncio.sleep(warmup)
        attack.set()
        cpu, wall = _cpu_seconds(pid), time.perf_counter()

        async def measured_stop() -> None:
            await _stop_after(stop, seconds)
            usage.append((_cpu_seconds(pid) - cpu) / (time.perf_counter() - wall))

        await asyncio.gather(*(a.run(stop) for a in mob), measured_stop())

    await asyncio.gather(
        timeline(), *(click(p, random.Random(100 + i)) for i, p in enumerate(people))
    )
    errors = [e for p in people for e in p.errors]
    for p in people:
        await p.close()
    return before, during, mob, errors, usage[0] if usage else 0.0


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` so far (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _stop_after(stop: asyncio.Event, seconds: float) -> None:
    await asyncio.sleep(seconds)
    stop.set()


def run(
    clickers: int = 10,
    attackers: int = 4,
    seconds: float = 30.0,
    warmup: float = 8.0,
    app: Path | None = None,
    payload: str = "hostile",
    pause: float = 1.0,
) -> Outcome:
    """The scenario on a fresh server. ``payload="tiny"`` uploads a 40-byte refused file
    instead: the floor, what re-uploading costs whatever the file. Each attacker waits
    ``pause`` seconds between uploads (0: as fast as the server answers)."""
    bank = load_bank(default_bank_dir())
    data = near_miss_yaml(bank).encode() if payload == "hostile" else b"bank: other\nanswers: {}\n"
    outcome = Outcome(clickers, attackers, seconds, pause=pause, payload=payload)
    with tempfile.TemporaryDirectory() as tmp, AppServer(Path(tmp), app=app) as server:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'assessment.sqlite3'}")
        tokens = [
            repository.create(engine, bank.info.id, bank.info.version) for _ in range(clickers)
        ]
        engine.dispose()
        assert server.process is not None
        before, during, mob, errors, usage = asyncio.run(
            _scenario(
                server.url,
                tokens,
                data,
                bank,
                attackers,
                seconds,
                warmup,
                pause,
                server.process.pid,
            )
        )
    outcome.server_cpu_per_s = round(usage, 2)
    outcome.load_average = round(os.getloadavg()[0], 2)
    outcome.errors = errors[:5] + [e for a in mob for e in a.errors][:5]
    if before:
        outcome.clicks_before = len(before)
        outcome.before_p50_ms = round(statistics.median(before), 1)
        outcome.before_p95_ms = round(_percentile(before, 0.95), 1)
    if during:
        outcome.clicks = len(during)
        outcome.p50_ms = round(statistics.median(during), 1)
        outcome.p95_ms = round(_percentile(during, 0.95), 1)
        outcome.max_ms = round(max(during), 1)
    uploads = [t for a in mob for t in a.times]
    outcome.uploads = len(uploads)
    if uploads:
        outcome.upload_p50_ms = round(statistics.median(uploads), 1)
        outcome.upload_max_ms = round(max(uploads), 1)
    outcome.refused_with = next((a.refused_with for a in mob if a.refused_with), "")[:240]
    return outcome


def summary(o: Outcome) -> str:
    return (
        f"{o.payload} uploads x{o.attackers} (pause {o.pause:g} s) for {o.seconds:.0f} s, "
        f"{o.clickers} people clicking: "
        f"clicks p50 {o.p50_ms:.1f} ms  p95 {o.p95_ms:.1f} ms  max {o.max_ms:.1f} ms "
        f"({o.clicks} clicks; before the attack p50 {o.before_p50_ms:.1f} p95 "
        f"{o.before_p95_ms:.1f}, {o.clicks_before} clicks); {o.uploads} uploads, "
        f"p50 {o.upload_p50_ms:.0f} ms max {o.upload_max_ms:.0f} ms; server CPU "
        f"{o.server_cpu_per_s:.2f} s/s; load average {o.load_average:.1f}; ok={o.ok}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.hostile_upload")
    parser.add_argument("--app", type=Path, help="another checkout's app.py (before/after)")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--clickers", type=int, default=10)
    parser.add_argument("--payload", choices=("hostile", "tiny"), default="hostile")
    parser.add_argument(
        "--pause", type=float, default=1.0, help="seconds each attacker waits between uploads"
    )
    parser.add_argument("--json", action="store_true", help="print the outcome as JSON")
    args = parser.parse_args()
    outcome = run(
        clickers=args.clickers,
        seconds=args.seconds,
        app=args.app,
        payload=args.payload,
        pause=args.pause,
    )
    print(summary(outcome))
    if outcome.refused_with:
        print(f"the attackers read: {outcome.refused_with}")
    for error in outcome.errors:
        print(f"error: {error}")
    if args.json:
        print(json.dumps({**asdict(outcome), "ok": outcome.ok}, indent=2))
    return 0 if outcome.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
