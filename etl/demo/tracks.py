"""Demo patrol GPS: ~40 vehicles over the latest four weeks, 10–30 s pings, gaps, peak-hour gate visits."""

from __future__ import annotations

import csv
import datetime as dt
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from shapely import Point

from etl.demo.places import METRES_PER_DEGREE

TZ = ZoneInfo("Asia/Shanghai")
PEAKS = ((dt.time(7, 20), 1, 3), (dt.time(11, 25), 0, 2), (dt.time(16, 20), 1, 3))  # start, fewest, most visits
Fix = tuple[dt.datetime, float, float, float, float]  # time, lon, lat, speed km/h, heading


@dataclass
class Vehicle:
    """A patrol car of a police unit and the school gates it looks after."""

    vehicle_id: str
    home: Point
    gates: list[Point]
    ping_s: int
    unit_code: str = ""


def vehicles(rng: random.Random, units: list[list[object]], schools: list[list[object]]) -> list[Vehicle]:
    """One car per station, a second at county seats' stations and brigades: about 40."""
    cars = []
    for unit in units:
        home = Point(unit[4], unit[5])
        town = unit[1].removesuffix("派出所").removesuffix("交警大队")
        near = sorted((Point(s[9], s[10]) for s in schools if s[3] == town), key=home.distance)
        near = [g for g in near if g.distance(home) * METRES_PER_DEGREE < 5000][:6]
        count = 2 if unit[2] == "派出所" and town in {"六库镇", "上帕镇", "茨开镇", "金顶镇", "通甸镇", "鲁掌镇"} else 1
        for _ in range(count):
            plate = f"云Q{rng.choice('ABCDP')}{rng.randint(1000, 9999)}警"
            cars.append(Vehicle(plate, home, near, rng.choice([10, 15, 20, 30]), str(unit[0])))
    return cars


def _metres(a: Point, b: Point) -> tuple[float, float]:
    """East and north metres from a to b."""
    return ((b.x - a.x) * METRES_PER_DEGREE * math.cos(math.radians(a.y)), (b.y - a.y) * METRES_PER_DEGREE)


def _drive(rng: random.Random, car: Vehicle, t: dt.datetime, a: Point, b: Point, kmh: float) -> Iterator[Fix]:
    """Pings from a to b at kmh, every ping_s seconds, with GPS noise and now and then an outage."""
    east, north = _metres(a, b)
    seconds = max(math.hypot(east, north) / (kmh / 3.6), 1.0)
    heading = math.degrees(math.atan2(east, north)) % 360
    outage = (rng.uniform(0, seconds), rng.uniform(180, 900)) if rng.random() < 0.08 else (0, 0)
    s = 0.0
    while s < seconds:
        if not outage[0] <= s < outage[0] + outage[1]:
            f = s / seconds
            yield (t + dt.timedelta(seconds=s), a.x + (b.x - a.x) * f + rng.gauss(0, 3e-5),
                   a.y + (b.y - a.y) * f + rng.gauss(0, 3e-5), round(kmh + rng.uniform(-4, 4), 1), round(heading))
        s += car.ping_s + rng.uniform(-1, 1)


def _dwell(rng: random.Random, car: Vehicle, t: dt.datetime, at: Point, minutes: float) -> Iterator[Fix]:
    """Pings of a car standing at a gate, lights on."""
    for s in range(0, int(minutes * 60), car.ping_s):
        yield (t + dt.timedelta(seconds=s), at.x + rng.gauss(0, 2e-5), at.y + rng.gauss(0, 2e-5), 0.0, 0)


def day_fixes(rng: random.Random, car: Vehicle, day: dt.date, planned: frozenset[dt.date] = frozenset()
              ) -> Iterator[Fix]:
    """A school day: out to gates at each peak, back to the station; nothing while parked. On a planned day the
    morning is the plan's (etl/demo/driven.py), so the car does not go out on its own then."""
    for start, fewest, most in PEAKS[1:] if day in planned else PEAKS:
        t = dt.datetime.combine(day, start, TZ) + dt.timedelta(minutes=rng.uniform(-10, 10))
        here = car.home
        stops = rng.sample(car.gates, min(len(car.gates), rng.randint(fewest, most))) if car.gates else []
        for gate in [*stops, car.home]:
            kmh = rng.uniform(28, 42)
            yield from _drive(rng, car, t, here, gate, kmh)
            t += dt.timedelta(seconds=math.hypot(*_metres(here, gate)) / (kmh / 3.6))
            here = gate
            if gate is not car.home:
                minutes = rng.uniform(4, 12)
                yield from _dwell(rng, car, t, gate, minutes)
                t += dt.timedelta(minutes=minutes)


def _once_a_second(fixes: Iterator[Fix]) -> Iterator[Fix]:
    """Fixes truncated to whole seconds, as terminals report them, each second at most once."""
    last = None
    for fix in fixes:
        ts = fix[0].replace(microsecond=0)
        if last is None or ts > last:
            last = ts
            yield (ts, *fix[1:])


def _until(fixes: Iterator[Fix], until: dt.datetime) -> list[Fix]:
    """The fixes up to an instant (all are generated, so the same seed draws the same numbers at any hour)."""
    return [fix for fix in _once_a_second(fixes) if fix[0] <= until]


def write_csv(path: Path, cars: list[Vehicle], days: list[dt.date], rng: random.Random, until: dt.datetime,
              planned: frozenset[dt.date] = frozenset()) -> int:
    """Terminal export: vehicle,time,lon,lat,speed,heading with local times without a zone, none after until."""
    count = 0
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["vehicle", "time", "lon", "lat", "speed", "heading"])
        for car in cars:
            for day in days:
                for ts, lon, lat, kmh, heading in _until(day_fixes(rng, car, day, planned), until):
                    writer.writerow([car.vehicle_id, ts.strftime("%Y-%m-%d %H:%M:%S"), f"{lon:.6f}", f"{lat:.6f}",
                                     kmh, heading])
                    count += 1
    return count


def write_gpx(path: Path, car: Vehicle, days: list[dt.date], rng: random.Random, until: dt.datetime,
              planned: frozenset[dt.date] = frozenset()) -> int:
    """One car's GPX 1.1 file: a track named by the car, a segment per day that has fixes, UTC times."""
    count = 0
    with path.open("w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="XiaoAn demo" '
                 f'xmlns="http://www.topografix.com/GPX/1/1">\n<trk><name>{car.vehicle_id}</name>\n')
        for day in days:
            fixes = _until(day_fixes(rng, car, day, planned), until)
            if not fixes:
                continue
            fh.write("<trkseg>\n")
            for ts, lon, lat, _kmh, _heading in fixes:
                utc = ts.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
                fh.write(f'<trkpt lat="{lat:.6f}" lon="{lon:.6f}"><time>{utc}</time></trkpt>\n')
                count += 1
            fh.write("</trkseg>\n")
        fh.write("</trk>\n</gpx>\n")
    return count
