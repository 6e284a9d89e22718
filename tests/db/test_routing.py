"""The routing network: noded, gaps bridged within road_snap_m, costed by class; matrices and paths over it."""

import numpy as np
import pytest
import sqlalchemy as sa
from pyproj import Transformer

from db.routing import attachment, rebuild_network, route_geometry, travel_matrix
from db.settings import Settings
from etl.datasets import DATASETS
from etl.runner import load_file
from tests.conftest import COUNTIES, FIXTURES

X0, Y0 = 485_000.0, 2_860_000.0  # UTM 47N metres by 六库镇, as in tests/fixtures/routing/make_network.py
TO_WGS = Transformer.from_crs("EPSG:32647", "EPSG:4326", always_xy=True)
SETTINGS = Settings(road_snap_m=10, plan_access_m=2000, plan_offroad_kmh=10, road_speed_default_kmh=15)


def at(key, dx, dy):
    """A point (key, lon, lat) dx, dy metres from the origin."""
    return (key, *TO_WGS.transform(X0 + dx, Y0 + dy))


def add_roads(engine, roads, settings=SETTINGS):
    """Insert (id, class, [(dx, dy), …]) lines into road and rebuild the network."""
    with engine.begin() as conn:
        for road_id, road_class, offsets in roads:
            wkt = "MULTILINESTRING((" + ", ".join(f"{X0 + dx} {Y0 + dy}" for dx, dy in offsets) + "))"
            conn.execute(sa.text("INSERT INTO road (road_id, road_class, geom) "
                                 "VALUES (:r, :c, ST_Transform(ST_GeomFromText(:g, 32647), 4326))"),
                         {"r": road_id, "c": road_class, "g": wkt})
        return rebuild_network(conn, settings)


def matrix(engine, points, settings=SETTINGS):
    with engine.begin() as conn:
        return travel_matrix(conn, points, settings)[1]


def edges(engine):
    with engine.connect() as conn:
        return conn.execute(sa.text("SELECT e.id, e.road_id, e.source, e.target, e.road_class, round(e.length_m), "
                                    "round(e.cost_s::numeric, 3), v.piece, ST_AsEWKB(e.geom) FROM road_edge e "
                                    "JOIN road_vertex v ON v.id = e.source ORDER BY e.id")).all()


def test_loading_roads_rebuilds_the_network(engine):
    assert load_file(engine, DATASETS["counties"], COUNTIES).status == "loaded"
    result = load_file(engine, DATASETS["roads"], FIXTURES / "routing" / "network.geojson")
    assert result.rows_loaded == 4
    pieces = {(r.road_id, r.piece) for r in edges(engine)}
    assert pieces == {("T1", 1), ("T2", 1), ("T3", 1), ("T4", 2)}  # T3's 5 m gap bridged, T4's 30 m not
    assert sorted(r.road_id for r in edges(engine)) == ["T1", "T1", "T2", "T2", "T3", "T4"]  # cut at the crossing
    m = matrix(engine, [at("west", 0, 5), at("north", 1000, 995), at("east", 3000, 5), at("far", 1000, 1995)])
    assert (m[0, 1] > 0) and (m[0, 2] > 0) and m[0, 3] == -1 and m[3, 0] == -1


def test_crossing_lines_are_noded_and_a_path_runs_through_the_crossing(engine):
    add_roads(engine, [("A", "县道", [(0, 0), (2000, 0)]), ("B", "县道", [(1000, -1000), (1000, 1000)])])
    assert sorted(r.road_id for r in edges(engine)) == ["A", "A", "B", "B"]
    m = matrix(engine, [at("w", 0, 0), at("n", 1000, 1000)])
    assert m[0, 1] == m[1, 0] == round(2000 / (40 / 3.6))  # 1 km east, then 1 km north


def test_a_gap_within_road_snap_m_is_bridged_a_larger_one_is_not(engine):
    size = add_roads(engine, [("A", "县道", [(0, 0), (1000, 0)]), ("B", "县道", [(1006, 0), (2000, 0)]),
                              ("C", "县道", [(1000, 7), (1000, 1000)]),  # undershoots A's end too: joins it
                              ("D", "县道", [(2030, 0), (3000, 0)]),
                              ("E", "县道", [(500, -8), (500, -1000)])])  # stops 8 m short of A's middle
    assert size.pieces == 2
    m = matrix(engine, [at("a", 0, 0), at("b", 2000, 0), at("c", 1000, 1000), at("d", 3000, 0), at("e", 500, -1000)])
    assert m[0, 1] > 0 and m[0, 2] > 0 and m[0, 4] > 0 and m[0, 3] == -1 and m[1, 3] == -1


