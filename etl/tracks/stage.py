"""Streaming checked points into the database: straight into new month tables, or through the staging table.

Straight in (`direct`) is taken while every vehicle's times rise strictly through the file, which proves
that the file repeats no (vehicle, time): points of a month without a partition are then COPYed into that
month's new table and the rest into the staging table (see router.py). A file out of order raises
Retry("order"); it is then loaded again with every point staged, so that SQL finds and reports the repeats.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np
import sqlalchemy as sa

from db.sql import query
from etl.tracks import partitions
from etl.tracks.check import Checker
from etl.tracks.points import Checked, PointBatch
from etl.tracks.router import Router
from etl.tracks.sink import Sink


@dataclass
class Staged:
    """What went where: rows read, points kept, points per new month table, staged months, vehicles, time span."""

    read: int = 0
    staged: int = 0
    direct: dict[dt.datetime, int] = field(default_factory=dict)
    months: set[dt.datetime] = field(default_factory=set)  # months of the points in the staging table
    vehicles: set[int] = field(default_factory=set)
    span: tuple[int, int] | None = None  # first and last ts, µs since 1970 UTC

    def add(self, points: Checked) -> None:
        """Count the good points of one batch."""
        self.staged += len(points)
        if len(points):
            self.vehicles.update(np.unique(points.vehicle).tolist())
            lo, hi = int(points.ts.min()), int(points.ts.max())
            self.span = (lo, hi) if self.span is None else (min(lo, self.span[0]), max(hi, self.span[1]))


def stage(conn: sa.Connection, batches: Iterable[PointBatch], checker: Checker, direct: bool,
          progress: Callable[[int], None] = lambda done: None) -> Staged:
    """Create the staging tables and COPY every good point of the stream to its table."""
    conn.execute(query("stage_track"))
    conn.execute(query("stage_track_vehicle"))
    sink, names = Sink(conn), []
    router = Router(conn, sink, direct, Staged())
    try:
        for batch in batches:
            points = checker.check_arrays(batch)
            router.staged.read += batch.read
            names += [n.encode() for n in checker.vehicles.names[len(names):]]
            router.send(points, names)
            progress(batch.position)
        sink.close()
    except BaseException as exc:
        sink.abort(exc)
        raise
    if router.staged.direct:
        partitions.unroute(conn, router.staged.direct)
    codes = sorted(router.staged.vehicles)
    conn.execute(query("track_stage_vehicles"), {"codes": codes, "ids": [checker.vehicles.names[c] for c in codes]})
    return router.staged
