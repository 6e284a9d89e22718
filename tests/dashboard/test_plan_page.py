"""The patrol plan page (巡逻方案): a planner makes a plan through the web role, the page shows routes and reasons."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from db.analytics import plan_check
from db.routing import rebuild_network
from tests.dashboard import fixture_data as fx
from tests.dashboard.apptest import clean, decks, run_page

DAY = dt.date(2025, 3, 11)  # a Tuesday of the fixture's spring term


@pytest.fixture
def plan_db(field_db: str, engine: sa.Engine) -> str:
    """The field fixture with its roads routable and one patrol car per unit."""
    with engine.begin() as conn:
        rebuild_network(conn)
        for code, *_ in fx.UNITS:
            conn.execute(sa.text("INSERT INTO vehicle (vehicle_id, plate, unit_code) VALUES (:v, :v, :u)"),
                         {"v": f"云Q{code}警", "u": code})
    return field_db


def made(at, user_day=DAY):
    at.date_input(key="plan_date").set_value(user_day).run()
    return at


def test_a_planner_makes_a_plan_of_their_county_and_sees_it(plan_db: str, engine: sa.Engine) -> None:
    at = made(run_page("plan", user="lushui"))
    clean(at)
    assert list(at.selectbox(key="plan_county").options) == ["泸水市"]  # their county only
    at.button(key="plan_run").click().run()
    clean(at)
    assert at.success[0].value.startswith("已生成方案")
    head = at.subheader[0].value
    assert head.startswith("早高峰可覆盖 3 所学校中的") and "所（其中护学岗已覆盖 0 所" in head
    layers = {layer["id"] for d in decks(at) for layer in d["layers"]}
    assert {"plan-routes", "plan-stops", "plan-uncovered"} <= layers
    with engine.connect() as conn:
        row = conn.execute(sa.text("SELECT made_by, county_adcode, schools FROM patrol_plan")).one()
    assert tuple(row) == ("lushui", "533301", 3)
    assert {"plan_xlsx", "plan_docx"} <= {b.key for b in at.get("download_button")}


def test_a_clerk_cannot_make_a_plan_and_is_told_so(plan_db: str) -> None:
    at = made(run_page("plan", user="clerk_lushui"))
    clean(at)
    assert "plan_run" not in {b.key for b in at.button}
    assert any("只有规划员、领导和管理员可以生成方案" in c.value for c in at.caption)


def test_a_saturday_is_no_school_day_said_on_the_page(plan_db: str) -> None:
    at = made(run_page("plan", user="leader"), dt.date(2025, 3, 15))
    at.button(key="plan_run").click().run()
    assert at.error[0].value == "2025-03-15 不是上学日（不在学期内或为节假日），无需安排护学巡逻。"
    assert not at.exception


def test_the_check_tab_shows_the_plan_against_the_fixture_gps(plan_db: str, engine: sa.Engine) -> None:
    at = made(run_page("plan", user="leader"))
    at.button(key="plan_run").click().run()
    with engine.begin() as conn:  # the first stop's car stands at its gate for the dwell; GPS goes on till noon
        conn.execute(sa.text(
            "INSERT INTO track_point (vehicle_id, ts, geom) SELECT s.vehicle_id, s.arrive + make_interval(secs => k), "
            "sc.gate_geom FROM patrol_plan_stop s JOIN school sc USING (school_code) "
            "CROSS JOIN generate_series(0, 600, 10) AS k WHERE s.seq = 1 AND s.vehicle_id = "
            "(SELECT min(vehicle_id) FROM patrol_plan_stop) "
            "UNION ALL SELECT min(vehicle_id), TIMESTAMPTZ '2025-03-11 12:00+08', "
            "ST_SetSRID(ST_MakePoint(98.85, 25.85), 4326) "
            "FROM patrol_plan_stop"))
        plan_check.refresh_all(conn)
    at.date_input(key="check_to").set_value(DAY).run()
    at.date_input(key="check_from").set_value(DAY - dt.timedelta(days=6)).run()
    clean(at)
    with engine.connect() as conn:
        stops, checked, kept = conn.execute(sa.text(
            "SELECT (SELECT count(*) FROM patrol_plan_stop), count(*), count(*) FILTER (WHERE kept) "
            "FROM patrol_plan_check")).one()
    assert stops > 1 and checked == stops and kept == 1  # every stop checked once the GPS passes the window
    figures = {m.label: m.value for m in at.metric}
    assert figures["已核查点位"] == str(stops)
    assert figures["到位率"] == f"{kept / stops * 100:.1f}%"
    assert "check_xlsx" in {b.key for b in at.get("download_button")}
    assert "plan-check-stops" in {layer["id"] for d in decks(at) for layer in d["layers"]}
