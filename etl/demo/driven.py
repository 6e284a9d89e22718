"""Demo GPS of cars driving stored plans along their routes: most stops kept, some late, some only driven past.

A car leaves its unit so as to reach its first gate at the planned time, drives each leg of the stored route line
in the leg's planned travel time, waits for the planned arrival and stands at the gate for the planned dwell.
Per stop, by a seeded draw: LATE of them are reached 12–18 minutes late (the car is held up before the leg, and
the rest of its morning shifts), PASSED are driven past without stopping; now and then (ABSENT) a car stays in.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import random
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import shapely

from db.plans import StoredPlan

LATE, PASSED, ABSENT = 0.10, 0.10, 0.03
PING_S = 15
NOISE_DEG = 3e-5  # ~3 m
Fix = tuple[str, dt.datetime, float, float, float]  # vehicle, time, lon, lat, km/h


def previous_week(anchor: dt.date) -> list[dt.date]:
    """Monday to Friday of the week before the anchor's: the days the demo's cars drive plans in the morning."""
    monday = anchor - dt.timedelta(days=anchor.weekday() + 7)
    return [monday + dt.timedelta(days=i) for i in range(5)]


def _drive(rng: random.Random, car: str, t: dt.datetime, line: shapely.LineString, seconds: float) -> Iterator[Fix]:
    """Fixes along the line, start to end, in seconds."""
    kmh = line.length * 111_000 / max(seconds, 1) * 3.6
    s = 0.0
    while s < seconds:
        p = line.interpolate(s / seconds, normalized=True)
        yield car, t + dt.timedelta(seconds=s), p.x + rng.gauss(0, NOISE_DEG), p.y + rng.gauss(0, NOISE_DEG), kmh
        s += PING_S + rng.uniform(-1, 1)


def _stand(rng: random.Random, car: str, t: dt.datetime, at: shapely.Point, seconds: float) -> Iterator[Fix]:
    """Fixes of a car standing at a point."""
    for s in range(0, int(seconds), PING_S):
        yield car, t + dt.timedelta(seconds=s), at.x + rng.gauss(0, NOISE_DEG), at.y + rng.gauss(0, NOISE_DEG), 0.0


def _legs(geom: object, count: int) -> list[shapely.LineString] | None:
    """The route's legs in order (unit → gates → unit), or None when the stored line does not have them all."""
    parts = list(getattr(geom, "geoms", [])) if geom is not None else []
    return parts if len(parts) == count else None


def route_fixes(rng: random.Random, route: pd.Series, stops: pd.DataFrame) -> list[Fix]:
    """One car's morning along its planned route, with the draws above."""
    legs = _legs(route["geom"], len(stops) + 1)
    if legs is None or rng.random() < ABSENT:
        return []
    car, delay, fixes = route["vehicle_id"], dt.timedelta(), []
    first = stops.iloc[0]
    t = pd.Timestamp(first["arrive"]).to_pydatetime() - dt.timedelta(seconds=int(first["travel_s"]))
    for leg, stop in zip(legs, stops.itertuples(), strict=False):
        if rng.random() < LATE:
            held = dt.timedelta(minutes=rng.uniform(12, 18))
            fixes += _stand(rng, car, t, shapely.Point(leg.coords[0]), held.total_seconds())
            t, delay = t + held, delay + held
        fixes += _drive(rng, car, t, leg, stop.travel_s)
        t += dt.timedelta(seconds=stop.travel_s)
        if rng.random() < PASSED:
            continue
        start = max(t, pd.Timestamp(stop.arrive).to_pydatetime() + delay)
        stay = (pd.Timestamp(stop.depart) - pd.Timestamp(stop.arrive)).total_seconds()
        fixes += _stand(rng, car, t, shapely.Point(leg.coords[-1]), (start - t).total_seconds() + stay)
        t = start + dt.timedelta(seconds=stay)
    back = max(int(route["travel_s"]) - int(stops["travel_s"].sum()), 60)
    return fixes + list(_drive(rng, car, t, legs[-1], back))


def plan_fixes(rng: random.Random, plan: StoredPlan) -> list[Fix]:
    """Every car of a stored plan driving it."""
    out: list[Fix] = []
    for _, route in plan.routes.sort_values("route_no").iterrows():
        stops = plan.stops[plan.stops["vehicle_id"] == route["vehicle_id"]].sort_values("seq")
        if len(stops):
            out += route_fixes(rng, route, stops)
    return out


def write_csv(path: Path, fixes: list[Fix], zone: dt.tzinfo) -> int:
    """The fixes as the terminal export the demo's other GPS uses (local times, whole seconds, once per second)."""
    seen: set[tuple[str, dt.datetime]] = set()
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["vehicle", "time", "lon", "lat", "speed", "heading"])
        for car, ts, lon, lat, kmh in sorted(fixes, key=lambda f: (f[0], f[1])):
            local = ts.astimezone(zone).replace(microsecond=0, tzinfo=None)
            if (car, local) in seen:
                continue
            seen.add((car, local))
            writer.writerow([car, local.strftime("%Y-%m-%d %H:%M:%S"), f"{lon:.6f}", f"{lat:.6f}",
                             round(kmh if math.isfinite(kmh) else 0.0, 1), 0])
    return len(seen)
