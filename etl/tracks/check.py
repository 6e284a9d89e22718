"""Validation of raw point batches: every problem of every row into the report, good rows ready to stage."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import numpy as np

from etl.places import OUTSIDE as OUTSIDE_REASON
from etl.places import SWAPPED as SWAPPED_REASON
from etl.report import Report
from etl.tracks.area import OUT_OF_RANGE, OUTSIDE, SWAPPED, Area
from etl.tracks.points import PointBatch, RawPoint
from etl.tracks.times import EARLIEST, FUTURE_TOLERANCE, TimeParser, out_of_range

REQUIRED = "required value missing"
LABELS = ("车辆", "时间", "经度", "纬度", "速度", "方向")
POSITION = "经度/纬度"
MAX_VEHICLE = 40  # vehicle.vehicle_id is varchar(40)
MAX_KMH = 1000
PLACE_REASONS = {OUTSIDE: OUTSIDE_REASON, SWAPPED: SWAPPED_REASON,
                 OUT_OF_RANGE: "coordinates out of range (longitude −180…180, latitude −90…90)"}
StagedRow = tuple[int, str, dt.datetime, float, float, float | None, float | None]


class OutOfRange(ValueError):
    """A number that parses but cannot be true."""


def _number(text: str, low: float = -math.inf, high: float = math.inf) -> float:
    """A finite number within [low, high], or ValueError saying why not."""
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {text[:40]!r}")
    if not low <= value <= high:
        raise OutOfRange(f"{value:g} is outside {low:g}…{high:g}")
    return value


@dataclass
class Checker:
    """Turns raw batches into staged rows (row, vehicle, ts as naive UTC, lon, lat, speed km/h, heading)."""

    report: Report
    area: Area
    tz: dt.tzinfo
    crs: str = "EPSG:4326"
    now: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))

    def __post_init__(self) -> None:
        self.time = TimeParser(self.tz)
        self.latest = self.now.astimezone(dt.UTC).replace(tzinfo=None) + FUTURE_TOLERANCE

    def check(self, batch: PointBatch) -> list[StagedRow]:
        """The good points of a batch, placed in WGS-84; the others reported with every reason."""
        for number, value, reason in batch.problems:
            self.report.add(number, "", value, reason)
        parsed = self._typed(batch)
        if not parsed:
            return []
        x = np.fromiter((r[3] for r in parsed), np.float64, len(parsed))
        y = np.fromiter((r[4] for r in parsed), np.float64, len(parsed))
        lon, lat, verdict = self.area.place(self.crs, x, y)
        if not verdict.any():
            return [(r[0], r[1], r[2], lo, la, r[5], r[6])
                    for r, lo, la in zip(parsed, lon.tolist(), lat.tolist(), strict=True)]
        good = []
        for row, lo, la, v in zip(parsed, lon.tolist(), lat.tolist(), verdict.tolist(), strict=True):
            if v:
                self.report.add(row[0], POSITION, f"{row[3]:g}, {row[4]:g}", PLACE_REASONS[v])
            else:
                good.append((row[0], row[1], row[2], lo, la, row[5], row[6]))
        return good

    def _typed(self, batch: PointBatch) -> list[StagedRow]:
        """The typed values of the points whose every value is right; the others go to _reject."""
        time, earliest, latest, scale = self.time, EARLIEST, self.latest, batch.speed_scale
        top = MAX_KMH / scale
        rows = []
        for point in batch.points:  # the hot loop: locals only, one try, x - x == 0 only for finite x
            number, vehicle, text, x, y, speed, heading = point
            try:
                ts, lon, lat = time(text), float(x), float(y)
                sp = float(speed) if speed else None
                hd = float(heading) if heading else None
            except (ValueError, OverflowError):
                self._reject(point, scale)
                continue
            if vehicle and len(vehicle) <= MAX_VEHICLE and earliest <= ts <= latest and lon - lon == 0 \
                    and lat - lat == 0 and (sp is None or 0 <= sp <= top) and (hd is None or 0 <= hd <= 360) \
                    and "\x00" not in vehicle:
                rows.append((number, vehicle, ts, lon, lat, None if sp is None else sp * scale, hd))
            else:
                self._reject(point, scale)
        return rows

    def _reject(self, point: RawPoint, scale: float) -> None:
        """Report all that is wrong with a raw point (something always is)."""
        before = len(self.report.rejects)
        self._explain(point, scale)
        if len(self.report.rejects) == before:  # never drop a row silently
            self.report.add(point[0], "", "", "invalid row")

    def _explain(self, point: RawPoint, scale: float) -> None:
        """Report every problem of a rejected raw point."""
        number, vehicle, text, x, y, speed, heading = point
        if not vehicle:
            self.report.add(number, LABELS[0], vehicle, f"{REQUIRED}: {LABELS[0]}")
        elif len(vehicle) > MAX_VEHICLE or "\x00" in vehicle:
            self.report.add(number, LABELS[0], vehicle[:80], f"wrong value: a vehicle id has at most "
                                                             f"{MAX_VEHICLE} characters and no NUL")
        checks = [(LABELS[1], text, self.time, True), (LABELS[2], x, _number, True),
                  (LABELS[3], y, _number, True), (LABELS[4], speed, lambda s: _number(s, 0, MAX_KMH / scale), False),
                  (LABELS[5], heading, lambda h: _number(h, 0, 360), False)]
        for label, raw, parse, required in checks:
            if not raw:
                if required:
                    self.report.add(number, label, raw, f"{REQUIRED}: {label}")
                continue
            try:
                value = parse(raw)
            except OutOfRange as exc:
                self.report.add(number, label, raw[:80], f"value out of range: {exc}")
                continue
            except (ValueError, OverflowError) as exc:
                self.report.add(number, label, raw[:80], f"wrong type: {exc}")
                continue
            if label == LABELS[1] and (reason := out_of_range(value, self.latest)):
                self.report.add(number, label, raw, reason)
