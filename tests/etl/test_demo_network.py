"""The demo's roads form a routable network: nearly every school gate and every police unit on one piece."""

import datetime as dt

import pytest
import sqlalchemy as sa

from db.routing import attachment, travel_matrix
from etl import demo
from etl.datasets import DATASETS
from etl.runner import load_file
from tests.conftest import scratch_database

ANCHOR = dt.date(2026, 11, 27)
NEEDED = {"counties", "townships", "units", "schools", "roads"}


@pytest.fixture(scope="module")
def network(tmp_path_factory):
    with scratch_database("xiaoan_demo_net") as engine:
        for name, path, options in demo.write_files(tmp_path_factory.mktemp("demo"), seed=7, anchor=ANCHOR):
            if name in NEEDED:
                assert load_file(engine, DATASETS[name], path, options=options).exit_code == 0
        yield engine


def places(conn, sql):
    return [tuple(r) for r in conn.execute(sa.text(sql))]


def test_gates_and_units_are_on_the_main_piece(network):
    with network.connect() as conn:
        gates = attachment(conn, places(conn, "SELECT school_code, ST_X(gate_geom), ST_Y(gate_geom) FROM school"))
        units = attachment(conn, places(conn, "SELECT unit_code, ST_X(geom), ST_Y(geom) FROM police_unit"))
        classes = set(conn.execute(sa.text("SELECT DISTINCT road_class FROM road_edge")).scalars())
    assert sum(a.piece == 1 for a in gates) >= 0.95 * len(gates)
    assert all(a.piece == 1 for a in units) and len(units) >= 25
    assert {"国道", "省道", "县道", "村道"} <= classes
    assert any(not a.attached for a in gates)  # a few schools up the mountains have no road yet


def test_units_reach_the_schools_of_their_township(network):
    with network.connect() as conn:
        unit = places(conn, "SELECT unit_code, ST_X(geom), ST_Y(geom) FROM police_unit WHERE name = '上帕镇派出所'")
        gates = places(conn, "SELECT school_code, ST_X(gate_geom), ST_Y(gate_geom) FROM school "
                             "WHERE township = '上帕镇' ORDER BY school_code LIMIT 5")
        points = unit + gates
        _, seconds = travel_matrix(conn, points)
    assert (seconds[0, 1:] > 0).all() and (seconds[0, 1:] < 3600).all()


def test_the_same_seed_writes_the_same_roads(tmp_path):
    for run in ("a", "b"):
        demo.write_files(tmp_path / run, seed=7, anchor=ANCHOR)
    for suffix in (".shp", ".dbf"):
        assert (tmp_path / "a" / f"道路{suffix}").read_bytes() == (tmp_path / "b" / f"道路{suffix}").read_bytes()
