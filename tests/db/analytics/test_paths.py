"""The derived patrol paths: runs per vehicle, local day and peak window, simplified, refreshed with presence."""

import datetime as dt
import json

import pytest
import sqlalchemy as sa
from pyproj import Transformer

from db.analytics import paths
from db.analytics.presence import refresh_range
from db.settings import Settings
from etl.datasets import DATASETS
from etl.runner import load_file
from tests.conftest import COUNTIES

TZ = dt.timezone(dt.timedelta(hours=8))
DAY, NEXT = dt.date(2026, 9, 1), dt.date(2026, 9, 2)
ORIGIN = (485_000.0, 2_860_000.0)  # near Liuku (泸水市), in UTM 47N
TO_WGS = Transformer.from_crs(32647, 4326, always_xy=True)
SETTINGS = Settings()


def at(day, hh, mm, ss=0):
    return dt.datetime(day.year, day.month, day.day, hh, mm, ss, tzinfo=TZ)


@pytest.fixture
def db(engine):
    load_file(engine, DATASETS["counties"], COUNTIES)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO vehicle (vehicle_id) VALUES ('A'), ('B')"))
    return engine


def drive(engine, vehicle, points):
    """points: (time, metres east of ORIGIN, metres north)."""
    with engine.begin() as conn:
        for ts, dx, dy in points:
            lon, lat = TO_WGS.transform(ORIGIN[0] + dx, ORIGIN[1] + dy)
            conn.execute(sa.text("INSERT INTO track_point (vehicle_id, ts, geom) VALUES "
                                 "(:v, :ts, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326))"),
                         {"v": vehicle, "ts": ts, "lon": lon, "lat": lat})


def stored(engine):
    """(day, vehicle, window) → (runs as lists of UTM points rounded to metres, counties, tolerance)."""
    with engine.connect() as conn:
        rows = conn.execute(sa.text(
            "SELECT day, vehicle_id, window_name, ST_AsGeoJSON(ST_Transform(geom, 32647), 1) AS g, counties, "
            "tolerance_m, GeometryType(geom) AS kind FROM patrol_path")).mappings().all()
    out = {}
    for r in rows:
        assert r["kind"] == "MULTILINESTRING"
        runs = [[(round(x - ORIGIN[0]), round(y - ORIGIN[1])) for x, y in run]
                for run in json.loads(r["g"])["coordinates"]]
        out[(r["day"], r["vehicle_id"], r["window_name"])] = (runs, r["counties"], r["tolerance_m"])
    return out


def refresh(engine, first=DAY, last=NEXT):
    with engine.begin() as conn:
        return paths.refresh_range(conn, first, last, SETTINGS)


def test_runs_break_at_the_gap_limit_and_straight_drives_keep_their_ends(db):
    drive(db, "A", [(at(DAY, 7, 40), 0, 0), (at(DAY, 7, 40, 30), 200, 3), (at(DAY, 7, 41), 400, 0),  # 3 m off line
                    (at(DAY, 7, 41, 30), 400, 0),  # parked: a repeated point
                    (at(DAY, 7, 50), 400, 500), (at(DAY, 7, 51), 400, 900), (at(DAY, 7, 52), 700, 900)])
    assert refresh(db) == 1
    runs, counties, tolerance = stored(db)[(DAY, "A", "morning")]
    assert runs == [[(0, 0), (400, 0)], [(400, 500), (400, 900), (700, 900)]]  # 8.5 min gap > 120 s
    assert counties == ["533301"] and tolerance == paths.TOLERANCE_M


def test_only_fixes_inside_a_window_of_their_local_day(db):
    drive(db, "A", [(at(DAY, 7, 0), 0, 0), (at(DAY, 7, 1), 300, 0),  # before the morning window
                    (at(DAY, 11, 45), 0, 0), (at(DAY, 11, 46), 0, 300),  # noon
                    (at(NEXT, 7, 35), 0, 0), (at(NEXT, 7, 36), -300, 0)])  # 23:35 UTC of DAY, morning of NEXT
    drive(db, "B", [(at(DAY, 16, 40), 0, 0)])  # a lone fix makes no path
    refresh(db)
    assert set(stored(db)) == {(DAY, "A", "noon"), (NEXT, "A", "morning")}
    assert stored(db)[(NEXT, "A", "morning")][0] == [[(0, 0), (-300, 0)]]


def test_a_refresh_replaces_its_days_only(db):
    drive(db, "A", [(at(DAY, 7, 40), 0, 0), (at(DAY, 7, 41), 300, 0)])
    drive(db, "B", [(at(NEXT, 7, 40), 0, 0), (at(NEXT, 7, 41), 0, 300)])
    refresh(db)
    with db.begin() as conn:
        conn.execute(sa.text("DELETE FROM track_point"))
    drive(db, "A", [(at(DAY, 7, 40), 0, 0), (at(DAY, 7, 41), 0, -300)])
    assert refresh(db, DAY, DAY) == 1
    assert refresh(db, DAY, DAY) == 1, "twice is the same"
    assert {k: v[0] for k, v in stored(db).items()} == {(DAY, "A", "morning"): [[(0, 0), (0, -300)]],
                                                        (NEXT, "B", "morning"): [[(0, 0), (0, 300)]]}


def test_refresh_all_follows_the_tracks_and_empties_without_them(db):
    drive(db, "A", [(at(NEXT, 16, 40), 0, 0), (at(NEXT, 16, 41), 300, 0)])
    with db.begin() as conn:
        assert paths.refresh_all(conn, SETTINGS) == 1
        conn.execute(sa.text("DELETE FROM track_point"))
        assert paths.refresh_all(conn, SETTINGS) == 0
    assert stored(db) == {}


def test_the_presence_refresh_refreshes_the_paths_of_its_days(db):
    drive(db, "A", [(at(DAY, 7, 40), 0, 0), (at(DAY, 7, 41), 300, 0)])
    with db.begin() as conn:
        refresh_range(conn, DAY, DAY, SETTINGS)
    assert list(stored(db)) == [(DAY, "A", "morning")]


def test_lone_fixes_between_runs_are_dropped_and_runs_keep_their_order(db):
    drive(db, "A", [(at(DAY, 7, 35), 0, 0), (at(DAY, 7, 35, 30), 0, 300),
                    (at(DAY, 7, 40), 500, 500),  # alone between two gaps: no run
                    (at(DAY, 7, 45), 1000, 0), (at(DAY, 7, 45, 30), 1000, 300), (at(DAY, 7, 46), 1000, 600),
                    (at(DAY, 11, 40), 0, -300_000), (at(DAY, 11, 41), 300, -300_000)])  # far south of the counties
    assert refresh(db) == 2
    got = stored(db)
    assert got[(DAY, "A", "morning")][:2] == ([[(0, 0), (0, 300)], [(1000, 0), (1000, 600)]], ["533301"])
    assert got[(DAY, "A", "noon")][:2] == ([[(0, -300_000), (300, -300_000)]], [])
    with db.connect() as conn:
        length = conn.execute(sa.text("SELECT length_m FROM patrol_path WHERE window_name = 'morning'")).scalar()
    assert length == pytest.approx(900, rel=2e-3)  # on the ellipsoid, not the UTM grid
