"""What a staging pass did: rows read, points kept, months and vehicles seen, the time span."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from etl.tracks.points import Checked


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
