"""The machinery behind the browser tests, reusable by any e2e module (workshop too).

- :func:`start_server` runs ``streamlit run`` on a free port with its own SQLite folder and
  waits for ``/_stcore/health``; :class:`StreamlitServer` knows its URL and database and can
  ``seed`` an assessment (answers written straight into its database, like an earlier
  visit) to open by resume link.
- :func:`find_chromium` picks the browser: ``ASSESS_CHROMIUM``, then ``chromium``,
  ``chromium-browser`` or ``google-chrome`` on the PATH, then Playwright's own download;
  with none at all the run fails with instructions (browser tests never skip).
- :func:`wait_idle`, :func:`open_app`, :func:`tab_to` and :func:`screenshot` drive a page:
  wait for the end of a script run, press Tab until an element has the focus, save a PNG
  to ``test-artifacts/screenshots/``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, Playwright, ViewportSize, expect

from assessment.loader import load_answers, load_bank
from assessment.store import repository
from assessment.store.db import make_engine

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"
MINI_DIR = ROOT / "tests" / "fixtures" / "mini"
SHIPPED_DIR = ROOT / "questions" / "mlops-team"
PERSONAS = ROOT / "tests" / "personas"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
FAILURES = ROOT / "test-artifacts" / "failures"

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
STARTUP_TIMEOUT = 60.0  # seconds for the server to answer /_stcore/health
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
LAPTOP: ViewportSize = {"width": 1366, "height": 768}
PROJECTOR: ViewportSize = {"width": 1920, "height": 1080}


# --------------------------------------------------------------------------- browser


def find_chromium(playwright: Playwright | None = None) -> str | None:
    """The Chromium to drive: ``ASSESS_CHROMIUM``, a system one, or None for Playwright's.

    Fails the test run with instructions when there is no browser at all.
    """
    configured = os.environ.get("ASSESS_CHROMIUM", "").strip()
    if configured:
        if not Path(configured).exists():
            pytest.fail(f"ASSESS_CHROMIUM={configured} does not exist", pytrace=False)
        return configured
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if playwright is not None and Path(playwright.chromium.executable_path).exists():
        return None
    pytest.fail(
        "No Chromium for the browser tests. Install one (Debian: apt-get install chromium), "
        "set ASSESS_CHROMIUM to its path, or run `.venv/bin/python -m playwright install "
        "chromium`.",
        pytrace=False,
    )


# --------------------------------------------------------------------------- server


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class StreamlitServer:
    """One ``streamlit run`` process with its own bank and database."""

    url: str
    bank_dir: Path
    data_dir: Path
    log: Path
    process: subprocess.Popen[bytes]
    _engine: Any = field(default=None, repr=False)

    @property
    def database_url(self) -> str:
        return f"sqlite:///{self.data_dir / 'assessment.sqlite3'}"

    def seed(
        self,
        values: Mapping[str, Any],
        meta: Mapping[str, Any] | None = None,
        targets: Mapping[str, int] | None = None,
    ) -> str:
        """Store an assessment in the server's database; returns its resume token."""
        bank = load_bank(self.bank_dir)
        if self._engine is None:
            self._engine = make_engine(self.database_url)
        token = repository.create(self._engine, bank.info.id, bank.info.version, meta or {})
        repository.replace_all(self._engine, token, dict(values), dict(meta or {}))
        if targets:
            repository.save_targets(self._engine, token, targets)
        return token

    def seed_file(self, answers_file: Path, targets: Mapping[str, int] | None = None) -> str:
        """Store the answers of an answers file (e.g. a persona); returns the token."""
        answers = load_answers(answers_file, load_bank(self.bank_dir))
        return self.seed(
            answers.values, answers.meta.model_dump(exclude_none=True), targets=targets
        )

    def resume_url(self, token: str, page: str = "assessment") -> str:
        return f"{self.url}/{page}?resume={token}"

    def stop(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def _wait_healthy(server: StreamlitServer) -> None:
    """Poll ``/_stcore/health`` until the server says ok (or fail with its log)."""
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=2) as reply:
                if reply.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)  # polling a health endpoint: waiting for state, not for time
    log = server.log.read_text(encoding="utf-8", errors="replace")[-3000:]
    server.stop()
    pytest.fail(f"streamlit did not become healthy at {server.url}:\n{log}", pytrace=False)


def start_server(
    tmp: Path,
    bank_dir: Path = MINI_DIR,
    app: Path = APP,
    env: Mapping[str, str] | None = None,
) -> StreamlitServer:
    """Start ``streamlit run app`` on a free port, with its data under ``tmp``."""
    port = free_port()
    data_dir = tmp / "data"
    data_dir.mkdir(parents=True, exist_ok=True)
    log = tmp / "streamlit.log"
    run_env = {
        **os.environ,
        "ASSESS_DATA_DIR": str(data_dir),
        "ASSESS_BANK_DIR": str(bank_dir),
        "PYTHONUNBUFFERED": "1",
        **(env or {}),
    }
    run_env.pop("ASSESS_DATABASE_URL", None)
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app),
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.fileWatcherType",
        "none",
        "--browser.gatherUsageStats",
        "false",
    ]
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, cwd=ROOT, env=run_env, stdout=out, stderr=subprocess.STDOUT
        )
    server = StreamlitServer(f"http://127.0.0.1:{port}", bank_dir, data_dir, log, process)
    _wait_healthy(server)
    return server


# --------------------------------------------------------------------------- page helpers


def wait_idle(page: Page, timeout: float = 20_000) -> None:
    """Wait until the app is connected and its script run has finished."""
    page.wait_for_selector(IDLE, timeout=timeout)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=timeout)


def open_app(page: Page, url: str, ready: str) -> None:
    """Go to ``url`` and wait for the text ``ready`` and the end of the script run."""
    page.goto(url)
    expect(page.get_by_text(ready, exact=False).first).to_be_visible(timeout=30_000)
    wait_idle(page)


def is_focused(target: Locator) -> bool:
    return bool(
        target.evaluate(
            "el => el === document.activeElement || el.contains(document.activeElement)"
        )
    )


def tab_to(page: Page, target: Locator, limit: int = 80) -> None:
    """Press Tab until ``target`` (or something inside it) has the keyboard focus."""
    for _ in range(limit):
        if is_focused(target):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {target} in {limit} presses")


def screenshot(page: Page, name: str) -> Path:
    """Save the visible page as ``test-artifacts/screenshots/<name>-<w>x<h>.png``."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size or LAPTOP
    path = SCREENSHOTS / f"{name}-{size['width']}x{size['height']}.png"
    # A widget's code loads on its first use after a page load, with a grey placeholder
    # meanwhile: the picture is of the page a person sees a moment later.
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=10_000)
    page.screenshot(path=str(path))
    return path


def persona_values(server: StreamlitServer, name: str) -> dict[str, object]:
    """The answers of persona file ``name`` (``tests/personas``), checked against the
    bank ``server`` runs on."""
    return dict(load_answers(PERSONAS / name, load_bank(server.bank_dir)).values)
