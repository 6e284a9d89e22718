"""Staging a stream of checked points by binary COPY, counting what was read, staged and touched."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import sqlalchemy as sa

from db.sql import query, quote_ident
from etl.tracks.check import Checker, StagedRow
from etl.tracks.partitions import months_of
from etl.tracks.points import STAGED, STAGED_TYPES, PointBatch

COPY_SQL = f"COPY {quote_ident('stage_track')} ({', '.join(quote_ident(c) for c in STAGED)}) FROM STDIN (FORMAT BINARY)"


@dataclass
class Staged:
    """What went into the staging table: rows read, rows staged, vehicles named, local months touched."""

    read: int = 0
    staged: int = 0
    vehicles: set[str] = field(default_factory=set)
    months: set[dt.datetime] = field(default_factory=set)

    def add(self, batch: PointBatch, rows: list[StagedRow]) -> None:
        """Count one batch."""
        self.read += len(batch.points) + len({n for n, _, _ in batch.problems})
        self.staged += len(rows)
        self.vehicles.update(r[1] for r in rows)
        self.months |= months_of(rows)


def stage(conn: sa.Connection, batches: Iterable[PointBatch], checker: Checker,
          progress: Callable[[int], None] = lambda done: None) -> Staged:
    """Create the staging table and COPY every good point of the stream into it."""
    conn.execute(query("stage_track"))
    staged = Staged()
    with conn.connection.driver_connection.cursor() as cur, cur.copy(COPY_SQL) as copy:
        copy.set_types(STAGED_TYPES)
        for batch in batches:
            rows = checker.check(batch)
            for row in rows:
                copy.write_row(row)
            staged.add(batch, rows)
            progress(batch.position)
    return staged
