"""Demo roads (a GBK shapefile, routable), road works (CSV) and sign surveys (Excel): signs lost to road works."""

from __future__ import annotations

import datetime as dt
import math
import random
from pathlib import Path

import numpy as np
import shapely
from pyogrio.raw import write
from shapely import LineString, Point

from etl.demo.network import Road, network
from etl.demo.places import METRES_PER_DEGREE, Township

ROAD_FIELDS = ["道路编号", "道路名称", "道路等级"]
WORK_HEADER = ["施工编号", "道路编号", "施工内容", "开工日期", "完工日期"]
SIGN_HEADER = ["标志编号", "标志类型", "状态", "调查日期", "道路编号", "经度", "纬度"]
KINDS = ("限速30", "注意儿童", "减速带")


def _towards(point: Point, east_m: float, north_m: float) -> Point:
    """The point east_m metres east and north_m north of point."""
    lat = point.y + north_m / METRES_PER_DEGREE
    lon = point.x + east_m / (METRES_PER_DEGREE * math.cos(math.radians(point.y)))
    return Point(round(lon, 6), round(lat, 6))


def main_roads(towns: list[Township], schools: list[list[object]], street_list: list[tuple]) -> list[Road]:
    """The routable network the streets hang on: 国道, 省道, 县道 between township seats, 村道 to the schools."""
    return network(towns, schools, street_list)


def streets(rng: random.Random, schools: list[list[object]]) -> list[tuple[str, str, str, LineString, list]]:
    """A street passing 8–15 m from the gate of about a quarter of the schools."""
    result = []
    for school in schools:
        if rng.random() > 0.25:
            continue
        gate, angle = Point(school[9], school[10]), rng.uniform(0, math.pi)
        side = rng.uniform(8, 15)
        ux, uy = math.cos(angle), math.sin(angle)
        mid = _towards(gate, -uy * side, ux * side)
        ends = [_towards(mid, ux * d, uy * d) for d in (-500, 500)]
        result.append((f"J{len(result) + 1:03d}", f"{school[3]}{school[1][len(school[3]):][:2]}路", "城市支路",
                       LineString([(p.x, p.y) for p in ends]), school))
    return result


def write_roads(path: Path, roads: list[tuple]) -> Path:
    """The roads as a Shapefile with a GBK .dbf and a .cpg saying so, the way county GIS exports them."""
    geometry = np.array([shapely.to_wkb(r[3]) for r in roads], dtype=object)
    fields = [np.array([r[i] for r in roads], dtype=object) for i in range(3)]
    write(path, geometry, fields, ROAD_FIELDS, driver="ESRI Shapefile", geometry_type="LineString",
          crs="EPSG:4326", encoding="GBK")
    return path


def works_and_signs(rng: random.Random, street_list: list[tuple], last: dt.date) -> tuple[list, list]:
    """Signs surveyed a year ago and again lately; on streets dug up since, some never put back."""
    first_survey, second_survey = last - dt.timedelta(days=300), last - dt.timedelta(days=45)
    works, signs = [], []
    for n, (road_id, _, _, line, _school) in enumerate(street_list):
        dug = n % 5 == 0
        if dug:
            works.append([f"SG{len(works) + 1:03d}", road_id, "管网改造，路面开挖", last - dt.timedelta(days=150),
                          last - dt.timedelta(days=100)])
        for k, kind in enumerate(KINDS):
            if rng.random() < 0.08:
                continue  # never installed
            spot = line.interpolate(0.5 + rng.choice([-1, 1]) * rng.uniform(0.04, 0.12), normalized=True)
            code = f"BZ{road_id}{k + 1}"
            signs.append([code, kind, "完好", first_survey, road_id, round(spot.x, 6), round(spot.y, 6)])
            if dug and rng.random() < 0.6:
                continue  # not surveyed since the works: not reinstalled
            status = rng.choices(["完好", "缺失", "损坏"], [0.86, 0.09, 0.05])[0]
            signs.append([code, kind, status, second_survey, road_id, round(spot.x, 6), round(spot.y, 6)])
    return works, signs
