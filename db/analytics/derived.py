"""Derived tables written from a SELECT in db/sql: in the caller's transaction, or by worker connections.

A worker reads on the caller's snapshot (`pg_export_snapshot`, `SET TRANSACTION SNAPSHOT`), so every job sees
the database exactly as the caller does, and its rows are written by the caller's connection: the caller's
transaction stays the only one that writes, all or nothing. Workers do not see what the caller has written
but not yet committed, so a refresh inside a load uses no workers.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from queue import Empty, SimpleQueue
from threading import Event

import psycopg
import sqlalchemy as sa
from psycopg import sql

from db.sql import load_sql, quote_ident


@dataclass(frozen=True)
class Job:
    """Rows of the SELECT db/sql/<rows>.sql with these parameters, for these columns of a table."""

    table: str
    columns: tuple[str, ...]
    rows: str
    params: dict = field(default_factory=dict)
    setup: str | None = None  # a statement run first in the job's transaction (work_mem and the like)


def _insert_sql(job: Job) -> str:
    """INSERT INTO the job's table and columns, from its SELECT."""
    columns = ", ".join(map(quote_ident, job.columns))
    return f"INSERT INTO {quote_ident(job.table)} ({columns})\n{load_sql(job.rows)}"


def insert(conn: sa.Connection, job: Job) -> int:
    """Write the job's rows in this connection's transaction; rows written."""
    if job.setup:
        conn.execute(sa.text(load_sql(job.setup)))
    return conn.execute(sa.text(_insert_sql(job)), job.params).rowcount


def _pyformat(conn: sa.Connection, name: str) -> str:
    """The named query with psycopg's %(name)s placeholders (and its % signs doubled)."""
    return str(sa.text(load_sql(name)).compile(dialect=conn.dialect))


@contextmanager
def _worker(conn: sa.Connection, snapshot: str) -> Iterator[psycopg.Connection]:
    """A new connection, as the caller's user, in a read-only transaction on the caller's snapshot."""
    url = conn.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url, connect_timeout=5, options="-c jit=off") as worker:
        worker.isolation_level, worker.read_only = psycopg.IsolationLevel.REPEATABLE_READ, True
        worker.execute(sql.SQL("SET TRANSACTION SNAPSHOT {}").format(sql.Literal(snapshot)))
        yield worker


def _rows(conn: sa.Connection, worker: psycopg.Connection, job: Job) -> bytes:
    """The job's rows as COPY text, computed by the worker."""
    if job.setup:
        worker.execute(_pyformat(conn, job.setup))
    statement = sql.SQL("COPY ({}) TO STDOUT").format(sql.SQL(_pyformat(conn, job.rows)))
    out = io.BytesIO()
    with worker.cursor().copy(statement, job.params) as copy:
        for block in copy:
            out.write(block)
    return out.getvalue()


def insert_all(conn: sa.Connection, jobs: Sequence[Job], workers: int = 1) -> dict[str, int]:
    """Write the jobs' rows in this transaction, computed here or by `workers` connections on its snapshot.

    Each job's rows are written as soon as a worker has them, so memory holds a few jobs, not all. Returns the
    rows written per table.
    """
    written = dict.fromkeys((job.table for job in jobs), 0)
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            written[job.table] += insert(conn, job)
        return written
    snapshot = conn.execute(sa.text("SELECT pg_export_snapshot()")).scalar_one()
    pending: SimpleQueue[Job] = SimpleQueue()
    for job in jobs:
        pending.put(job)
    done: SimpleQueue[tuple[Job, bytes]] = SimpleQueue()
    stop = Event()

    def work() -> None:
        with _worker(conn, snapshot) as worker:
            while not stop.is_set():
                try:
                    job = pending.get_nowait()
                except Empty:
                    return
                done.put((job, _rows(conn, worker, job)))

    with ThreadPoolExecutor(max_workers=min(workers, len(jobs)), thread_name_prefix="derived") as pool:
        futures = [pool.submit(work) for _ in range(min(workers, len(jobs)))]
        try:
            for _ in jobs:
                job, data = _next(done, futures)
                written[job.table] += _write(conn, job, data)
        finally:
            stop.set()  # a failure here or in a worker: the others stop after their current job
    return written


def _next(done: SimpleQueue[tuple[Job, bytes]], futures: list[Future]) -> tuple[Job, bytes]:
    """The next finished job's rows; a worker's exception as soon as it has failed."""
    while True:
        try:
            return done.get(timeout=0.1)
        except Empty:
            for future in futures:
                if future.done() and future.exception() is not None:
                    raise future.exception() from None
            if all(future.done() for future in futures) and done.empty():
                raise RuntimeError("the workers stopped before every job was done") from None


def _write(conn: sa.Connection, job: Job, data: bytes) -> int:
    """COPY rows (COPY text) into the job's table through the caller's connection; rows written."""
    target = f"COPY {quote_ident(job.table)} ({', '.join(map(quote_ident, job.columns))}) FROM STDIN"
    cursor = conn.connection.driver_connection.cursor()
    with cursor.copy(target) as copy:
        copy.write(data)
    return cursor.rowcount
