"""Why a raw point is rejected: each wrong value of the row, in the words of the reject report."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

from etl.places import OUTSIDE as OUTSIDE_REASON
from etl.places import SWAPPED as SWAPPED_REASON
from etl.report import Report
from etl.tracks.area import OUT_OF_RANGE, OUTSIDE, SWAPPED
from etl.tracks.points import RawPoint
from etl.tracks.times import out_of_range
from etl.tracks.vehicles import MAX_VEHICLE

REQUIRED = "required value missing"
LABELS = ("车辆", "时间", "经度", "纬度", "速度", "方向")
POSITION = "经度/纬度"
MAX_KMH = 1000
PLACE_REASONS = {OUTSIDE: OUTSIDE_REASON, SWAPPED: SWAPPED_REASON,
                 OUT_OF_RANGE: "coordinates out of range (longitude −180…180, latitude −90…90)"}


class OutOfRange(ValueError):
    """A number that parses but cannot be true."""


def number(text: str, low: float = -math.inf, high: float = math.inf) -> float:
    """A finite number within [low, high], or ValueError saying why not."""
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {text[:40]!r}")
    if not low <= value <= high:
        raise OutOfRange(f"{value:g} is outside {low:g}…{high:g}")
    return value


def explain(report: Report, point: RawPoint, scale: float, time: Callable[[str], dt.datetime],
            latest: dt.datetime) -> None:
    """Report every problem of a rejected raw point; at least one, never a silent drop."""
    before = len(report.rejects)
    row, vehicle, text, x, y, speed, heading = point
    if not vehicle:
        report.add(row, LABELS[0], vehicle, f"{REQUIRED}: {LABELS[0]}")
    elif len(vehicle) > MAX_VEHICLE or "\x00" in vehicle:
        report.add(row, LABELS[0], vehicle[:80], f"wrong value: a vehicle id has at most {MAX_VEHICLE} "
                                                 "characters and no NUL")
    checks = [(LABELS[1], text, time, True), (LABELS[2], x, number, True), (LABELS[3], y, number, True),
              (LABELS[4], speed, lambda s: number(s, 0, MAX_KMH / scale), False),
              (LABELS[5], heading, lambda h: number(h, 0, 360), False)]
    for label, raw, parse, required in checks:
        if not raw:
            if required:
                report.add(row, label, raw, f"{REQUIRED}: {label}")
            continue
        try:
            value = parse(raw)
        except OutOfRange as exc:
            report.add(row, label, raw[:80], f"value out of range: {exc}")
            continue
        except (ValueError, OverflowError) as exc:
            report.add(row, label, raw[:80], f"wrong type: {exc}")
            continue
        if label == LABELS[1] and (reason := out_of_range(value, latest)):
            report.add(row, label, raw, reason)
    if len(report.rejects) == before:
        report.add(row, "", "", "invalid row")
