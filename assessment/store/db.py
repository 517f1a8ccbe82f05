"""Database connection: an embedded SQLite file by default, PostgreSQL when configured.

``ASSESS_DATABASE_URL`` selects the database (e.g. ``postgresql+psycopg://host/db``);
without it the app writes ``assessment.sqlite3`` in the data folder
(:func:`assessment.paths.data_dir`: ``ASSESS_DATA_DIR``, else ``data/`` in a checkout, else
the user's data folder), so ``make run`` needs no server. SQLite runs in WAL mode with a
busy timeout and takes the write lock at the start of each write transaction, so
concurrent participants queue instead of failing with "database is locked". Within one
process, SQLite writers also take turns on a lock first (:func:`writing`).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.sql import ClauseElement, Executable

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


_SQLITE_WRITERS = threading.RLock()


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A write transaction: committed on success, rolled back on error.

    On SQLite the writers of this process (one thread per browser session) queue on a
    lock before asking for SQLite's. SQLite lets one writer in and makes the others poll
    with growing sleeps (up to 100 ms each, within busy_timeout): when a workshop room
    answered at once, answers waited in those sleeps while the CPU sat idle (issue 14,
    docs/PERFORMANCE.md). Other processes on the same file still queue in SQLite.
    """
    turn: AbstractContextManager[Any] = (
        _SQLITE_WRITERS if engine.dialect.name == "sqlite" else nullcontext()
    )
    # The turn first: a writer waiting for it holds no pooled connection.
    with turn, engine.connect() as conn:
        conn.execution_options(immediate=True)
        with conn.begin():
            yield conn


def write_one(engine: Engine, statement: Executable, params: Mapping[str, Any]) -> int:
    """Run one write statement as its own transaction; returns how many rows it wrote.

    For the writes a workshop room makes all at once (an answer, see
    ``repository.save_answer``). On SQLite the statement goes straight to the driver's
    connection, which has no transaction open (``isolation_level = None``, see
    :func:`make_engine`), so it is one call, committed on its own, inside the process's
    turn: a transaction's BEGIN, statement and COMMIT are three calls, each giving up
    Python's GIL and queueing to get it back while the turn is held, and every other
    answer of the room waits for that turn (docs/PERFORMANCE.md). Elsewhere it is an
    ordinary SQLAlchemy transaction.
    """
    if engine.dialect.name != "sqlite":
        with engine.begin() as conn:
            # SQLAlchemy keeps an INSERT's row count only when asked to.
            conn.execution_options(preserve_rowcount=True)
            return int(conn.execute(statement, dict(params)).rowcount)
    form = _driver_form(engine.dialect, statement)
    values = form.values(params)
    with _SQLITE_WRITERS:  # the turn first: a writer waiting holds no pooled connection
        raw = engine.raw_connection()
        try:
            cursor = raw.driver_connection.execute(form.sql, values)  # type: ignore[union-attr]
            return int(cursor.rowcount)
        finally:
            raw.close()


@dataclass(frozen=True)
class _DriverForm:
    """A statement as the driver takes it: SQL text and its parameters in order, each
    converted by the column type's own bind processor, exactly as SQLAlchemy would."""

    sql: str
    names: tuple[str, ...]
    processors: tuple[Callable[[Any], Any] | None, ...]
    constants: dict[str, Any]
    """The statement's own values (its literals), for the names not given."""

    def values(self, params: Mapping[str, Any]) -> tuple[Any, ...]:
        out = []
        for name, convert in zip(self.names, self.processors, strict=True):
            value = params[name] if name in params else self.constants[name]
            out.append(value if convert is None else convert(value))
        return tuple(out)


_DRIVER_FORMS: dict[tuple[int, str], tuple[Executable, _DriverForm]] = {}


def _driver_form(dialect: Dialect, statement: Executable) -> _DriverForm:
    key = (id(statement), dialect.name)
    found = _DRIVER_FORMS.get(key)
    if found is None or found[0] is not statement:
        assert isinstance(statement, ClauseElement), statement
        compiled: Any = statement.compile(dialect=dialect)
        names = tuple(compiled.positiontup or ())
        processors = tuple(
            compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect)
            for name in names
        )
        found = _DRIVER_FORMS[key] = (
            statement,
            _DriverForm(compiled.string, names, processors, dict(compiled.params)),
        )
    return found[1]
