"""Process-wide resources: the question bank and the database engine, built once.

Streamlit reruns every page script on every click. Loading and cross-checking a bank
takes tens of milliseconds, so it is kept for the life of the process, keyed by the bank
folder so tests can point at another bank. A plain dictionary rather than
``st.cache_resource``: a page asks for the bank a dozen times per rerun, and the cache's
own bookkeeping (hashing the arguments each call) cost about 2 ms of a 20 ms rerun.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from sqlalchemy import Engine

from assessment.loader import default_bank_dir, load_bank
from assessment.models import Bank
from assessment.store.db import database_url, get_engine


_BANKS: dict[str, Bank] = {}
_LOCK = threading.Lock()


def bank() -> Bank:
    """The validated bank the app runs on (``ASSESS_BANK_DIR`` or the shipped one)."""
    path = os.environ.get("ASSESS_BANK_DIR") or str(default_bank_dir())
    found = _BANKS.get(path)
    if found is None:
        with _LOCK:
            found = _BANKS.get(path)
            if found is None:
                found = load_bank(Path(path))
                _BANKS[path] = found
    return found


def engine() -> Engine:
    """The database engine for the configured URL (cached per URL by the store)."""
    return get_engine(database_url())
