"""``make bench-cluster``: "please answer now" through nginx, two replicas, PostgreSQL.

Not part of ``make test`` or ``make bench``: it needs nginx (Debian's package: ``apt-get
install nginx``; the Makefile target installs it when run as root) and PostgreSQL
(``ASSESS_BENCH_PG_URL``, default ``postgresql+psycopg://postgres@127.0.0.1:5432/postgres``,
in which a database of its own is created and dropped).

What runs, all on loopback addresses:

- two replicas of the real app (``streamlit run app.py``), one database of their own on
  the PostgreSQL server, the same cookie secret, the proxy trusted for X-Forwarded-For;
- nginx with ``deploy/nginx.conf``, the configuration docs/DEPLOY.md shows, unchanged but
  for its addresses (the replicas' ports, a free port to listen on), in a prefix of its
  own, one worker;
- 200 participants of one workshop, each like a browser: a page request through nginx
  (which gives the sticky cookie), then the WebSocket with that cookie; then the burst of
  ``bench.load_bench`` (everyone answers the same question within one second, three times).

Checked: every acknowledged answer stored once with the value sent (as in load_bench), and
stickiness from nginx's access log: every route was served by one replica only, and both
replicas served participants. Prints a table and writes ``bench/results-cluster.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter, defaultdict
from contextlib import ExitStack
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from assessment.loader import default_bank_dir, load_bank
from assessment.store import workshops as ws
from assessment.store.db import make_engine
from bench.app_server import AppServer, free_port
from bench.load_bench import Participant, Scenario, _burst, check_database, summarise

ROOT = Path(__file__).resolve().parent.parent
NGINX_CONF = ROOT / "deploy" / "nginx.conf"
RESULTS = Path(__file__).resolve().parent / "results-cluster.json"
PG_URL = os.environ.get(
    "ASSESS_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
PARTICIPANTS = 200
REPLICAS = 2
DOCUMENTED_REPLICAS = ("127.0.0.1:8501", "127.0.0.1:8502")
LOG_FORMAT = '"$assess_route" $upstream_addr $status "$request_uri"'


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else "")
    if not found:
        sys.exit("bench-cluster: nginx is not installed (Debian: apt-get install nginx)")
    return found


def site_config(replica_ports: list[int], listen_port: int) -> str:
    """deploy/nginx.conf with the bench's addresses: nothing else is changed."""
    conf = NGINX_CONF.read_text()
    for documented, port in zip(DOCUMENTED_REPLICAS, replica_ports, strict=True):
        assert documented in conf, f"{NGINX_CONF} no longer names {documented}"
        conf = conf.replace(f"server {documented};", f"server 127.0.0.1:{port};")
    assert "listen 80;" in conf, f"{NGINX_CONF} no longer listens on port 80"
    return conf.replace("listen 80;", f"listen 127.0.0.1:{listen_port};")


