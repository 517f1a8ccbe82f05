"""Fixtures for the app tests: the real ``app.py`` under ``AppTest``, on a fresh database.

Each test gets its own SQLite file (``ASSESS_DATA_DIR`` in ``tmp_path``) and, unless it
asks for the shipped bank, the small mini bank, so widget keys and counts are precise.
``seed`` writes an assessment straight into that database, the way an earlier visit
would have, and returns its resume token.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from assessment.store import repository
from assessment.store.db import database_url, get_engine
from ui.apptest_helpers import APP, MINI_DIR, SHIPPED_DIR, TIMEOUT, Seed


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("ASSESS_DATA_DIR", str(folder))
    monkeypatch.delenv("ASSESS_DATABASE_URL", raising=False)
    return folder


@pytest.fixture
def mini(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run the app on the mini bank."""
    monkeypatch.setenv("ASSESS_BANK_DIR", str(MINI_DIR))
    return MINI_DIR


@pytest.fixture
def shipped(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run the app on the shipped bank."""
    monkeypatch.setenv("ASSESS_BANK_DIR", str(SHIPPED_DIR))
    return SHIPPED_DIR


@pytest.fixture
def db(data_dir: Path) -> Engine:
    return get_engine(database_url())


@pytest.fixture
def app() -> Iterator[AppTest]:
    """A fresh app session (like a new browser tab)."""
    yield AppTest.from_file(str(APP), default_timeout=TIMEOUT)


@pytest.fixture
def new_tab() -> Callable[[], AppTest]:
    """Open another tab of the app (a refresh, or a visit days later)."""

    def make() -> AppTest:
        return AppTest.from_file(str(APP), default_timeout=TIMEOUT)

    return make


@pytest.fixture
def seed(db: Engine) -> Seed:
    """``seed(values, meta=None, bank_id="mini", targets=None)`` → a stored assessment's token."""

    def make(
        values: dict[str, Any],
        meta: dict[str, Any] | None = None,
        bank_id: str = "mini",
        bank_version: str = "0.1",
        targets: dict[str, int] | None = None,
    ) -> str:
        token = repository.create(db, bank_id, bank_version, meta or {})
        repository.replace_all(db, token, values, meta or {})
        if targets:
            repository.save_targets(db, token, targets)
        return token

    return make
