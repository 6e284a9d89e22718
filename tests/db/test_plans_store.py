"""Stored patrol plans: a round trip, all or nothing, and row-level security for the dashboard's role."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from shapely.geometry import LineString, Point

from db import access
from db.engine import make_engine
from db.plans import PlanHeader, RouteRow, StopRow, UncoveredRow, plans, read_plan, save_plan
from tests.dashboard.conftest import SCHOOLS, add_schools, load_counties
from tests.users import add_users, token

LUSHUI, FUGONG = "533301", "533323"
TZ = ZoneInfo("Asia/Shanghai")
DAY = dt.date(2026, 3, 3)
START = dt.datetime(2026, 3, 3, 7, 30, tzinfo=TZ)
UNITS = [("5333PS101", "六库镇派出所", LUSHUI, 98.859, 25.852), ("5333PS201", "上帕镇派出所", FUGONG, 98.868, 26.903)]
VEHICLES = [("云Q10001", "5333PS101"), ("云Q20001", "5333PS201")]


@pytest.fixture
def data(engine: sa.Engine) -> sa.Engine:
    """Counties, the dashboard fixture's schools, a unit and a vehicle in 泸水市 and in 福贡县, every role's user."""
    load_counties(engine)
    add_schools(engine, SCHOOLS)
    with engine.begin() as conn:
        for code, name, county, lon, lat in UNITS:
            conn.execute(sa.text("INSERT INTO police_unit (unit_code, name, unit_type, county_adcode, geom) VALUES "
                                 "(:c, :n, '派出所', :a, ST_SetSRID(ST_MakePoint(:x, :y), 4326))"),
                         {"c": code, "n": name, "a": county, "x": lon, "y": lat})
        for vehicle, unit in VEHICLES:
            conn.execute(sa.text("INSERT INTO vehicle (vehicle_id, unit_code) VALUES (:v, :u)"),
                         {"v": vehicle, "u": unit})
    add_users(engine)
    return engine


@pytest.fixture
def web(db_url: str) -> Iterator[sa.Engine]:
    """An engine logged in as the dashboard's low-privilege role."""
    eng = make_engine(access.web_url(db_url))
    yield eng
    eng.dispose()


def plan(county: str | None, by: str = "cli", school: str = "2153330101") -> tuple:
    """A one-vehicle plan: a stop at one school, another school uncovered (the county's, or 泸水市's)."""
    here = county or LUSHUI
    vehicle, unit = VEHICLES[0] if here == LUSHUI else VEHICLES[1]
    other = "2153330102" if here == LUSHUI else "2153332302"
    school = school if here == LUSHUI else "2153332301"
    header = PlanHeader(made_by=by, service_date=DAY, window_name="morning", window_start=START,
                        window_end=START + dt.timedelta(hours=1), county_adcode=county, dwell_min=10, schools=2,
                        covered=1, prize_total=5.0, prize_covered=3.0,
                        params={"solver": "greedy", "time_limit_s": 5, "lead_min": 30}, inputs={"vehicles": 1})
    route = RouteRow(vehicle, unit, here, 1, 900, LineString([(98.859, 25.852), (98.857, 25.8513)]))
    stop = StopRow(vehicle, 1, school, here, START + dt.timedelta(minutes=5), START + dt.timedelta(minutes=15), 450,
                   3.0, {"pupils": 2.0, "hazards": 1.0})
    uncovered = UncoveredRow(other, here, "too_far", 2.0, {"pupils": 2.0}, "earliest arrival 08:41")
    return header, [route], [stop], [uncovered]


def count(engine: sa.Engine, table: str) -> int:
    with engine.connect() as conn:
        return conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()


def test_a_plan_reads_back_as_it_was_saved(data: sa.Engine) -> None:
    header, routes, stops, uncovered = plan(LUSHUI)
    with data.connect() as conn:
        plan_id = save_plan(conn, header, routes, stops, uncovered)
        stored = read_plan(conn, plan_id)
        listed = plans(conn, on=DAY, counties=[LUSHUI])
    assert stored is not None and [p.plan_id for p in listed] == [plan_id]
    h = stored.header
    assert (h.plan_id, h.made_by, h.service_date, h.window_start, h.county_adcode) == (
        plan_id, "cli", DAY, START, LUSHUI)
    assert h.params == header.params and h.inputs == {"vehicles": 1} and h.made_at is not None
    assert stored.routes.crs.to_epsg() == 4326
    route = stored.routes.iloc[0]
    assert (route.vehicle_id, route.unit_name, route.travel_s, route.stops) == ("云Q10001", "六库镇派出所", 900, 1)
    assert route.geom.geom_type == "MultiLineString" and route.geom.geoms[0].equals(routes[0].geom)
    stop = stored.stops.iloc[0]
    assert (stop.school_code, stop.school_name, stop.seq, stop.travel_s) == ("2153330101", "六库镇中心小学", 1, 450)
    assert stop.arrive == stops[0].arrive and stop.priority_parts == {"pupils": 2.0, "hazards": 1.0}
    assert stop.geom.equals_exact(Point(98.857, 25.851 + 0.0003), 1e-9), "the gate, not the school point"
    gap = stored.uncovered.iloc[0]
    assert (gap.school_code, gap.reason, gap.detail) == ("2153330102", "too_far", "earliest arrival 08:41")
    assert gap.geom.equals_exact(Point(98.780, 25.960 + 0.0003), 1e-9)
    with data.connect() as conn:
        assert plans(conn, on=DAY + dt.timedelta(days=1)) == [] and read_plan(conn, plan_id + 1) is None
        assert [p.plan_id for p in plans(conn, counties=[FUGONG])] == []