class Nginx:
    """nginx in the foreground with a prefix of its own (its logs and temporary files)."""

    def __init__(self, prefix: Path, replica_ports: list[int]) -> None:
        self.prefix = prefix
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.replica_ports = replica_ports
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Nginx:
        temp = self.prefix / "tmp"
        temp.mkdir(parents=True)
        temp.chmod(0o777)  # the workers run as an unprivileged user
        (self.prefix / "assessment.conf").write_text(site_config(self.replica_ports, self.port))
        (self.prefix / "nginx.conf").write_text(
            f"""worker_processes 1;
pid {self.prefix}/nginx.pid;
error_log {self.prefix}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    log_format route '{LOG_FORMAT}';
    access_log {self.prefix}/access.log route;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {self.prefix}/assessment.conf;
}}
"""
        )
        binary = nginx_binary()
        check = subprocess.run(
            [*self._args(binary), "-t"],
            capture_output=True,
            text=True,
        )
        if check.returncode != 0:
            raise RuntimeError(f"nginx refused the configuration:\n{check.stderr}")
        self.process = subprocess.Popen(
            [*self._args(binary), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return self
            time.sleep(0.1)
        raise RuntimeError("nginx did not start")

    def _args(self, binary: str) -> list[str]:
        return [binary, "-p", str(self.prefix), "-c", str(self.prefix / "nginx.conf")]

    def __exit__(self, *exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)

    def routes(self) -> dict[str, set[str]]:
        """Route cookie → the replicas that served it, from the access log."""
        served: dict[str, set[str]] = defaultdict(set)
        pattern = re.compile(r'^"([^"]*)" (\S+) (\d+) "([^"]*)"$')
        for line in (self.prefix / "access.log").read_text().splitlines():
            match = pattern.match(line)
            if match and match.group(2) != "-":
                served[match.group(1)].add(match.group(2))
        return served


def sticky_cookie(base_url: str) -> dict[str, str]:
    """Open the page as a browser does; the headers its WebSocket then sends."""
    with urllib.request.urlopen(f"{base_url}/assessment", timeout=30) as response:
        cookies = response.headers.get_all("Set-Cookie") or []
    route = next(c.split(";", 1)[0] for c in cookies if c.startswith("assess_route="))
    return {"Cookie": route}


class Database:
    """A database of its own on the PostgreSQL server, dropped afterwards."""

    def __init__(self, server_url: str) -> None:
        self.server_url = server_url
        self.name = f"assess_bench_{secrets.token_hex(4)}"
        self.url = (
            make_url(server_url).set(database=self.name).render_as_string(hide_password=False)
        )

    def _admin(self, sql: str) -> None:
        engine = create_engine(self.server_url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text(sql))
        engine.dispose()

    def __enter__(self) -> Database:
        self._admin(f'CREATE DATABASE "{self.name}"')
        return self

    def __exit__(self, *exc: object) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


async def _participants(
    url: str, tokens: list[str], headers: list[dict[str, str]], replicas: list[AppServer]
) -> tuple[list[Participant], list[float]]:
    """Open every participant's page, then the burst; the replicas' CPU during the burst."""
    bank = load_bank(default_bank_dir())
    people = [
        Participant(url, token, bank, random.Random(i), headers=h)
        for i, (token, h) in enumerate(zip(tokens, headers, strict=True))
    ]
    for start in range(0, len(people), 20):
        await asyncio.gather(*(p.open() for p in people[start : start + 20]))
    cpu = [r.cpu_seconds() for r in replicas]
    client = time.process_time()
    await _burst(people, random.Random(42))
    cpu = [r.cpu_seconds() - c for r, c in zip(replicas, cpu, strict=True)]
    cpu.append(time.process_time() - client)  # the load client's own, on the same cores
    for p in people:
        await p.close()
    return people, cpu


def run(participants: int = PARTICIPANTS) -> dict[str, Any]:
    bank = load_bank(default_bank_dir())
    result = Scenario("burst", participants, replicas=REPLICAS)
    load_before = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        folder = Path(tmp)
        db = stack.enter_context(Database(PG_URL))
        engine = make_engine(db.url)  # creates the schema once, before the replicas start
        env = {
            "ASSESS_DATABASE_URL": db.url,
            "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(16),
            "ASSESS_TRUSTED_PROXIES": "127.0.0.1,::1",
        }
        replicas = [
            stack.enter_context(AppServer(folder / f"replica{i}", env=env)) for i in range(REPLICAS)
        ]
        nginx = stack.enter_context(Nginx(folder / "nginx", [r.port for r in replicas]))
        workshop = ws.create(engine, bank, "Cluster burst", threshold=3)
        tokens = [ws.join(engine, workshop.code, None, f"cluster-{i}") for i in range(participants)]
        headers = [sticky_cookie(nginx.url) for _ in tokens]
        start = time.perf_counter()
        people, cpu = asyncio.run(_participants(nginx.url, tokens, headers, replicas))
        client_cpu = cpu.pop()
        result.seconds = round(time.perf_counter() - start, 1)
        summarise(result, people)
        result.server_cpu_ms_per_answer = round(1000 * sum(cpu) / max(1, result.interactions), 2)
        check_database(engine, workshop.id, people, result)
        engine.dispose()
        routes = nginx.routes()
    ours = {h["Cookie"].split("=", 1)[1] for h in headers}
    per_replica = Counter(next(iter(routes[r])) for r in ours if len(routes.get(r, ())) == 1)
    stickiness = {
        "routes": len(ours),
        "routes_on_more_than_one_replica": sum(1 for r in ours if len(routes.get(r, ())) > 1),
        "routes_never_served": sum(1 for r in ours if not routes.get(r)),
        "participants_per_replica": dict(per_replica),
    }
    checks = {
        "no errors": result.errors == 0,
        "nothing lost": result.lost_answers == 0 and result.wrong_values == 0,
        "no duplicates": result.duplicate_rows == 0,
        "sticky": stickiness["routes_on_more_than_one_replica"] == 0
        and stickiness["routes_never_served"] == 0,
        "both replicas used": len(per_replica) == REPLICAS,
        "p95 < 300 ms": result.p95_ms < 300,
    }
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count()},
        "load_average_before": load_before,
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "nginx": subprocess.run(
            [nginx_binary(), "-v"], capture_output=True, text=True
        ).stderr.strip(),
        "config": str(NGINX_CONF.relative_to(ROOT)),
        "scenario": {**asdict(result), "ok": all(checks.values())},
        "server_cpu_ms_per_replica": [round(1000 * c, 0) for c in cpu],
        "client_cpu_ms": round(1000 * client_cpu, 0),
        "stickiness": stickiness,
        "checks": checks,
        "ok": all(checks.values()),
    }


def table(found: dict[str, Any]) -> str:
    s = found["scenario"]
    lines = [
        f"cluster burst: {s['participants']} participants through {found['nginx']} "
        f"({found['config']}), {s['replicas']} replicas on PostgreSQL "
        f"(load average before {found['load_average_before']}, "
        f"after {found['load_average_after']})",
        f"p50 {s['p50_ms']} ms  p95 {s['p95_ms']} ms  p99 {s['p99_ms']} ms  max {s['max_ms']} ms"
        f"  errors {s['errors']}  lost {s['lost_answers']}  wrong {s['wrong_values']}"
        f"  duplicate rows {s['duplicate_rows']}  server CPU/answer "
        f"{s['server_cpu_ms_per_answer']} ms",
        f"CPU during the bursts: replicas {found['server_cpu_ms_per_replica']} ms, the load "
        f"client {found['client_cpu_ms']} ms (all on the machine's {found['machine']['cpus']} cores)",
        f"stickiness: {found['stickiness']}",
        "checks: "
        + ", ".join(f"{name} {'yes' if ok else 'NO'}" for name, ok in found["checks"].items()),
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.cluster_bench")
    parser.add_argument("--participants", type=int, default=PARTICIPANTS)
    args = parser.parse_args()
    found = run(args.participants)
    print(table(found), flush=True)
    RESULTS.write_text(json.dumps(found, indent=2))
    print(f"\nwritten {RESULTS}")
    return 0 if found["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
