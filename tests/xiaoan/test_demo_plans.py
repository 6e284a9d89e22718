"""The demo's last week: its mornings planned, driven by the cars (some stops late or missed) and checked."""

import datetime as dt

import pytest

from db import clock
from db.analytics import compliance
from etl import demo
from etl.datasets import DATASETS
from etl.demo import driven
from etl.runner import load_file
from tests.conftest import scratch_database
from xiaoan import demo_plans

ANCHOR = dt.date(2026, 11, 27)  # a Friday: its previous week is 16–20 November, all school days
SKIP = {"activities", "road-works", "signs"}


@pytest.fixture(scope="module")
def driven_demo(tmp_path_factory):
    with scratch_database("xiaoan_demo_driven") as engine:
        out = tmp_path_factory.mktemp("demo")
        now = dt.datetime.combine(ANCHOR, dt.time(18), clock.zone())
        for name, path, options in demo.write_files(out, seed=7, anchor=ANCHOR, now=now):
            if name not in SKIP:
                assert load_file(engine, DATASETS[name], path, options=options).exit_code == 0, name
        ids, loaded = demo_plans.drive_last_week(engine, out, 7, ANCHOR)
        demo_plans.rota_next_week(engine, ANCHOR)
        yield engine, ids, loaded


def test_last_week_is_planned_driven_and_checked(driven_demo):
    engine, ids, loaded = driven_demo
    week = driven.previous_week(ANCHOR)
    assert week[0] == dt.date(2026, 11, 16) and len(ids) == 5
    assert loaded.exit_code == 0 and loaded.details["plan_checks"] > 0
    with engine.connect() as conn:
        stops = compliance.stops(conn, week[0], week[-1])
    counts = compliance.totals(stops)
    assert counts["pending"] == 0 and counts["stops"] == len(stops) > 300  # ~76 gates driven each morning
    assert counts["late"] > 0 and counts["missed"] > 0  # the draws make some late and some only driven past
    assert 0.7 < counts["rate"] < 0.97
    by_day = stops.groupby("service_date")["plan_id"].nunique()
    assert by_day.tolist() == [1] * 5  # one plan in force a morning


def test_the_random_patrols_leave_planned_mornings_to_the_plans(driven_demo):
    engine, _, _ = driven_demo
    with engine.connect() as conn:
        planned = set(conn.exec_driver_sql(
            "SELECT DISTINCT vehicle_id FROM patrol_plan_route r JOIN patrol_plan p USING (plan_id) "
            "WHERE p.service_date = '2026-11-18'").scalars())
        out = set(conn.exec_driver_sql(
            "SELECT DISTINCT vehicle_id FROM track_point WHERE ts >= '2026-11-18 07:00+08' "
            "AND ts < '2026-11-18 08:30+08'").scalars())
    assert out and out <= planned  # that morning only cars with a route are out


def test_next_week_has_a_rota(driven_demo):
    from patrol.rota import read_week

    engine, _, _ = driven_demo
    with engine.connect() as conn:
        week = read_week(conn, dt.date(2026, 11, 30), "morning", None)
    assert len(week.plans) == 5 and {p.header.params["rota"]["from"] for p in week.plans} == {"2026-11-30"}
    grid = week.grid()
    assert grid.shape[1] == 5 and len(grid) >= 320  # every school × the five school days
