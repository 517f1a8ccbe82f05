"""Fixtures for the browser tests (see :mod:`e2e.harness` for the machinery).

- ``playwright``, ``browser``, ``context``, ``page``: Playwright's sync API, one headless
  Chromium (found by :func:`e2e.harness.find_chromium`, started with its flags) for the
  whole ``tests/e2e`` package, a fresh laptop-sized page per test. They replace
  pytest-playwright's session-wide fixtures on purpose: Playwright's sync API keeps an
  asyncio loop running while it is started, which breaks ``asyncio.run`` in any test that
  runs after the browser tests; scoped to this package, it is stopped before they run.
  A failing test leaves a screenshot in ``test-artifacts/failures/``.
- ``launch_server(bank_dir=..., app=..., env=...)``: a running app, stopped at the end of
  the package; ``mini_server`` and ``shipped_server`` start one per test module, and
  ``shipped_db`` is the database of that module's ``shipped_server``, ``shipped_bank`` the
  bank it runs on.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator, Mapping
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright
from sqlalchemy import Engine

from assessment.loader import load_bank
from assessment.models import Bank
from assessment.store.db import make_engine
from e2e.harness import (
    APP,
    CHROMIUM_ARGS,
    FAILURES,
    LAPTOP,
    MINI_DIR,
    SHIPPED_DIR,
    StreamlitServer,
    find_chromium,
    start_server,
)

_OUTCOME = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Remember whether the test body failed, for the failure screenshot."""
    report = yield
    if report.when == "call":
        item.stash[_OUTCOME] = report.failed
    return report


@pytest.fixture(scope="package")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="package")
def browser(playwright: Playwright) -> Iterator[Browser]:
    executable = find_chromium(playwright)
    launched = playwright.chromium.launch(
        headless=True, args=CHROMIUM_ARGS, executable_path=executable
    )
    yield launched
    launched.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh browser profile per test: no cookies or storage from other tests."""
    fresh = browser.new_context(viewport=LAPTOP, locale="en-GB", accept_downloads=True)
    yield fresh
    fresh.close()


@pytest.fixture
def page(context: BrowserContext, request: pytest.FixtureRequest) -> Iterator[Page]:
    opened = context.new_page()
    yield opened
    if request.node.stash.get(_OUTCOME, False):
        FAILURES.mkdir(parents=True, exist_ok=True)
        name = "".join(c if c.isalnum() or c in "-_" else "_" for c in request.node.name)
        opened.screenshot(path=str(FAILURES / f"{name}.png"))


@pytest.fixture(scope="package")
def launch_server(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Callable[..., StreamlitServer]]:
    """``launch(bank_dir=..., app=..., env=...)`` → a running server, stopped at the end
    of the ``tests/e2e`` package."""
    started: list[StreamlitServer] = []

    def launch(
        bank_dir: Path = MINI_DIR, app: Path = APP, env: Mapping[str, str] | None = None
    ) -> StreamlitServer:
        server = start_server(tmp_path_factory.mktemp("streamlit"), bank_dir, app, env)
        started.append(server)
        return server

    yield launch
    for server in started:
        server.stop()


@pytest.fixture(scope="module")
def mini_server(launch_server: Callable[..., StreamlitServer]) -> Iterator[StreamlitServer]:
    """The app on the small mini bank: precise keys and counts."""
    server = launch_server(MINI_DIR)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def shipped_server(launch_server: Callable[..., StreamlitServer]) -> Iterator[StreamlitServer]:
    """The app on the shipped bank, as people see it."""
    server = launch_server(SHIPPED_DIR)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def shipped_db(shipped_server: StreamlitServer) -> Iterator[Engine]:
    """The database of the module's ``shipped_server`` (to seed or read what it stores)."""
    engine = make_engine(shipped_server.database_url)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def shipped_bank() -> Bank:
    """The shipped bank, as ``shipped_server`` runs it."""
    return load_bank(SHIPPED_DIR)