def test_a_route_without_line_or_stops_reads_back(data: sa.Engine) -> None:
    header, routes, _, _ = plan(LUSHUI)
    bare = RouteRow(routes[0].vehicle_id, routes[0].unit_code, LUSHUI, 1, 0, None)
    with data.connect() as conn:
        stored = read_plan(conn, save_plan(conn, header, [bare], [], []))
    assert stored is not None and stored.routes.iloc[0].geom is None and stored.stops.empty and stored.uncovered.empty


def test_a_failure_leaves_nothing(data: sa.Engine) -> None:
    header, routes, stops, uncovered = plan(LUSHUI)
    with data.connect() as conn, pytest.raises(sa.exc.IntegrityError):
        save_plan(conn, header, routes, stops, [*uncovered, UncoveredRow("no-such-school", LUSHUI, "too_far", 1.0)])
    with data.connect() as conn, conn.begin(), pytest.raises(sa.exc.IntegrityError):
        save_plan(conn, header, routes, [stops[0], stops[0]], uncovered)  # inside the caller's transaction
    for table in ("patrol_plan", "patrol_plan_route", "patrol_plan_stop", "patrol_plan_uncovered"):
        assert count(data, table) == 0, table


def as_user(web: sa.Engine, data: sa.Engine, user: str | None, work):  # noqa: ANN001, ANN201
    """Run work(conn) on the dashboard's role with the user's token, in one transaction."""
    with web.begin() as conn:
        access.set_token(conn, user and token(data, user))
        return work(conn)


def test_each_user_sees_the_plans_of_their_counties(data: sa.Engine, web: sa.Engine) -> None:
    with data.connect() as conn:
        ids = {county: save_plan(conn, *plan(county)) for county in (LUSHUI, FUGONG, None)}
    seen = {user: as_user(web, data, user, lambda c: {p.plan_id for p in plans(c)})
            for user in ("lushui", "fugong", "clerk_lushui", "leader", "admin", None)}
    assert seen == {"lushui": {ids[LUSHUI]}, "fugong": {ids[FUGONG]}, "clerk_lushui": {ids[LUSHUI]},
                    "leader": set(ids.values()), "admin": set(ids.values()), None: set()}
    assert as_user(web, data, "lushui", lambda c: read_plan(c, ids[FUGONG])) is None
    assert as_user(web, data, "lushui", lambda c: read_plan(c, ids[None])) is None, "the prefecture's: leaders only"
    rows = as_user(web, data, "lushui", lambda c: c.execute(sa.text(
        "SELECT (SELECT count(*) FROM patrol_plan_route) + (SELECT count(*) FROM patrol_plan_stop) "
        "+ (SELECT count(*) FROM patrol_plan_uncovered)")).scalar_one())
    assert rows == 3, "one route, one stop, one uncovered school: 泸水市's plan only, not the prefecture's"
    whole = as_user(web, data, "leader", lambda c: read_plan(c, ids[None]))
    assert whole is not None and len(whole.stops) == 1


def test_a_planner_saves_plans_of_their_county_only(data: sa.Engine, web: sa.Engine) -> None:
    mine = as_user(web, data, "lushui", lambda c: save_plan(c, *plan(LUSHUI, by="lushui")))
    assert as_user(web, data, "lushui", lambda c: read_plan(c, mine)).stops.school_code.tolist() == ["2153330101"]
    refused = [("lushui", plan(FUGONG, by="lushui")), ("lushui", plan(None, by="lushui")),
               ("lushui", plan(LUSHUI, by="leader")), ("clerk_lushui", plan(LUSHUI, by="clerk_lushui")),
               (None, plan(LUSHUI, by="lushui"))]
    for user, attempt in refused:
        with pytest.raises(sa.exc.ProgrammingError, match="row-level security"):
            as_user(web, data, user, lambda c, attempt=attempt: save_plan(c, *attempt))
    whole = as_user(web, data, "leader", lambda c: save_plan(c, *plan(None, by="leader")))
    assert count(data, "patrol_plan") == 2 and whole != mine


def test_a_planner_cannot_add_rows_to_a_plan_they_did_not_make(data: sa.Engine, web: sa.Engine) -> None:
    with data.connect() as conn:
        theirs = save_plan(conn, *plan(LUSHUI))  # made by the CLI, in 泸水市: visible to lushui
    insert = sa.text("INSERT INTO patrol_plan_uncovered (plan_id, school_code, county_adcode, reason, priority) "
                     "VALUES (:p, '2153330103', :c, 'no_capacity', 1)")
    with pytest.raises(sa.exc.ProgrammingError, match="row-level security"):
        as_user(web, data, "lushui", lambda c: c.execute(insert, {"p": theirs, "c": LUSHUI}))
    mine = as_user(web, data, "lushui", lambda c: save_plan(c, *plan(LUSHUI, by="lushui")))
    with pytest.raises(sa.exc.ProgrammingError, match="row-level security"):
        as_user(web, data, "lushui", lambda c: c.execute(insert, {"p": mine, "c": FUGONG}))
    as_user(web, data, "lushui", lambda c: c.execute(insert, {"p": mine, "c": LUSHUI}))
    assert count(data, "patrol_plan_uncovered") == 3
