"""Validation of raw point batches: every problem of every row into the report, good rows ready to stage."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from etl.crs import canonical
from etl.report import Report
from etl.tracks.area import Area
from etl.tracks.points import PointBatch
from etl.tracks.reasons import MAX_KMH, MAX_VEHICLE, PLACE_REASONS, POSITION, explain
from etl.tracks.times import EARLIEST, FUTURE_TOLERANCE, TimeParser

StagedRow = tuple[int, str, dt.datetime, float, float, float | None, float | None]


@dataclass
class Checker:
    """Turns raw batches into staged rows (row, vehicle, ts as naive UTC, lon, lat, speed km/h, heading)."""

    report: Report
    area: Area
    tz: dt.tzinfo
    crs: str = "EPSG:4326"
    now: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))

    def __post_init__(self) -> None:
        """Derived settings: the time parser, whether positions need converting, the latest valid time."""
        self.time = TimeParser(self.tz)
        self.as_written = canonical(self.crs) in {"EPSG:4326", "EPSG:4490"}
        self.latest = self.now.astimezone(dt.UTC).replace(tzinfo=None) + FUTURE_TOLERANCE

    def check(self, batch: PointBatch) -> list[StagedRow]:
        """The good points of a batch, placed in WGS-84; the others reported with every reason."""
        for number, value, reason in batch.problems:
            self.report.add(number, "", value, reason)
        parsed, xs, ys = self._typed(batch)
        if not parsed:
            return []
        lon, lat, verdict = self.area.place(self.crs, np.array(xs), np.array(ys))
        if not verdict.any():  # the usual case; WGS-84/CGCS2000 positions are kept as written
            return parsed if self.as_written else [(r[0], r[1], r[2], lo, la, r[5], r[6]) for r, lo, la in
                                                   zip(parsed, lon.tolist(), lat.tolist(), strict=True)]
        good = []
        for row, lo, la, v in zip(parsed, lon.tolist(), lat.tolist(), verdict.tolist(), strict=True):
            if v:
                self.report.add(row[0], POSITION, f"{row[3]:g}, {row[4]:g}", PLACE_REASONS[v])
            else:
                good.append(row if self.as_written else (row[0], row[1], row[2], lo, la, row[5], row[6]))
        return good

    def _typed(self, batch: PointBatch) -> tuple[list[StagedRow], list[float], list[float]]:
        """The typed values of the points whose every value is right, and their x and y; the others rejected."""
        time, earliest, latest, scale = self.time, EARLIEST, self.latest, batch.speed_scale
        top = MAX_KMH / scale
        rows, xs, ys = [], [], []
        for point in batch.points:  # the hot loop: locals only, one try, x - x == 0 only for finite x
            number, vehicle, text, x, y, speed, heading = point
            try:
                ts, lon, lat = time(text), float(x), float(y)
                sp = float(speed) if speed else None
                hd = float(heading) if heading else None
            except (ValueError, OverflowError):
                explain(self.report, point, scale, self.time, latest)
                continue
            if vehicle and len(vehicle) <= MAX_VEHICLE and earliest <= ts <= latest and lon - lon == 0 \
                    and lat - lat == 0 and (sp is None or 0 <= sp <= top) and (hd is None or 0 <= hd <= 360) \
                    and "\x00" not in vehicle:
                rows.append((number, vehicle, ts, lon, lat, None if sp is None else sp * scale, hd))
                xs.append(lon)
                ys.append(lat)
            else:
                explain(self.report, point, scale, self.time, latest)
        return rows, xs, ys
