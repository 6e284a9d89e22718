"""Demo geography: county polygons and township seats moved inside them; points scattered near seats."""

from __future__ import annotations

import csv
import math
import random
from dataclasses import dataclass
from pathlib import Path

from shapely import Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from etl.readers.geojson import read_geojson

DATA = Path(__file__).resolve().parents[2] / "db" / "data"
COUNTIES_FILE = DATA / "nujiang_counties.geojson"
TOWNSHIPS_FILE = DATA / "townships.csv"
METRES_PER_DEGREE = 111_320.0


@dataclass
class Township:
    """A township seat inside its county."""

    county_adcode: str
    name: str
    seat: Point
    county_shape: BaseGeometry


def county_shapes() -> dict[str, BaseGeometry]:
    """Boundaries of the shipped counties by adcode."""
    return {f.properties["adcode"]: f.geometry for f in read_geojson(COUNTIES_FILE)}


def townships() -> list[Township]:
    """Township seats, each moved inside its county when the rounded estimate falls outside."""
    shapes = county_shapes()
    result = []
    with TOWNSHIPS_FILE.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            shape = shapes[row["county_adcode"]]
            seat = Point(float(row["lon"]), float(row["lat"]))
            if not shape.contains(seat):
                seat = nearest_points(shape.buffer(-0.01), seat)[0]
            result.append(Township(row["county_adcode"], row["township"], seat, shape))
    return result


def scatter(rng: random.Random, town: Township, sigma_m: float) -> Point:
    """A point near the seat (normal spread sigma_m metres), always inside the county."""
    for _ in range(200):
        dx, dy = rng.gauss(0, sigma_m), rng.gauss(0, sigma_m)
        lat = town.seat.y + dy / METRES_PER_DEGREE
        lon = town.seat.x + dx / (METRES_PER_DEGREE * math.cos(math.radians(town.seat.y)))
        candidate = Point(round(lon, 6), round(lat, 6))
        if town.county_shape.contains(candidate):
            return candidate
    return town.seat


def offset(rng: random.Random, point: Point, min_m: float, max_m: float) -> Point:
    """A point min_m…max_m metres from point in a random direction."""
    distance, angle = rng.uniform(min_m, max_m), rng.uniform(0, 2 * math.pi)
    lat = point.y + distance * math.sin(angle) / METRES_PER_DEGREE
    lon = point.x + distance * math.cos(angle) / (METRES_PER_DEGREE * math.cos(math.radians(point.y)))
    return Point(round(lon, 6), round(lat, 6))
