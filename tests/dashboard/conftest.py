"""Fixture data for the dashboard: the four real counties and schools of known type and county."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
import streamlit as st
from playwright.sync_api import Page

from db.analytics import paths
from tests.dashboard import fixture_data as fx
from tests.dashboard.browser import XSS_NAME, chromium, free_port, twenty_schools, wait_healthy
from tests.users import add_users, token

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
        add_users(engine)
    return fill


@pytest.fixture
def map_db(use_db: str, seed: Callable[[list[tuple]], None], fresh_caches: None) -> str:
    """A fresh database with the counties and SCHOOLS, made the one the dashboard reads."""
    seed(SCHOOLS)
    return use_db


def add_field_data(engine: sa.Engine) -> None:
    """Units, officers, assignments, presence, hazards, roads, signs, works, tracks, activities, towns."""
    run = sa.text
    with engine.begin() as conn:
        conn.execute(run("UPDATE school SET guard_post = false WHERE school_code = '2153332503'"))
        conn.execute(run("UPDATE school SET closed_management = NULL WHERE school_code = '2153332401'"))
        for code, name, county, lon, lat in fx.UNITS:
            conn.execute(run("INSERT INTO police_unit (unit_code, name, unit_type, county_adcode, geom) VALUES "
                             "(:c, :n, '派出所', :k, ST_SetSRID(ST_MakePoint(:x, :y), 4326))"),
                         {"c": code, "n": name, "k": county, "x": lon, "y": lat})
        for badge, name, unit, phone in fx.OFFICERS:
            conn.execute(run("INSERT INTO officer (badge_no, name, unit_code, phone) VALUES (:b, :n, :u, :p)"),
                         {"b": badge, "n": name, "u": unit, "p": phone})
        for school, badge, start, end in fx.ASSIGNMENTS:
            conn.execute(run("INSERT INTO liaison_assignment (school_code, badge_no, role, valid_from, valid_to) "
                             "VALUES (:s, :b, '挂钩民警', :f, :t)"), {"s": school, "b": badge, "f": start, "t": end})
        codes = [s[0] for s in SCHOOLS]
        conn.execute(run("INSERT INTO presence (school_code, day, window_name, present, dwell_min, min_distance_m, "
                         "vehicle_ids, radius_m) VALUES (:s, :d, :w, :p, CASE WHEN :p THEN 5 ELSE 0 END, :m, "
                         "CASE WHEN :p THEN ARRAY['V1'] ELSE ARRAY[]::varchar[] END, 100)"),
                     fx.presence_rows(codes))
        for h in fx.HAZARDS:
            conn.execute(run(
                "INSERT INTO hazard (hazard_id, kind, category, school_code, county_adcode, found_on, status, "
                "deadline, rectified_on, description, geom) VALUES (:i, :k, :c, :s, :n, :f, :st, :d, :r, :t, "
                "ST_SetSRID(ST_MakePoint(:x, :y), 4326))"),
                dict(zip(["i", "k", "c", "s", "n", "f", "st", "d", "r", "x", "y"], h, strict=True), t=f"{h[0]}说明"))
        for road, name, klass, coords in fx.ROADS:
            line = "LINESTRING(" + ", ".join(f"{x} {y}" for x, y in coords) + ")"
            conn.execute(run("INSERT INTO road (road_id, name, road_class, geom) VALUES "
                             "(:r, :n, :k, ST_Multi(ST_GeomFromText(:g, 4326)))"),
                         {"r": road, "n": name, "k": klass, "g": line})
        for code, kind, status, day, road, lon, lat in fx.SIGNS:
            conn.execute(run("INSERT INTO traffic_sign (sign_code, kind, status, surveyed_on, road_id, geom) "
                             "VALUES (:c, :k, :s, :d, :r, ST_SetSRID(ST_MakePoint(:x, :y), 4326))"),
                         {"c": code, "k": kind, "s": status, "d": day, "r": road, "x": lon, "y": lat})
        for work, road, text, start, end in fx.WORKS:
            conn.execute(run("INSERT INTO road_work (work_id, road_id, description, started_on, finished_on) "
                             "VALUES (:w, :r, :t, :s, :e)"), {"w": work, "r": road, "t": text, "s": start, "e": end})
        for a in fx.ACTIVITIES:
            conn.execute(run("INSERT INTO activity (activity_id, kind, held_on, county_adcode, officers, vehicles, "
                             "participants, materials) VALUES (:i, :k, :d, :c, :o, :v, :p, :m)"),
                         dict(zip(["i", "k", "d", "c", "o", "v", "p", "m"], a, strict=True)))
        for county, name, lon, lat in fx.TOWNSHIPS:
            conn.execute(run("INSERT INTO township (county_adcode, name, geom) VALUES "
                             "(:c, :n, ST_SetSRID(ST_MakePoint(:x, :y), 4326))"),
                         {"c": county, "n": name, "x": lon, "y": lat})
        conn.execute(run("INSERT INTO vehicle (vehicle_id, plate, unit_code) VALUES "
                         "('V1', '云Q·J0001', 'U1'), ('V2', '云Q·J0002', 'U1')"))
        conn.execute(run("INSERT INTO track_point (vehicle_id, ts, geom) VALUES "
                         "(:v, :t, ST_SetSRID(ST_MakePoint(:x, :y), 4326))"), fx.track_rows())
        conn.execute(run("INSERT INTO etl_run (dataset, file_name, sha256, status, rows_read, rows_loaded, "
                         "rows_rejected, finished_at, loaded_by) VALUES ('hazards', 'hazards_2025.xlsx', "
                         "repeat('a', 64), 'partial', 8, 7, 1, now(), 'tester')"))
        paths.refresh_all(conn)  # the map's patrol paths, derived from the tracks as the refresh does


@pytest.fixture
def field_db(map_db: str, engine: sa.Engine) -> str:
    """map_db plus the field data of fixture_data, whose answers are known."""
    add_field_data(engine)
    return map_db


@pytest.fixture
def served(db_url: str, seed: Callable[[list[tuple]], None], engine: sa.Engine, tmp_path: Path) -> Iterator[str]:
    """The dashboard served by `streamlit run` on a free port, reading the fixture prefecture plus twenty
    schools (one named like an HTML tag, with a hazard whose texts are HTML too)."""
    seed(SCHOOLS + twenty_schools())
    add_field_data(engine)
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO hazard (hazard_id, kind, category, school_code, county_adcode, found_on, status, description, "
            "geom) VALUES ('X1', 'campus', :x, '2153300000', '533301', '2025-03-05', 'open', :x, "
            "ST_SetSRID(ST_MakePoint(98.857, 25.881), 4326))"), {"x": XSS_NAME})
    port = free_port()
    env = {**os.environ, "XIAOAN_DATABASE_URL": db_url}
    log = (tmp_path / "streamlit.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true",
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_healthy(base, proc)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
        log.close()
    assert b"Traceback" not in (tmp_path / "streamlit.log").read_bytes(), "the server logged an exception"


@pytest.fixture
def browser_page(served: str, engine: sa.Engine) -> Iterator[tuple[Page, dict[str, list]]]:
    """A Chromium page on the served app, signed in as a leader (the sign-in cookie), recording what it does."""
    with chromium(served, token(engine, "leader")) as pair:
        yield pair


@pytest.fixture
def signed_out_page(served: str) -> Iterator[tuple[Page, dict[str, list]]]:
    """A Chromium page on the served app, not signed in."""
    with chromium(served, None) as pair:
        yield pair
