"""Sizing on the hand-made county of tests/patrol/town.py: the curve, who is beyond reach, today, the CLI."""

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from patrol.inputs import Scope
from patrol.sizing import sizing
from tests.patrol import town
from tests.patrol.test_plan import SETTINGS
from xiaoan.cli import app

DAY = dt.date(2026, 12, 8)


@pytest.fixture
def county(engine, tmp_path):
    return town.build(engine, tmp_path)


def test_the_curve_adds_each_vehicle_where_it_covers_most(county):
    # dwell 12 min: a vehicle at A does A1 [0, 12], A2 [13.6, 25.6], A3 [27.2, 39.2]; A4 would start at 40.8 > 28.
    # 1 vehicle: 3 (at A; at B only 2). 2: + B1, B2 at B (+2; a second at A adds only A4). 3: + A4 at A.
    with county.connect() as conn:
        (found,) = sizing(conn, Scope(DAY, "morning", None, 12), SETTINGS)
    assert found.county_adcode == "533301" and found.schools == 9
    assert found.reachable == 7  # six gates and the post; F too far, U unreachable
    assert [(s.vehicles, s.covered, s.unit_code) for s in found.curve] == [
        (0, 1, None), (1, 4, "5333PS001"), (2, 6, "5333PS003"), (3, 7, "5333PS001")]  # PS002 = PS001's node
    assert found.vehicles_needed == 3
    assert (found.vehicles, found.covered) == (1, 4)  # today: the one vehicle at A, and the post
    assert {(u.school_code, u.reason) for u in found.beyond} == {(town.FAR, "too_far"), (town.NO_ROAD, "unreachable")}


def test_a_shorter_dwell_needs_fewer_vehicles(county):
    # dwell 8 min, 1.6 min between gates: A1 [0, 8], A2 [9.6, 17.6], A3 [19.2, 27.2], A4 [28.8, 36.8] (last start
    # 32): one vehicle at A covers A1–A4, a second at B covers B1, B2. (At 9 min A4 would start at 31.8 > 31.)
    with county.connect() as conn:
        (found,) = sizing(conn, Scope(DAY, "morning", None, 8), SETTINGS)
    assert [(s.vehicles, s.covered) for s in found.curve] == [(0, 1), (1, 5), (2, 7)]
    assert found.vehicles_needed == 2 and found.covered == 5


def test_the_cli_ends_with_the_sizing_as_json(county, use_db, monkeypatch):
    monkeypatch.setenv("XIAOAN_PEAK_WINDOWS", json.dumps({"morning": ["07:30", "08:10"]}))
    result = CliRunner().invoke(app, ["plan", "sizing", "--date", DAY.isoformat(), "--window", "morning",
                                      "--dwell", "12", "--json"])
    assert result.exit_code == 0, result.output
    (c,) = json.loads(result.output.strip().splitlines()[-1])["counties"]
    assert {k: c[k] for k in ("county_adcode", "schools", "reachable", "vehicles", "covered", "vehicles_needed")} == {
        "county_adcode": "533301", "schools": 9, "reachable": 7, "vehicles": 1, "covered": 4, "vehicles_needed": 3}
    assert [(p["vehicles"], p["covered"]) for p in c["curve"]] == [(0, 1), (1, 4), (2, 6), (3, 7)]
    assert {b["school_code"] for b in c["beyond"]} == {town.FAR, town.NO_ROAD}
    assert "再增加 2 辆车，可多覆盖 3 所学校" in result.output
