"""Process-wide resources: the question bank and the database engine, built once.

Streamlit reruns every page script on every click. Loading and cross-checking a bank
takes tens of milliseconds, so it is cached for the life of the process
(``st.cache_resource``), keyed by the bank folder so tests can point at another bank.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from sqlalchemy import Engine

from assessment.loader import default_bank_dir, load_bank
from assessment.models import Bank
from assessment.store.db import database_url, get_engine


@st.cache_resource(show_spinner=False)
def _bank_at(path: str) -> Bank:
    return load_bank(Path(path))


def bank() -> Bank:
    """The validated bank the app runs on (``ASSESS_BANK_DIR`` or the shipped one)."""
    return _bank_at(str(default_bank_dir()))


def engine() -> Engine:
    """The database engine for the configured URL (cached per URL by the store)."""
    return get_engine(database_url())