def test_travel_times_follow_the_road_classes(engine):
    add_roads(engine, [("G", "国道", [(0, 0), (3000, 0)]), ("V", "村道", [(0, 500), (3000, 500)]),
                       ("X", "无名路", [(0, 1000), (3000, 1000)])])
    cost = {r.road_id: float(r[6]) for r in edges(engine)}
    speeds = SETTINGS.road_speeds_kmh
    assert cost["G"] == pytest.approx(3000 / (speeds["国道"] / 3.6), rel=1e-3)
    assert cost["V"] / cost["G"] == pytest.approx(speeds["国道"] / speeds["村道"], rel=1e-6)
    assert cost["X"] == pytest.approx(3000 / (15 / 3.6), rel=1e-3)  # an unknown class goes at the default
    m = matrix(engine, [at("g0", 0, 0), at("g1", 3000, 0), at("v0", 0, 500), at("v1", 3000, 500)])
    assert m[0, 1] == 180 and m[2, 3] == 540 and m[0, 2] == -1


def test_a_speed_set_in_the_environment_changes_the_times(engine, monkeypatch):
    add_roads(engine, [("G", "国道", [(0, 0), (3000, 0)])])
    monkeypatch.setenv("XIAOAN_ROAD_SPEEDS_KMH", '{"国道": 120}')
    with engine.begin() as conn:
        rebuild_network(conn, Settings())
    assert float(edges(engine)[0][6]) == pytest.approx(90.0, rel=1e-3)


def test_a_point_attaches_to_the_middle_of_an_edge(engine):
    add_roads(engine, [("A", "县道", [(0, 0), (2000, 0)])])
    points = [at("p", 950, 20), at("q", 1050, -20)]
    with engine.begin() as conn:
        found = attachment(conn, points, SETTINGS)
        _, m = travel_matrix(conn, points, SETTINGS)
    assert [a.fraction for a in found] == pytest.approx([0.475, 0.525], abs=1e-3)
    assert [a.offroad_m for a in found] == pytest.approx([20, 20], abs=0.1)
    expected = 100 / (40 / 3.6) + 2 * 20 / (10 / 3.6)  # 9 s along the road, 7.2 s off it at each end
    assert m[0, 1] == round(expected) and m[0, 1] < 2 * 950 / (40 / 3.6)  # not via the nearer vertex and back


def test_a_point_beyond_plan_access_m_is_unreachable(engine):
    add_roads(engine, [("A", "县道", [(0, 0), (2000, 0)])])
    points = [at("on", 0, 10), at("near", 1000, 1990), at("off", 1000, 2010)]
    with engine.begin() as conn:
        found = attachment(conn, points, SETTINGS)
        keys, m = travel_matrix(conn, points, SETTINGS)
    assert keys == ["on", "near", "off"] and [a.attached for a in found] == [True, True, False]
    assert found[2].piece is None and found[0].piece == 1
    assert m[0, 1] > 0 and m[0, 2] == m[2, 0] == -1 and m[1, 2] == -1 and list(np.diag(m)) == [0, 0, 0]


def test_a_separate_piece_gives_no_path(engine):
    size = add_roads(engine, [("A", "县道", [(0, 0), (2000, 0)]), ("B", "县道", [(0, 3000), (2000, 3000)])])
    points = [at("a", 0, 0), at("b", 0, 3000)]
    with engine.begin() as conn:
        found = attachment(conn, points, Settings(plan_access_m=1000))
        _, m = travel_matrix(conn, points, Settings(plan_access_m=1000))
        paths = route_geometry(conn, [("a", "b")], points, Settings(plan_access_m=1000))
    assert size.pieces == 2 and {a.piece for a in found} == {1, 2}
    assert m[0, 1] == m[1, 0] == -1 and paths == {("a", "b"): None}


def test_rebuild_is_idempotent(engine):
    add_roads(engine, [("A", "县道", [(0, 0), (2000, 0)]), ("B", "村道", [(1000, -1000), (1000, 1000)]),
                       ("C", "国道", [(2004, 0), (2000, 3000)])])
    first = edges(engine)
    with engine.begin() as conn:
        rebuild_network(conn, SETTINGS)
        rebuild_network(conn, SETTINGS)
    assert edges(engine) == first


def test_route_geometry_follows_the_roads_from_point_to_point(engine):
    add_roads(engine, [("A", "县道", [(0, 0), (2000, 0)]), ("B", "村道", [(1000, -1000), (1000, 1000)])])
    points = [at("w", 500, 30), at("n", 1000, 800), at("s", 1000, -800)]
    with engine.begin() as conn:
        paths = route_geometry(conn, [("w", "n"), ("n", "w"), ("n", "s"), ("w", "w")], points, SETTINGS)
        length = conn.execute(sa.text("SELECT ST_Length(ST_Transform(ST_GeomFromWKB(:g, 4326), 32647))"),
                              {"g": paths[("w", "n")].wkb}).scalar()
    assert paths[("w", "w")] is None and paths[("n", "s")] is not None
    assert length == pytest.approx(30 + 500 + 800, abs=0.5)
    start, end = paths[("w", "n")].coords[0], paths[("w", "n")].coords[-1]
    assert start == pytest.approx(points[0][1:], abs=1e-7) and end == pytest.approx(points[1][1:], abs=1e-7)
    assert paths[("n", "w")].coords[0] == pytest.approx(points[1][1:], abs=1e-7)
