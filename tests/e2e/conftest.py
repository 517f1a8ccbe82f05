"""Fixtures for the browser tests (see :mod:`e2e.harness` for the machinery).

- ``browser_type_launch_args`` / ``browser_context_args``: pytest-playwright's options with
  our Chromium, its flags and a laptop-sized page.
- ``launch_server(bank_dir=..., app=..., env=...)``: a running app, stopped at the end of
  the session; ``mini_server`` and ``shipped_server`` start one per test module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Playwright

from e2e.harness import (
    APP,
    CHROMIUM_ARGS,
    LAPTOP,
    MINI_DIR,
    SHIPPED_DIR,
    StreamlitServer,
    find_chromium,
    start_server,
)


@pytest.fixture(scope="session")
def browser_type_launch_args(
    browser_type_launch_args: dict[str, Any], playwright: Playwright
) -> dict[str, Any]:
    """pytest-playwright's launch options, with our Chromium and its flags."""
    args = {**browser_type_launch_args, "headless": True, "args": CHROMIUM_ARGS}
    executable = find_chromium(playwright)
    if executable is not None:
        args["executable_path"] = executable
    return args


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """Every page starts at laptop size; a test may resize it."""
    return {**browser_context_args, "viewport": LAPTOP, "locale": "en-GB"}


@pytest.fixture(scope="session")
def launch_server(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Callable[..., StreamlitServer]]:
    """``launch(bank_dir=..., app=..., env=...)`` → a running server, stopped at the end."""
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
