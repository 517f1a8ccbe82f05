"""Warm the server up once, off the critical path: what the Results page first needs.

The first time a server process drew the Results page it spent ~2 s (issue 14): ~1.2 s
importing what the page's tables and charts need (pandas and pyarrow behind
``st.table``, Plotly's figure validators) and the rest building them the first time.
:func:`start` is called on the first page of the process (when the bank is first loaded,
:mod:`assessment.ui.resources`) and does that work in a background thread, while the
person reads the Start page and answers questions; the Results page then finds it all
loaded. It needs no session and writes nothing.

The collector is paused while it runs, and when it is done it is settled
(:func:`settle_gc`): everything loaded so far is long-lived, so it is moved out of the
collector's way.
"""

from __future__ import annotations

import gc
import logging
import threading

from assessment.models import Answers, Bank

_LOG = logging.getLogger(__name__)
_STARTED = threading.Event()

GC_THRESHOLDS = (10_000, 20, 20)
"""Python's default is (700, 10, 10)."""


def start(bank: Bank) -> None:
    """Warm up in a background thread, once per process."""
    if _STARTED.is_set():
        return
    _STARTED.set()
    # No collection while the warm-up builds the heap it keeps: each full collection
    # walked every object loaded so far (up to ~0.2 s with every session waiting).
    gc.disable()
    threading.Thread(target=_run, args=(bank,), name="assessment-warm-up", daemon=True).start()


def _run(bank: Bank) -> None:
    try:
        warm(bank)
    except Exception:  # a warm-up that fails only costs the first Results page its time
        _LOG.exception("warm-up failed")
    finally:
        settle_gc()


def warm(bank: Bank) -> None:
    """Do once what the Results page's first render would: engine, figures, a table."""
    from streamlit import dataframe_util

    from assessment.engine import assess
    from assessment.report.presentation import present
    from assessment.ui.charts import profile_figure, spectrum_figure

    result = assess(bank, Answers(bank=bank.info.id, bank_version=bank.info.version, values={}))
    p = present(result)
    spectrum_figure(p.approach.score, p.approach.placed)
    for group in p.profile:
        profile_figure(group.series)
    table = dataframe_util.convert_anything_to_pandas_df([{"a": "1", "b": "—"}])
    dataframe_util.convert_pandas_df_to_arrow_bytes(table)


def settle_gc() -> None:
    """Make the garbage collector's pauses short and rare in this long-lived server.

    Every session's script runs in this one process; while a workshop room answered at
    once, Python's collector ran ~270 young and 4 full collections during 300 answers, the
    full ones up to half a second each (every session waits: the collector holds the GIL),
    going through every long-lived object: modules, the bank, SQLAlchemy's tables
    (docs/PERFORMANCE.md). Objects alive now are moved out of the collector's way
    (``gc.freeze``) and young collections run less often. Reference counting still frees
    almost everything at once; only reference cycles wait a little longer.

    No full collection first: it took ~150 ms with every session waiting, and when a room
    answered right after the server started it landed in their first answers. The few
    reference cycles the start-up left are kept (frozen) instead.
    """
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    gc.enable()
