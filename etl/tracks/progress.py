"""A progress bar over the bytes of a file, shown only for big files when stdout is a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

MIN_BYTES = 16 << 20  # smaller files load in a few seconds


@contextmanager
def file_progress(path: Path, enabled: bool | None = None) -> Iterator[Callable[[int], None]]:
    """A function to call with the bytes consumed so far; a no-op unless a bar is wanted."""
    size = path.stat().st_size if path.is_file() else 0
    if enabled is None:
        enabled = sys.stdout.isatty() and size >= MIN_BYTES
    if not enabled:
        yield lambda done: None
        return
    columns = (TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TimeRemainingColumn())
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task(path.name, total=size)
        yield lambda done: bar.update(task, completed=done)
