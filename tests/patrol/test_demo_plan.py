"""The demo is plannable: its vehicles, on its road network, cover the morning peak; reasons for the rest."""

import datetime as dt

import pytest

from db.plans import read_plan
from db.settings import Settings
from etl import demo
from etl.datasets import DATASETS
from etl.runner import load_file
from patrol.inputs import Scope
from patrol.plan import make_plan
from tests.conftest import scratch_database

ANCHOR = dt.date(2026, 11, 27)  # a Friday; the demo's car in repair is away that week
SKIP = {"tracks", "activities", "road-works", "signs"}  # not what a plan is made from (presence: no data)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    with scratch_database("xiaoan_demo_plan") as engine:
        for name, path, options in demo.write_files(tmp_path_factory.mktemp("demo"), seed=7, anchor=ANCHOR):
            if name not in SKIP:
                assert load_file(engine, DATASETS[name], path, options=options).exit_code == 0, name
        yield engine


def test_every_station_has_one_to_three_cars_and_one_is_in_repair(demo_db):
    with demo_db.connect() as conn:
        counts = [r[0] for r in conn.exec_driver_sql(
            "SELECT count(v.vehicle_id) FROM police_unit u LEFT JOIN vehicle v ON v.unit_code = u.unit_code "
            "WHERE u.unit_type = '派出所' GROUP BY u.unit_code")]
        away = conn.exec_driver_sql("SELECT count(*) FROM vehicle_unavailable").scalar()
    assert counts and min(counts) >= 1 and max(counts) <= 3 and away == 1


def test_the_morning_peak_of_the_whole_prefecture_is_planned_on_the_roads(demo_db):
    settings = Settings()
    with demo_db.begin() as conn:
        made = make_plan(conn, Scope(ANCHOR, "morning", None, 10), "test", settings, time_limit_s=5)
    schools = len(made.inputs.schools)
    unreachable = sum(u.reason == "unreachable" for u in made.solution.uncovered)
    assert schools == 326 and unreachable / schools <= 0.05  # ≥ 95 % of gates reachable
    assert len(made.inputs.left_out) == 1  # the car in repair
    assert len(made.solution.covered) >= 60
    with demo_db.connect() as conn:
        stored = read_plan(conn, made.plan_id)
    assert stored.routes.geometry.notna().all() and not stored.routes.geometry.is_empty.any()
    assert stored.header.covered == len(made.solution.covered) + int(made.inputs.schools["post_manned"].sum())
