"""Vehicles and their unavailability load like the other datasets; plan_vehicles.sql says who is free on a day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
import sqlalchemy as sa

from db.sql import query
from etl import runner
from etl.datasets import DATASETS
from etl.options import LoadOptions
from etl.runner import load_file
from tests.conftest import COUNTIES, FIXTURES
from texts import reasons

VEHICLES = FIXTURES / "vehicles"
LUSHUI, FUGONG = "533301", "533323"
TRACK = "vehicle,time,lon,lat,speed,heading\n云QTRACK,2024-03-05 07:31:02,98.8571,25.8512,30,90\n"


def load(engine: sa.Engine, dataset: str, path: Path):  # noqa: ANN201
    return load_file(engine, DATASETS[dataset], path, options=LoadOptions())


@pytest.fixture
def units(engine: sa.Engine) -> sa.Engine:
    """The counties and the fixture's three units."""
    assert load(engine, "counties", COUNTIES).status == "loaded"
    assert load(engine, "units", VEHICLES / "units.csv").status == "loaded"
    return engine


def vehicles(engine: sa.Engine) -> dict[str, tuple]:
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT vehicle_id, unit_code, vehicle_type, in_service, auto_registered, plate "
                                    "FROM vehicle"))
        return {r[0]: tuple(r[1:]) for r in rows}


def test_a_good_file_loads_and_a_second_load_changes_nothing(units: sa.Engine, tmp_path: Path) -> None:
    first = load(units, "vehicles", VEHICLES / "vehicles.csv")
    assert (first.status, first.inserted, first.rows_rejected) == ("loaded", 5, 0)
    found = vehicles(units)
    assert found["云Q10001"] == ("5333PS101", "巡逻车", True, False, "云Q10001")
    assert found["云Q10002"][0] == "5333PS102", "the unit named by its name"
    assert found["云Q10003"][2] is True, "在用 left empty is 是"
    assert found["云Q20001"][2] is False
    assert load(units, "vehicles", VEHICLES / "vehicles.csv").status == "unchanged"
    copy = tmp_path / "vehicles_again.csv"  # another file with the same rows: unchanged by its rows, not its hash
    copy.write_bytes((VEHICLES / "vehicles.csv").read_bytes() + b"\n")
    again = load(units, "vehicles", copy)
    assert (again.status, again.inserted, again.updated) == ("unchanged", 0, 0)
    assert vehicles(units) == found


def test_an_xlsx_register_loads_too(units: sa.Engine, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["车牌号", "单位代码", "车辆类型", "在用"], ["云Q40001", "5333PS201", "巡逻车", "否"],
                ["云Q40002", "上帕镇派出所", None, "是"]):
        sheet.append(row)
    book.save(tmp_path / "vehicles.xlsx")
    result = load(units, "vehicles", tmp_path / "vehicles.xlsx")
    assert (result.status, result.inserted) == ("loaded", 2)
    assert vehicles(units)["云Q40002"][:3] == ("5333PS201", None, True)


def test_bad_rows_are_reported_and_the_good_ones_load(units: sa.Engine) -> None:
    result = load(units, "vehicles", VEHICLES / "vehicles_bad.csv")
    assert (result.status, result.inserted, result.rows_rejected) == ("partial", 1, 4)
    by_row = {r.row: (r.column, r.value, r.reason) for r in result.report.rejects}
    assert by_row[3][:2] == ("单位代码", "5333PS999") and by_row[3][2].startswith("unknown unit")
    assert by_row[4] == ("在用", "也许", "wrong type: expected 是 or 否 (yes/no)")
    assert by_row[5][2] == "duplicate key inside the file (first on row 2)"
    assert by_row[6][2] == "required value missing: unit_code"
    assert set(vehicles(units)) == {"云Q10001"}
    for reject in result.report.rejects:
        assert reasons.translate(reject.reason), reject.reason


def test_a_file_that_cannot_be_read_loads_nothing(units: sa.Engine, tmp_path: Path) -> None:
    bad = tmp_path / "vehicles.csv"
    bad.write_text("车辆类型,在用\n巡逻车,是\n", encoding="utf-8")
    assert load(units, "vehicles", bad).status == "failed"
    assert vehicles(units) == {}


