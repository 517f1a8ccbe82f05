"""Database connection: an embedded SQLite file by default, PostgreSQL when configured.

``ASSESS_DATABASE_URL`` selects the database (e.g. ``postgresql+psycopg://host/db``);
without it the app writes ``assessment.sqlite3`` in the data folder
(:func:`assessment.paths.data_dir`: ``ASSESS_DATA_DIR``, else ``data/`` in a checkout, else
the user's data folder), so ``make run`` needs no server. SQLite runs in WAL mode with a
busy timeout and takes the write lock at the start of each write transaction, so
concurrent participants queue instead of failing with "database is locked".
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url

from assessment.paths import data_dir
from assessment.store.migrate import upgrade

BUSY_TIMEOUT_MS = 10_000


def database_url() -> str:
    url = os.environ.get("ASSESS_DATABASE_URL", "").strip()
    if url:
        return url
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'assessment.sqlite3'}"


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy issue BEGIN itself (below) instead of pysqlite's deferred BEGIN.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Writes (see `writing`) take the lock up front with IMMEDIATE, so a read-then-write
        # transaction never fails half-way on a lock upgrade; waiting is bounded by
        # busy_timeout. Reads stay deferred and run beside writers (WAL).
        immediate = connection.get_execution_options().get("immediate", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str) -> Engine:
    """A new engine for ``url`` with the schema migrated to head (tests use this)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
        )
        _sqlite_setup(engine)
    else:
        engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    upgrade(engine)
    return engine


@lru_cache(maxsize=8)
def get_engine(url: str | None = None) -> Engine:
    """One engine (connection pool) per URL and process, its schema migrated to head."""
    return make_engine(url or database_url())


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A write transaction: committed on success, rolled back on error."""
    with engine.connect() as conn:
        conn.execution_options(immediate=True)
        with conn.begin():
            yield conn
