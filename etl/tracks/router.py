"""Where each checked point goes: the new table of its month, or the staging table; and the order check."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import sqlalchemy as sa

from db.sql import query
from etl.tracks import partitions
from etl.tracks.binary import point_rows, stage_rows
from etl.tracks.points import Checked, Retry
from etl.tracks.sink import Sink, copy_sql
from etl.tracks.staged import Staged

STAGE_COPY = copy_sql("stage_track", ["row_no", "vehicle", "ts", "lon", "lat", "speed", "heading"])
ROUTE_COPY = copy_sql("track_fill", ["vehicle_id", "ts", "geom", "speed_kmh", "heading"])
OFFSET_US = partitions.OFFSET // dt.timedelta(microseconds=1)


def months_of(points: Checked) -> np.ndarray:
    """Local (Asia/Shanghai) month of each point, counted from January 1970."""
    return (points.ts + OFFSET_US).astype("datetime64[us]").astype("datetime64[M]").astype(np.int64)


@dataclass
class Router:
    """Sends each batch's points to their table, keeping the order check and the new month tables.

    The new month tables are partitions of track_fill while the file streams in: one COPY into track_fill
    routes every point to its month without switching statements (see partitions.route).
    """

    conn: sa.Connection
    sink: Sink
    direct: bool
    staged: Staged
    last: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))  # latest ts of each vehicle
    fresh: dict[int, bool] = field(default_factory=dict)  # month → whether it gets a new table

    def __post_init__(self) -> None:
        """What the database holds already: partitions, and whether the default partition has points."""
        self.present = partitions.existing(self.conn) if self.direct else set()
        self.default_rows = self.direct and self.conn.execute(query("track_default_any")).scalar()

    def send(self, points: Checked, names: list[bytes]) -> None:
        """COPY one batch of good points."""
        self.staged.add(points)
        if not len(points):
            return
        months = months_of(points)
        if not self.direct:
            self.staged.months.update(partitions.month_start(m) for m in np.unique(months).tolist())
            return self.sink.write(STAGE_COPY, stage_rows(points))
        order = self._in_order(points)
        points, months = points.take(order), months[order]
        seen = [int(months[0])] if months.min() == months.max() else np.unique(months).tolist()
        new = [m for m in seen if (self.fresh[m] if m in self.fresh else self._classify(m))]
        if len(new) < len(seen):
            stored = ~np.isin(months, new)
            self.sink.write(STAGE_COPY, stage_rows(points.take(stored)))
            points, months = points.take(~stored), months[~stored]
        if new:
            self.sink.write(ROUTE_COPY, point_rows(points, names))
            for month, count in zip(*np.unique(months, return_counts=True), strict=True):
                start = partitions.month_start(int(month))
                self.staged.direct[start] = self.staged.direct.get(start, 0) + int(count)

    def _in_order(self, points: Checked) -> np.ndarray:
        """Order by vehicle and row; Retry("order") unless each vehicle's times rise strictly through the file."""
        vehicle, row = points.vehicle, points.row
        if (vehicle[1:] >= vehicle[:-1]).all() and (row[1:] > row[:-1]).all():
            order = np.arange(len(row))
        else:
            order = np.lexsort((row, vehicle))
        vehicle, ts = vehicle[order], points.ts[order]
        if len(self.last) <= vehicle[-1]:
            self.last = np.concatenate([self.last, np.full(vehicle[-1] + 1 - len(self.last), np.iinfo(np.int64).min)])
        first = np.concatenate([[True], vehicle[1:] != vehicle[:-1]])
        before = np.where(first, self.last[vehicle], np.concatenate([[0], ts[:-1]]))
        if not (ts > before).all():
            raise Retry("order")
        final = np.concatenate([first[1:], [True]])
        self.last[vehicle[final]] = ts[final]
        return order

    def _classify(self, month: int) -> bool:
        """Whether a month gets a new table (created and routed now) or, being stored, goes to the staging table."""
        start = partitions.month_start(month)
        fresh = partitions.partition_name(start) not in self.present and not (
            self.default_rows and self.conn.execute(query("track_default_rows"), partitions.bounds(start)).scalar())
        if fresh:
            self.sink.pause()
            partitions.route(self.conn, start, first=not any(self.fresh.values()))
        else:
            self.staged.months.add(start)
        self.fresh[month] = fresh
        return fresh
