"""Validation of raw point batches: every problem of every row into the report, good points ready to stage."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from db.errors import UnreadableFile
from etl.crs import canonical
from etl.report import Report
from etl.tracks.area import Area
from etl.tracks.columns import numbers, times
from etl.tracks.points import Checked, PointBatch, RawColumns, RawPoint
from etl.tracks.reasons import MAX_KMH, PLACE_REASONS, POSITION, explain
from etl.tracks.times import EARLIEST, FUTURE_TOLERANCE, TimeParser
from etl.tracks.vehicles import Vehicles, valid

StagedRow = tuple[int, str, dt.datetime, float, float, float | None, float | None]
EPOCH = dt.datetime(1970, 1, 1)  # noqa: DTZ001 (naive UTC, the staged form)
MICROSECOND = dt.timedelta(microseconds=1)


@dataclass
class Checker:
    """Turns raw batches into checked points (ts as UTC, positions in WGS-84, speeds in km/h)."""

    report: Report
    area: Area
    tz: dt.tzinfo
    crs: str = "EPSG:4326"
    now: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))

    def __post_init__(self) -> None:
        """Derived settings: the time parser, whether positions need converting, the valid span, the vehicles."""
        self.time = TimeParser(self.tz)
        self.as_written = canonical(self.crs) in {"EPSG:4326", "EPSG:4490"}
        self.latest = self.now.astimezone(dt.UTC).replace(tzinfo=None) + FUTURE_TOLERANCE
        self.span = ((EARLIEST - EPOCH) // MICROSECOND, (self.latest - EPOCH) // MICROSECOND)
        self.vehicles = Vehicles()

    def check(self, batch: PointBatch) -> list[StagedRow]:
        """The good points of a batch as rows (row, vehicle, naive UTC ts, lon, lat, speed, heading)."""
        good = self.check_arrays(batch)
        names, speed, heading = self.vehicles.names, good.speed.tolist(), good.heading.tolist()
        return [(r, names[v], EPOCH + t * MICROSECOND, x, y, None if s != s else s, None if h != h else h)
                for r, v, t, x, y, s, h in zip(good.row.tolist(), good.vehicle.tolist(), good.ts.tolist(),
                                                good.lon.tolist(), good.lat.tolist(), speed, heading, strict=True)]

    def check_arrays(self, batch: PointBatch) -> Checked:
        """The good points of a batch, placed in WGS-84; the others reported with every reason."""
        for number, value, reason in batch.problems:
            self.report.add(number, "", value, reason)
        parts, slow = [], list(batch.points)
        if batch.columns is not None and len(batch.columns):
            fast, rest = self._columns(batch.columns, batch.speed_scale)
            parts.append(fast)
            slow += rest
        if slow:
            parts.append(self._rows(slow, batch.speed_scale))
        good = Checked.concat(parts) if parts else Checked.empty()
        if not len(good):
            return good
        lon, lat, verdict = self.area.place(self.crs, good.lon, good.lat)
        if verdict.any():  # rare: report each point outside, keep the others
            for i in np.flatnonzero(verdict).tolist():
                self.report.add(int(good.row[i]), POSITION, f"{good.lon[i]:g}, {good.lat[i]:g}",
                                PLACE_REASONS[int(verdict[i])])
            inside = verdict == 0
            good, lon, lat = good.take(inside), lon[inside], lat[inside]
        if not self.as_written:  # WGS-84/CGCS2000 positions are kept as written
            good.lon, good.lat = lon, lat
        return good

    def _columns(self, raw: RawColumns, scale: float) -> tuple[Checked, list[RawPoint]]:
        """Vectorised typing and checks; the points they cannot vouch for go to the row path as raw points."""
        try:
            return self._typed(raw, scale)
        except UnicodeDecodeError as exc:
            raise UnreadableFile(f"{self.report.file}: bytes that are not {raw.encoding} ({exc.reason}); "
                                 "save the file in one encoding, preferably UTF-8") from exc

    def _typed(self, raw: RawColumns, scale: float) -> tuple[Checked, list[RawPoint]]:
        """The good points of raw columns and, decoded, the points the row path must judge."""
        n = len(raw)
        vehicle = self.vehicles.codes(raw.vehicle, raw.encoding)
        ts, ok = times(raw.time, self.time.offset)
        x, x_ok, x_empty = numbers(raw.x, n)
        y, y_ok, y_empty = numbers(raw.y, n)
        speed, speed_ok, speed_empty = numbers(raw.speed, n)
        heading, heading_ok, heading_empty = numbers(raw.heading, n)
        with np.errstate(invalid="ignore"):
            ok &= (vehicle >= 0) & (ts >= self.span[0]) & (ts <= self.span[1]) & x_ok & y_ok & ~x_empty & ~y_empty
            ok &= speed_ok & (speed_empty | ((speed >= 0) & (speed <= MAX_KMH / scale)))
            ok &= heading_ok & (heading_empty | ((heading >= 0) & (heading <= 360)))
        rest = raw.raw_points(np.flatnonzero(~ok)) if not ok.all() else []
        return Checked(raw.number[ok], vehicle[ok], ts[ok], x[ok], y[ok], speed[ok] * scale, heading[ok]), rest

    def _rows(self, points: list[RawPoint], scale: float) -> Checked:
        """Row-by-row typing and checks of raw points, explaining every problem of a bad one."""
        time, earliest, latest, top, code = self.time, EARLIEST, self.latest, MAX_KMH / scale, self.vehicles.code
        rows = []
        for point in points:  # the hot loop of files the vectorised path cannot read: locals only, one try
            number, vehicle, text, x, y, speed, heading = point
            try:
                ts, lon, lat = time(text), float(x), float(y)
                sp = float(speed) if speed else None
                hd = float(heading) if heading else None
            except (ValueError, OverflowError):
                explain(self.report, point, scale, time, latest)
                continue
            if valid(vehicle) and earliest <= ts <= latest and lon - lon == 0 and lat - lat == 0 \
                    and (sp is None or 0 <= sp <= top) and (hd is None or 0 <= hd <= 360):
                rows.append((number, code(vehicle), (ts - EPOCH) // MICROSECOND, lon, lat,
                             np.nan if sp is None else sp * scale, np.nan if hd is None else hd))
            else:
                explain(self.report, point, scale, time, latest)
        if not rows:
            return Checked.empty()
        columns = list(zip(*rows, strict=True))
        types = (np.int64, np.int32, np.int64, np.float64, np.float64, np.float64, np.float64)
        return Checked(*(np.array(c, t) for c, t in zip(columns, types, strict=True)))