def test_a_crash_mid_load_leaves_the_database_as_it_was(units: sa.Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    finish = runner.finish_run
    monkeypatch.setattr(runner, "finish_run", lambda *a: (_ for _ in ()).throw(RuntimeError("killed")))
    with pytest.raises(RuntimeError):
        load(units, "vehicles", VEHICLES / "vehicles.csv")
    assert vehicles(units) == {}
    monkeypatch.setattr(runner, "finish_run", finish)
    assert load(units, "vehicles", VEHICLES / "vehicles.csv").status == "loaded"
    monkeypatch.setattr(runner, "finish_run", lambda *a: (_ for _ in ()).throw(RuntimeError("killed")))
    with pytest.raises(RuntimeError):
        load(units, "vehicle_unavailable", VEHICLES / "unavailable.csv")
    with units.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM vehicle_unavailable")).scalar_one() == 0


def test_a_vehicle_first_seen_in_tracks_gets_its_unit(units: sa.Engine, tmp_path: Path) -> None:
    track = tmp_path / "track.csv"
    track.write_text(TRACK, encoding="utf-8")
    assert load(units, "tracks", track).details.get("vehicles_registered") == 1
    assert vehicles(units)["云QTRACK"] == (None, None, True, True, None)
    assert load(units, "vehicles", VEHICLES / "vehicles.csv").status == "loaded"
    assert vehicles(units)["云QTRACK"] == ("5333PS101", "巡逻车", True, False, "云QTRACK")


@pytest.fixture
def register(units: sa.Engine) -> sa.Engine:
    """The units, the good vehicles, one vehicle without a unit (from a track) and the unavailability file."""
    assert load(units, "vehicles", VEHICLES / "vehicles.csv").status == "loaded"
    with units.begin() as conn:
        conn.execute(sa.text("INSERT INTO vehicle (vehicle_id, auto_registered) VALUES ('云QLOOSE', true)"))
    return units


def test_unavailability_rejects_unknown_vehicles_and_backward_dates(register: sa.Engine) -> None:
    result = load(register, "vehicle_unavailable", VEHICLES / "unavailable.csv")
    assert (result.status, result.inserted, result.rows_rejected) == ("partial", 2, 2)
    by_row = {r.row: (r.column, r.value, r.reason) for r in result.report.rejects}
    assert by_row[4] == ("车牌号", "云Q99999", "unknown vehicle (车牌号 not among the registered vehicles; load the "
                                              "vehicles first or correct the plate)")
    assert by_row[5][:2] == ("结束日期", "2026-03-01") and by_row[5][2].startswith("date logic")
    for reject in result.report.rejects:
        assert reasons.translate(reject.reason), reject.reason
    with register.connect() as conn:
        stored = conn.execute(sa.text("SELECT vehicle_id, date_from, date_to, reason FROM vehicle_unavailable "
                                      "ORDER BY vehicle_id")).all()
    assert [tuple(r) for r in stored] == [("云Q10001", dt.date(2026, 3, 2), dt.date(2026, 3, 4), "维修"),
                                         ("云Q10002", dt.date(2026, 3, 3), dt.date(2026, 3, 3), "其他勤务")]
    assert load(register, "vehicle_unavailable", VEHICLES / "unavailable.csv").status == "unchanged"


def free(engine: sa.Engine, on: dt.date, counties: list[str] | None) -> list[str]:
    with engine.connect() as conn:
        return [r.vehicle_id for r in conn.execute(query("plan_vehicles"), {"on": on, "counties": counties})]


def problems(engine: sa.Engine, on: dt.date, counties: list[str] | None) -> dict[str, tuple]:
    with engine.connect() as conn:
        rows = conn.execute(query("plan_vehicle_problems"), {"on": on, "counties": counties})
        return {r.vehicle_id: (r.problem, r.detail) for r in rows}


def test_plan_vehicles_respects_the_dates_service_and_units(register: sa.Engine) -> None:
    load(register, "vehicle_unavailable", VEHICLES / "unavailable.csv")
    assert free(register, dt.date(2026, 3, 1), [LUSHUI]) == ["云Q10001", "云Q10003", "云QTRACK", "云Q10002"]
    assert free(register, dt.date(2026, 3, 2), [LUSHUI]) == ["云Q10003", "云QTRACK", "云Q10002"]
    assert free(register, dt.date(2026, 3, 3), [LUSHUI]) == ["云Q10003", "云QTRACK"]
    assert free(register, dt.date(2026, 3, 4), [LUSHUI]) == ["云Q10003", "云QTRACK", "云Q10002"]
    assert free(register, dt.date(2026, 3, 5), None) == ["云Q10001", "云Q10003", "云QTRACK", "云Q10002"]
    assert free(register, dt.date(2026, 3, 5), [FUGONG]) == [], "云Q20001 is not in service"
    with register.connect() as conn:
        row = conn.execute(query("plan_vehicles"), {"on": dt.date(2026, 3, 5), "counties": [LUSHUI]}).mappings().first()
    assert (row["unit_code"], row["unit_name"], row["county_adcode"]) == ("5333PS101", "六库镇派出所", LUSHUI)
    assert (round(row["lon"], 4), round(row["lat"], 4)) == (98.859, 25.852)
    assert problems(register, dt.date(2026, 3, 3), None) == {
        "云QLOOSE": ("no_unit", None), "云Q10001": ("unavailable", "维修 2026-03-02…2026-03-04"),
        "云Q10002": ("unavailable", "其他勤务 2026-03-03…2026-03-03"), "云Q20001": ("out_of_service", None)}
    assert problems(register, dt.date(2026, 3, 3), [FUGONG]) == {"云Q20001": ("out_of_service", None)}
    assert set(problems(register, dt.date(2026, 3, 5), [LUSHUI])) == set()
