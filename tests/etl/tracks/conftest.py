"""Fixtures for track tests: the prefecture shape without a database, a database with the counties loaded."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from etl.datasets import DATASETS
from etl.readers.geojson import read_geojson
from etl.report import Report
from etl.runner import load_file
from etl.tracks.area import Area
from etl.tracks.check import Checker
from tests.conftest import COUNTIES, FIXTURES

TRACKS = FIXTURES / "tracks"
SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = dt.datetime(2024, 6, 1, 12, tzinfo=SHANGHAI)
AREA = Area.from_shapes([f.geometry for f in read_geojson(COUNTIES)])
HEADER = "vehicle,time,lon,lat,speed,heading\n"


def checker(report: Report | None = None, tz: str = "Asia/Shanghai", crs: str = "EPSG:4326") -> Checker:
    """A checker against the real county shapes, with a fixed 'now'."""
    return Checker(report or Report("t.csv"), AREA, ZoneInfo(tz), crs, now=NOW)


def write_csv(path: Path, lines: list[str], header: str = HEADER, encoding: str = "utf-8") -> Path:
    """A track CSV with the given data lines."""
    path.write_bytes((header + "".join(line + "\n" for line in lines)).encode(encoding))
    return path


def points(engine: sa.Engine) -> list[tuple]:
    """Every stored point as (vehicle, local time, lon, lat, speed, heading), in order."""
    with engine.connect() as conn:
        rows = conn.execute(sa.text(
            "SELECT vehicle_id, ts AT TIME ZONE 'Asia/Shanghai', round(ST_X(geom)::numeric, 6)::float, "
            "round(ST_Y(geom)::numeric, 6)::float, speed_kmh, heading FROM track_point ORDER BY 1, 2"))
        return [tuple(r) for r in rows]


@pytest.fixture
def counties(engine: sa.Engine) -> sa.Engine:
    """The fresh database with the four real counties loaded."""
    assert load_file(engine, DATASETS["counties"], COUNTIES).status == "loaded"
    return engine
