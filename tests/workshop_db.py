"""Database fixtures shared by the workshop and store tests: every test runs on SQLite and
on PostgreSQL (a throw-away database per module), because the two differ exactly where
security matters (NUL in text, row locks, concurrent writers).

Import the fixtures into a test module with ``from workshop_db import bank, engine, pg_url``.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from assessment.loader import load_bank
from assessment.models import Bank
from assessment.store.db import make_engine

MINI = Path(__file__).parent / "fixtures" / "mini"
PG_ADMIN = os.environ.get(
    "ASSESS_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
TABLES = "presenter_keys, hands, answers, assessments, workshops, join_attempts"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(MINI)


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    """A throw-away PostgreSQL database for this module, dropped afterwards."""
    name = f"assess_test_{secrets.token_hex(4)}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # pragma: no cover - CI provides PostgreSQL
        pytest.fail(f"PostgreSQL is needed for the workshop tests at {PG_ADMIN}: {exc}")
    yield PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as conn:
        conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = :name AND pid <> pg_backend_pid()"
            ),
            {"name": name},
        )
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "sqlite":
        eng = make_engine(f"sqlite:///{tmp_path / 'w.sqlite3'}")
    else:
        url = request.getfixturevalue("pg_url")
        eng = make_engine(url)
        with eng.begin() as conn:
            conn.execute(text(f"TRUNCATE {TABLES} CASCADE"))
    yield eng
    eng.dispose()
