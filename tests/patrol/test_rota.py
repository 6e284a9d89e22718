"""The weekly rota on the hand-made county of tests/patrol/town.py: the calendar, turning schools, read back, cards."""

import datetime as dt
import json

import openpyxl
import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from db.errors import PlanError
from patrol.rota import factor, make_week, read_week
from tests.patrol import town
from tests.patrol.test_plan import SETTINGS
from xiaoan.cli import app

FIRST = dt.date(2027, 1, 9)  # a Saturday made a workday; Mon 11, Tue 12 and Thu 14 holidays: 9, 13, 15 remain
HOLIDAYS = "2027-01-09,调休上班,调休\n2027-01-11,假日,测试\n2027-01-12,假日,测试\n2027-01-14,假日,测试\n"
DAYS = [dt.date(2027, 1, 9), dt.date(2027, 1, 13), dt.date(2027, 1, 15)]
A1, A2, A3, A4 = town.A


@pytest.fixture
def county(engine, tmp_path):
    return town.build(engine, tmp_path, HOLIDAYS)


def week(engine, cap=None):
    with engine.begin() as conn:
        return make_week(conn, FIRST, "morning", None, 18, "test", SETTINGS, time_limit_s=1,
                         **({} if cap is None else {"cap": cap}))


def test_the_factor():
    assert [factor(None), factor(1), factor(2), factor(9), factor(None, cap=1)] == [5, 1, 2, 5, 1]


def test_the_rota_turns_to_schools_not_visited_lately(county):
    # dwell 18 min: the one vehicle (at A) stops twice a day (A1 [0, 18], A2 [19.6, 37.6]); prize A1 > A2 > A3 > A4.
    # day 0: all × 5, A1 + A2. day 1: A1, A2 × 1 against A3, A4 × 5: A3 + A4. day 2: A1, A2 × 2 (two rota days
    # ago) against A3, A4 × 1: A1 + A2. Four gates and the post over the week; B1, B2 and F too far, U unreachable.
    made = week(county)
    assert [d.inputs.scope.on for d in made.days] == DAYS
    assert [set(d.solution.covered) for d in made.days] == [{A1, A2}, {A3, A4}, {A1, A2}]
    assert (made.distinct_covered, made.reachable) == (5, 5)
    stored = read_week(county.connect(), FIRST, "morning", None)
    assert [p.header.plan_id for p in stored.plans] == [d.plan_id for d in made.days]
    assert [p.header.params["rota"] for p in stored.plans] == [{"from": "2027-01-09", "day": i, "cap": 5}
                                                               for i in range(3)]
    grid = stored.grid()
    assert list(grid.columns) == DAYS
    by_code = grid.droplevel("school_name")
    assert list(by_code.loc[A3]) == ["no_capacity", "云Q0001警", "no_capacity"]
    assert list(by_code.loc[town.POST]) == ["post"] * 3 and by_code.loc[town.B[0]].iloc[0] == "too_far"
    day1 = stored.plans[1].stops.set_index("school_code")
    assert day1.loc[A3, "priority_parts"]["rota"] == 4 * day1.loc[A3, "priority"] / 5  # × 5: the rota added 4 ×


def test_independent_plans_visit_the_same_two(county):
    made = week(county, cap=1)
    assert [set(d.solution.covered) for d in made.days] == [{A1, A2}] * 3
    assert made.distinct_covered == 3  # A1, A2 and the post


def test_the_cli_stores_the_week_and_writes_its_cards(county, use_db, monkeypatch, tmp_path):
    monkeypatch.setenv("XIAOAN_PEAK_WINDOWS", json.dumps({"morning": ["07:30", "08:10"]}))
    cards = tmp_path / "week.xlsx"
    result = CliRunner().invoke(app, ["plan", "week", "--from", FIRST.isoformat(), "--window", "morning", "--dwell",
                                      "18", "--time-limit", "1", "--xlsx", str(cards), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output.strip().splitlines()[-1])
    assert [d["date"] for d in out["days"]] == [d.isoformat() for d in DAYS]
    assert [d["covered"] for d in out["days"]] == [3, 3, 3] and (out["distinct_covered"], out["reachable"]) == (5, 5)
    with county.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM patrol_plan")).scalar() == 3
    book = openpyxl.load_workbook(cards)
    routes = list(book["一周各车路线"].values)
    assert routes[0][:2] == ("日期", "车辆") and len(routes) == 1 + 6
    grid = list(book["学校×日期"].values)
    assert grid[0] == ("学校", *(d.isoformat() for d in DAYS))
    rows = {r[0]: r[1:] for r in grid[1:]}
    assert rows["甲三小"] == ("车辆不足", "云Q0001警", "车辆不足") and rows["岗亭小学"] == ("护学岗",) * 3


def test_a_week_without_school_days_is_refused(county):
    with pytest.raises(PlanError, match="no_school_days"), county.begin() as conn:
        make_week(conn, dt.date(2027, 1, 16), "morning", None, 18, "test", SETTINGS)
