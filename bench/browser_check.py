"""Cross-check the protocol client with real browsers: N headless Chromium participants.

Each browser opens its participant link and clicks answers like a person; the round trip
is read off the page's own WebSocket (Playwright reports every frame): from the BackMsg
that carries the click to the ForwardMsg that says the script run finished. The same
quantity the protocol client measures, so the two can be compared side by side.
"""

from __future__ import annotations

import asyncio
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from playwright.async_api import Page, WebSocket, async_playwright
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from assessment.loader import default_bank_dir, load_bank
from assessment.store import workshops as ws
from assessment.store.db import make_engine
from bench.app_server import AppServer

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


class FrameClock:
    """Times each widget rerun on one page from its WebSocket frames."""

    def __init__(self) -> None:
        self.sent_at: float | None = None
        self.samples: list[float] = []

    def attach(self, socket: WebSocket) -> None:
        socket.on("framesent", self._sent)
        socket.on("framereceived", self._received)

    def _sent(self, payload: Any) -> None:
        if not isinstance(payload, bytes):
            return
        msg = BackMsg()
        msg.ParseFromString(payload)
        if msg.WhichOneof("type") == "rerun_script" and msg.rerun_script.widget_states.widgets:
            self.sent_at = time.perf_counter()

    def _received(self, payload: Any) -> None:
        if self.sent_at is None or not isinstance(payload, bytes):
            return
        msg = ForwardMsg()
        msg.ParseFromString(payload)
        # A whole page's run ends FINISHED_SUCCESSFULLY (0), a question's fragment run
        # FINISHED_FRAGMENT_RUN_SUCCESSFULLY (3): an answer is the second.
        if msg.WhichOneof("type") == "script_finished" and msg.script_finished in (0, 3):
            self.samples.append((time.perf_counter() - self.sent_at) * 1000)
            self.sent_at = None


async def _participant(page: Page, url: str, rng: random.Random, answers: int) -> FrameClock:
    clock = FrameClock()
    page.on("websocket", clock.attach)
    await page.goto(url)
    await page.wait_for_selector(IDLE, timeout=60_000)
    main_radios = '[data-testid="stMain"] [data-testid="stRadio"]'  # not the sidebar's
    await page.wait_for_selector(main_radios, timeout=60_000)
    groups = page.locator(main_radios)
    count = min(answers, await groups.count())
    for i in range(count):
        await asyncio.sleep(rng.uniform(3, 5))
        options = groups.nth(i).locator("label:has(input[type=radio])")
        choice = rng.randrange(max(1, await options.count() - 1))
        await options.nth(choice).click()
        await page.wait_for_selector(IDLE, timeout=60_000)
    return clock


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def run(participants: int = 10, answers: int = 4) -> dict[str, Any]:
    bank = load_bank(default_bank_dir())
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        with AppServer(data) as server:
            engine = make_engine(f"sqlite:///{data / 'assessment.sqlite3'}")
            workshop = ws.create(engine, bank, "Browser check", threshold=3)
            tokens = [ws.join(engine, workshop.code, None, f"b{i}") for i in range(participants)]
            engine.dispose()

            async def main() -> list[FrameClock]:
                async with async_playwright() as driver:
                    browser = await driver.chromium.launch(executable_path=_chromium(), args=ARGS)
                    pages = [await (await browser.new_context()).new_page() for _ in tokens]
                    clocks = await asyncio.gather(
                        *(
                            _participant(
                                page,
                                f"{server.url}/assessment?resume={token}",
                                random.Random(i),
                                answers,
                            )
                            for i, (page, token) in enumerate(zip(pages, tokens, strict=True))
                        )
                    )
                    await browser.close()
                    return list(clocks)

            clocks = asyncio.run(main())
    samples = sorted(s for c in clocks for s in c.samples)
    if not samples:
        return {"participants": participants, "interactions": 0}
    return {
        "participants": participants,
        "interactions": len(samples),
        "p50_ms": round(statistics.median(samples), 1),
        "p95_ms": round(samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))], 1),
        "max_ms": round(samples[-1], 1),
    }
