"""The patrol_path_grid mart holds each path's snapped segments at every kept tolerance, whoever writes the paths,
and the map's path read answers from it as it does when it computes the segments itself."""

import datetime as dt
import json

import pytest
import sqlalchemy as sa

from db.sql import query
from tests.db.analytics.test_paths import DAY, NEXT, at, db, drive, refresh  # noqa: F401  (db: the fixture)

LEVELS = [20.0, 40.0, 80.0, 160.0, 320.0]  # xiaoan_path_levels() of migration 0021
SEGMENTS = """SELECT ARRAY(SELECT DISTINCT ST_AsBinary(ST_Normalize(s.geom))
    FROM ST_DumpSegments(ST_RemoveRepeatedPoints(ST_SnapToGrid(ST_Simplify(ST_Transform(p.geom, 32647), :t), :t))) AS s
    ORDER BY 1)"""
DIRECT = sa.text(  # every path's segments at :t, computed here, as (day, vehicle, window) -> sorted WKB
    f"SELECT p.day, p.vehicle_id, p.window_name, ({SEGMENTS}) AS segments FROM patrol_path p")
MART = sa.text("SELECT day, vehicle_id, window_name, ARRAY(SELECT DISTINCT x FROM unnest(segments) AS x ORDER BY 1) "
               "AS segments FROM patrol_path_grid WHERE tolerance_m = :t")
DRAWN = sa.text(  # per vehicle, the roads it drove at :t as the map should draw them: distinct segments, merged
    "SELECT vehicle_id, ST_NPoints(g) AS vertices, ST_AsBinary(ST_Transform(g, 4326)) AS wkb FROM ("
    "SELECT vehicle_id, ST_Multi(ST_LineMerge(ST_Collect(seg))) AS g FROM (SELECT DISTINCT p.vehicle_id, "
    "ST_Normalize(s.geom) AS seg FROM patrol_path p CROSS JOIN LATERAL ST_DumpSegments(ST_RemoveRepeatedPoints("
    "ST_SnapToGrid(ST_Simplify(ST_Transform(p.geom, 32647), :t), :t))) AS s) AS d GROUP BY vehicle_id) AS v "
    "ORDER BY vehicle_id")
ZIGZAG = [(0, 0), (60, 25), (120, 0), (180, 25), (240, 0), (300, 25), (360, 0), (420, 25), (480, 0), (540, 25)]


def rows(engine, sql, t):
    with engine.connect() as conn:
        return {(r.day, r.vehicle_id, r.window_name): list(r.segments) for r in conn.execute(sql, {"t": t})}


def zigzag(engine, vehicle, day, hh, shift=0):
    start = at(day, hh, 40)
    drive(engine, vehicle, [(start + dt.timedelta(seconds=10 * i), x + shift, y) for i, (x, y) in enumerate(ZIGZAG)])


@pytest.fixture
def driven(db):  # noqa: F811
    zigzag(db, "A", DAY, 7)
    zigzag(db, "A", NEXT, 7)  # the same road again: drawn once
    zigzag(db, "B", DAY, 11, shift=-3000)
    refresh(db)
    return db


def read(engine, tolerance, windows=None):
    """dash_patrol_paths over both days, every county, as (vehicle, vertices, runs, GeoJSON)."""
    with engine.connect() as conn:
        return conn.execute(query("dash_patrol_paths"), {
            "date_from": DAY, "date_to": NEXT, "counties": None, "windows": windows,
            "tolerance_m": tolerance}).all()


def test_every_path_has_its_segments_at_every_kept_tolerance(driven):
    with driven.connect() as conn:
        assert conn.execute(sa.text("SELECT xiaoan_path_levels()")).scalar() == LEVELS
        assert conn.execute(sa.text("SELECT count(*) FROM patrol_path")).scalar() == 3
    for t in LEVELS:
        assert rows(driven, MART, t) == rows(driven, DIRECT, t)
    assert any(rows(driven, MART, 20.0).values()) and rows(driven, MART, 10.0) == {}  # 10 m: drawn as stored


def test_a_refresh_rewrites_them_and_deleting_a_path_deletes_them(driven):  # a delete, update, cascade, truncate
    zigzag(driven, "A", DAY, 16, shift=500)  # an afternoon run on the first day
    refresh(driven, DAY, DAY)
    assert len(rows(driven, MART, 40.0)) == 4 and rows(driven, MART, 40.0) == rows(driven, DIRECT, 40.0)
    with driven.begin() as conn:
        conn.execute(sa.text("DELETE FROM patrol_path WHERE vehicle_id = 'B'"))
        conn.execute(sa.text("UPDATE patrol_path SET geom = ST_Translate(geom, 0.001, 0) WHERE day = :d"), {"d": NEXT})
    for t in LEVELS:
        assert rows(driven, MART, t) == rows(driven, DIRECT, t)
    with driven.begin() as conn:
        conn.execute(sa.text("DELETE FROM track_point WHERE vehicle_id = 'A'"))
        conn.execute(sa.text("DELETE FROM vehicle WHERE vehicle_id = 'A'"))  # its paths go, and with them these
        assert conn.execute(sa.text("SELECT count(*) FROM patrol_path_grid")).scalar() == 0
    refresh(driven)
    assert rows(driven, MART, 20.0) == rows(driven, DIRECT, 20.0) != {}
    with driven.begin() as conn:
        conn.execute(sa.text("TRUNCATE patrol_path"))
        assert conn.execute(sa.text("SELECT count(*) FROM patrol_path_grid")).scalar() == 0


@pytest.mark.parametrize("tolerance", [20.0, 80.0, 640.0])  # kept, kept, computed on the fly
def test_the_map_draws_each_road_once_whether_kept_or_computed(driven, tolerance):
    drawn = read(driven, tolerance)
    with driven.connect() as conn:
        expected = conn.execute(DRAWN, {"t": tolerance}).all()
        assert [(r.vehicle_id, r.vertices) for r in drawn] == [(e.vehicle_id, e.vertices) for e in expected]
        for r, e in zip(drawn, expected, strict=True):  # the same lines, to the GeoJSON's 5 decimals (~1 m)
            apart = conn.execute(sa.text(
                "SELECT ST_HausdorffDistance(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(:a), 4326), 32647), "
                "ST_Transform(ST_GeomFromWKB(:b, 4326), 32647))"), {"a": r.geojson, "b": e.wkb}).scalar()
            assert apart < 1.5
    a = next(r for r in drawn if r.vehicle_id == "A")
    assert a.runs == 2 and len(json.loads(a.geojson)["coordinates"]) == 1  # two days' runs, one line


def test_as_stored_the_runs_come_whole(driven):
    drawn = {r.vehicle_id: r for r in read(driven, 10.0, ["morning"])}
    assert set(drawn) == {"A"}
    lines = json.loads(drawn["A"].geojson)["coordinates"]
    assert len(lines) == 2 and drawn["A"].vertices == 2 * len(ZIGZAG)  # both mornings, every zig kept at 10 m
