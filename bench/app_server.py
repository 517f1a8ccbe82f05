"""Start ``streamlit run app.py`` on a free port for measurements, and stop it after."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import TracebackType

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class AppServer:
    """The real app in a child process, with its own data folder (a fresh SQLite file)."""

    def __init__(
        self, data_dir: Path, env: dict[str, str] | None = None, app: Path | None = None
    ) -> None:
        self.app = app or ROOT / "app.py"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.data_dir = data_dir
        self.env = {**os.environ, "ASSESS_DATA_DIR": str(data_dir), **(env or {})}
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> AppServer:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(self.app),
                "--server.port",
                str(self.port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
                "--server.fileWatcherType",
                "none",
                "--browser.gatherUsageStats",
                "false",
            ],
            cwd=self.app.parent,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        self.__exit__(None, None, None)
        raise RuntimeError("the app did not start within 60 s")

    def rss_mb(self) -> float:
        """Resident memory of the server process, in MB."""
        assert self.process is not None
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def cpu_seconds(self) -> float:
        """CPU time the server process has used so far (user + system, all its threads).

        Unlike a round trip, this does not grow when other processes share the machine:
        the cost of our work per answer, whatever the load average.
        """
        assert self.process is not None
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        return (int(fields[11]) + int(fields[12])) / ticks

    async def settled(self, window: float = 0.5, share: float = 0.05, limit: float = 30.0) -> float:
        """Wait until the server is idle (under ``share`` of a core over ``window`` s);
        returns the seconds waited (at most ``limit``).

        A room joins, then answers: between the two the server finishes what its start
        left running (the app's warm-up: imports and first figures, in the background).
        In a workshop that happens while the facilitator opens the workshop, long before
        "please answer now"; the bench waits for it the same way on every server it
        compares, so the burst measures answering, not the start-up.
        """
        waited = 0.0
        while waited < limit:
            before = self.cpu_seconds()
            await asyncio.sleep(window)
            waited += window
            if self.cpu_seconds() - before < share * window:
                break
        return waited

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
