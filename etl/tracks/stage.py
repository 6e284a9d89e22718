"""Streaming checked points into the database: straight into new month tables, or through the staging table.

Straight in (`direct`) is taken while every vehicle's times rise strictly through the file, which proves
that the file repeats no (vehicle, time): points of a month without a partition are then COPYed into that
month's new table and the rest into the staging table (see router.py). A file out of order raises
Retry("order"); it is then loaded again with every point staged, so that SQL finds and reports the repeats.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import sqlalchemy as sa

from db.sql import query
from etl.tracks import partitions
from etl.tracks.check import Checker
from etl.tracks.points import PointBatch
from etl.tracks.router import Router
from etl.tracks.sink import Sink
from etl.tracks.staged import Staged


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
