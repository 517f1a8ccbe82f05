"""Process-wide resources: the question bank and the database, built once.

Streamlit reruns every page script on every click. Loading and cross-checking a bank
takes tens of milliseconds, so it is kept for the life of the process, keyed by the bank
folder so tests can point at another bank. A plain dictionary rather than
``st.cache_resource``: a page asks for the bank a dozen times per rerun, and the cache's
own bookkeeping (hashing the arguments each call) cost about 2 ms of a 20 ms rerun.

The first bank load also starts the process's warm-up (:mod:`assessment.ui.warm_up`).
"""

from __future__ import annotations

import os
import threading
from functools import cache
from pathlib import Path
from typing import NoReturn

import streamlit as st
from sqlalchemy import Engine

from assessment.loader import default_bank_dir, load_bank
from assessment.models import Bank
from assessment.safe_yaml import InputError
from assessment.store.db import database_url, get_engine
from assessment.ui import warm_up
from assessment.ui.language import _

_BANKS: dict[str, Bank] = {}
_LOCK = threading.Lock()


@cache
def _shipped_bank_dir() -> str:
    return str(default_bank_dir())


def bank() -> Bank:
    """The validated bank the app runs on (``ASSESS_BANK_DIR`` or the shipped one)."""
    path = os.environ.get("ASSESS_BANK_DIR") or _shipped_bank_dir()
    found = _BANKS.get(path)
    if found is None:
        with _LOCK:
            found = _BANKS.get(path)
            if found is None:
                try:
                    found = load_bank(Path(path))
                except InputError as exc:
                    _stop_with_bank_problems(path, exc)
                _BANKS[path] = found
                warm_up.start(found)
    return found


def _stop_with_bank_problems(path: str, exc: InputError) -> NoReturn:
    """A broken question bank is an operator's mistake: say exactly what, then stop."""
    st.error(
        _(
            "The question bank in {path} cannot be used, so the assessment cannot start. "
            "Whoever runs this app can fix it with `assess validate`; the problems are:"
        ).format(path=path),
        icon=":material/error:",
    )
    st.code("\n".join(str(p) for p in exc.problems[:25]), language=None)
    st.stop()


_ENGINES: dict[tuple[str | None, str | None], Engine] = {}


def database() -> Engine:
    """The SQLAlchemy engine for the configured database (the settings' two variables).

    Not to be confused with :mod:`assessment.engine`, the scoring entry point. Kept per
    setting here: an answer's run asks for it several times, and working the URL out
    again (its data folder created, a system call) was ~2 % of a burst's CPU.
    """
    key = (os.environ.get("ASSESS_DATABASE_URL"), os.environ.get("ASSESS_DATA_DIR"))
    found = _ENGINES.get(key)
    if found is None:
        found = _ENGINES[key] = get_engine(database_url())
    return found
