"""Fixture data for the dashboard: the four real counties and schools of known type and county."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
import streamlit as st

ROOT = Path(__file__).resolve().parents[2]
COUNTIES = ROOT / "db" / "data" / "nujiang_counties.geojson"

# (code, name, type, county, lon, lat, pupils) near real township seats.
SCHOOLS = [
    ("2153330101", "六库镇中心小学", "小学", "533301", 98.857, 25.851, 900),
    ("2153330102", "鲁掌镇完小", "小学", "533301", 98.780, 25.960, 300),
    ("2153330103", "泸水市第一幼儿园", "幼儿园", "533301", 98.850, 25.860, 200),
    ("2153332301", "福贡县第一中学", "初中", "533323", 98.867, 26.902, 1200),
    ("2153332302", "福贡县高级中学", "高中", "533323", 98.870, 26.700, 1500),
    ("2153332401", "独龙江九年一贯制学校", "九年一贯制", "533324", 98.330, 27.780, 600),
    ("2153332501", "兰坪县第一中学", "完全中学", "533325", 99.420, 26.410, 2500),
    ("2153332502", "兰坪县特殊教育学校", "特殊教育", "533325", 99.300, 26.480, 80),
    ("2153332503", "兰坪县职业高级中学", "职业学校", "533325", 99.260, 26.640, 700),
]

INSERT_COUNTY = sa.text(
    "INSERT INTO county (adcode, name_zh, name_en, geom) "
    "VALUES (:adcode, :name_zh, :name_en, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(:g), 4326)))")
INSERT_SCHOOL = sa.text(
    "INSERT INTO school (school_code, name, school_type, county_adcode, township, address, pupils, staff, "
    "geom, gate_geom, full_time_guard, closed_management, alarm_video_linked, guard_post) "
    "VALUES (:code, :name, :type, :county, NULL, NULL, :pupils, 10, "
    "ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), ST_SetSRID(ST_MakePoint(:lon, :lat + 0.0003), 4326), "
    "true, true, true, true)")


def load_counties(engine: sa.Engine) -> None:
    """Insert the four real county boundaries from the shipped GeoJSON."""
    features = json.loads(COUNTIES.read_text(encoding="utf-8"))["features"]
    with engine.begin() as conn:
        for f in features:
            p = f["properties"]
            conn.execute(INSERT_COUNTY, {"adcode": p["adcode"], "name_zh": p["name_zh"],
                                         "name_en": p["name_en"], "g": json.dumps(f["geometry"])})


def add_schools(engine: sa.Engine, schools: list[tuple]) -> None:
    """Insert schools given as (code, name, type, county, lon, lat, pupils)."""
    with engine.begin() as conn:
        for code, name, kind, county, lon, lat, pupils in schools:
            conn.execute(INSERT_SCHOOL, {"code": code, "name": name, "type": kind, "county": county,
                                         "lon": lon, "lat": lat, "pupils": pupils})


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    """Empty Streamlit's caches around a test: every test database has the same URL."""
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def fixture_schools() -> list[tuple]:
    """The schools map_db holds: (code, name, type, county, lon, lat, pupils)."""
    return list(SCHOOLS)


@pytest.fixture
def seed(engine: sa.Engine) -> Callable[[list[tuple]], None]:
    """A function that fills the fresh database with the four counties and the given schools."""
    def fill(schools: list[tuple]) -> None:
        load_counties(engine)
        add_schools(engine, schools)
    return fill


@pytest.fixture
def map_db(use_db: str, seed: Callable[[list[tuple]], None], fresh_caches: None) -> str:
    """A fresh database with the counties and SCHOOLS, made the one the dashboard reads."""
    seed(SCHOOLS)
    return use_db
