"""Cached reads run side by side: a cold view's queries on two connections instead of one after the other."""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

WORKERS = 2  # the server's cores; each read waits on the database most of its time


def warm(reads: Sequence[Callable[[], object]], workers: int = WORKERS) -> None:
    """Call each read (a cached function of dashboard.reads) on `workers` threads, so that its result is in its
    cache when the view asks for it. Each thread runs in this script run's context and with this thread's context
    variables (the reader of core.reading_as), so it reads and caches exactly what the view would; the first
    failure is raised here, as the view itself would have raised it."""
    run_ctx = get_script_run_ctx()

    def call(read: Callable[[], object]) -> None:
        if run_ctx is not None:
            add_script_run_ctx(threading.current_thread(), run_ctx)
        read()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(contextvars.copy_context().run, call, read) for read in reads]
        for future in futures:
            future.result()
