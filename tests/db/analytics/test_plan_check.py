"""Plans against hand-made GPS in a real PostGIS: a kept stop, a late one, a drive-by, one kept by another car."""

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from db import plans
from db.analytics import plan_check
from db.settings import Settings
from etl.datasets import DATASETS
from etl.runner import load_file
from tests.conftest import COUNTIES
from tests.db.test_routing import at
from xiaoan.cli import app

TZ = ZoneInfo("Asia/Shanghai")
DAY = dt.date(2026, 12, 1)  # a Tuesday of the autumn term
SCHOOLS = {"2153010201": 1_000, "2153010202": 3_000, "2153010203": 5_000, "2153010204": 7_000}  # metres east
A, B, C = "云Q0001警", "云Q0002警", "云Q0003警"  # C is in no plan


def local(hh_mm_ss: str) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time.fromisoformat(hh_mm_ss), TZ)


def write(tmp_path, name, rows):
    path = tmp_path / name
    path.write_text("vehicle,time,lon,lat\n" + "".join(
        f"{v},{t.strftime('%Y-%m-%d %H:%M:%S')},{lon:.7f},{lat:.7f}\n" for v, t, lon, lat in rows), encoding="utf-8")
    return path


def stay(vehicle, start, minutes, dx, dy=0, every_s=10):
    """A car standing dx, dy metres from the origin, a fix every every_s seconds."""
    t0 = local(start)
    return [(vehicle, t0 + dt.timedelta(seconds=s), *at("", dx, dy)[1:]) for s in range(0, minutes * 60 + 1, every_s)]


def drive(vehicle, start, x0, x1, metres_per_s, dy=0, every_s=10):
    """A car driving east along y = dy from x0 to x1 metres at a steady speed."""
    t0, seconds = local(start), int(abs(x1 - x0) / metres_per_s)
    return [(vehicle, t0 + dt.timedelta(seconds=s), *at("", x0 + (x1 - x0) * s / seconds, dy)[1:])
            for s in range(0, seconds + 1, every_s)]


@pytest.fixture
def planned(engine, tmp_path):
    """Four schools on a line, cars A and B planned at two gates each in the morning of DAY (07:30–08:30)."""
    load_file(engine, DATASETS["counties"], COUNTIES)
    _, lon, lat = at("unit", 0, 0)
    units = tmp_path / "units.csv"
    units.write_text(f"单位代码,单位名称,单位类型,地址,经度,纬度\n5333PS001,六库镇派出所,派出所,六库,{lon},{lat}\n",
                     encoding="utf-8")
    load_file(engine, DATASETS["units"], units)
    schools = tmp_path / "schools.csv"
    schools.write_text("学校标识码,学校名称,学校类型,在校生数,经度,纬度\n" + "".join(
        f"{code},第{i}小学,小学,300,{at(code, dx, 0)[1]},{at(code, dx, 0)[2]}\n"
        for i, (code, dx) in enumerate(SCHOOLS.items(), start=1)), encoding="utf-8")
    load_file(engine, DATASETS["schools"], schools)
    vehicles = tmp_path / "vehicles.csv"
    vehicles.write_text(f"车牌号,单位代码\n{A},5333PS001\n{B},5333PS001\n{C},5333PS001\n", encoding="utf-8")
    load_file(engine, DATASETS["vehicles"], vehicles)
    stops = [(A, 1, "2153010201", "07:40"), (A, 2, "2153010202", "07:55"),
             (B, 1, "2153010203", "07:45"), (B, 2, "2153010204", "08:00")]
    header = plans.PlanHeader("test", DAY, "morning", local("07:30"), local("08:30"), "533301", 10,
                              schools=4, covered=4, prize_total=4.0, prize_covered=4.0)
    routes = [plans.RouteRow(v, "5333PS001", "533301", n, 600) for n, v in enumerate((A, B), start=1)]
    rows = [plans.StopRow(v, seq, code, "533301", local(t), local(t) + dt.timedelta(minutes=10), 300, 1.0)
            for v, seq, code, t in stops]
    with engine.begin() as conn:
        plan_id = plans.save_plan(conn, header, routes, rows, [])
    return plan_id


def gps(tmp_path):
    """A at its first gate on time, at its second 13 minutes late, home after the window; B drives past its first
    gate and never reaches its second; C (no plan) stands at B's second gate."""
    return [write(tmp_path, "a_b.csv", stay(A, "07:40:00", 10, 1_000) + drive(A, "07:50:10", 1_000, 3_000, 1.8)
                  + stay(A, "08:08:40", 12, 3_000) + drive(A, "08:21:00", 3_000, 0, 2.0)
                  + drive(B, "07:44:00", 4_000, 6_000, 10.0)),
            write(tmp_path, "c.csv", stay(C, "08:01:00", 9, 7_000))]


def statuses(engine, plan_id):
    with engine.connect() as conn:
        frame = plan_check.stops(conn, plan_id)
    return dict(zip(frame["school_code"], frame["status"], strict=True)), frame


def test_a_plan_before_its_gps_is_pending(planned, engine):
    found, _ = statuses(engine, planned)
    assert set(found.values()) == {"pending"}


def test_kept_late_drive_by_and_kept_by_another_car_after_the_loads(planned, engine, tmp_path):
    first, second = gps(tmp_path)
    assert load_file(engine, DATASETS["tracks"], first).details["plan_checks"] == 4  # checked when tracks load
    found, frame = statuses(engine, planned)
    assert found == {"2153010201": "kept", "2153010202": "late", "2153010203": "missed", "2153010204": "missed"}
    row = frame.set_index("school_code")
    standing, waiting, leaving = 10, 10 / 60, 100 / 1.8 / 60  # at the gate, the 10 s to the next fix, 100 m out
    assert row.loc["2153010201", "inside_min"] == pytest.approx(standing + waiting + leaving, abs=0.01)
    assert 0 < row.loc["2153010203", "inside_min"] < 0.5  # a drive-by at 36 km/h: about 20 s within 100 m
    late_by = row.loc["2153010202", "first_seen"] - local("07:55")
    assert dt.timedelta(minutes=10) < late_by < dt.timedelta(minutes=14)
    load_file(engine, DATASETS["tracks"], second)  # another car's GPS: recomputed
    found, frame = statuses(engine, planned)
    assert found["2153010204"] == "by_other"
    assert list(frame.set_index("school_code").loc["2153010204", "kept_by"]) == [C]


def test_plan_check_cli_says_the_counts_as_json(planned, engine, tmp_path, use_db):
    for path in gps(tmp_path):
        load_file(engine, DATASETS["tracks"], path)
    result = CliRunner().invoke(app, ["plan", "check", str(planned), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output.strip().splitlines()[-1])
    assert {k: out[k] for k in ("plan_id", "stops", "kept", "late", "missed", "by_other", "rate")} == {
        "plan_id": planned, "stops": 4, "kept": 2, "late": 1, "missed": 1, "by_other": 1, "rate": 0.5}
    assert out["missed_stops"] == [{"school_code": "2153010203", "vehicle_id": B,
                                    "arrive": "2026-12-01T07:45:00+08:00"}]
    assert "到位率 50.0%" in result.output and "迟到" in result.output


def test_plan_check_of_an_unknown_plan_is_refused(engine, use_db):
    result = CliRunner().invoke(app, ["plan", "check", "999"])
    assert result.exit_code == 2 and "方案 999 不存在" in result.output


def test_a_longer_kept_minimum_turns_a_short_stay_into_a_miss(planned, engine, tmp_path):
    for path in gps(tmp_path):
        load_file(engine, DATASETS["tracks"], path)
    with engine.begin() as conn:
        plan_check.refresh_plans(conn, [planned], Settings(plan_kept_min=11.5))
        kept = conn.execute(sa.text("SELECT school_code FROM patrol_plan_check WHERE kept ORDER BY 1")).scalars()
        assert list(kept) == ["2153010202"]  # about 13.7 minutes within R at the second gate, 11.1 at the first


def test_compliance_rates_vehicles_counts_the_plan_made_last_and_says_it_in_the_brief(planned, engine, tmp_path):
    from types import SimpleNamespace

    from dashboard.exports import figures, sentences
    from db.analytics import compliance

    for path in gps(tmp_path):
        load_file(engine, DATASETS["tracks"], path)
    with engine.connect() as conn:
        frame = compliance.stops(conn, DAY, DAY)
    rated = compliance.rates(frame, "vehicle").set_index("vehicle_id")
    columns = ["stops", "kept", "late", "missed", "by_other", "rate"]
    assert rated.loc[A, columns].tolist() == [2, 2, 1, 0, 0, 1.0]
    assert rated.loc[B, columns].tolist() == [2, 0, 0, 1, 1, 0.0]
    assert compliance.rates(frame, "county")[columns].iloc[0].tolist() == [4, 2, 1, 1, 1, 0.5]
    said = figures.plans(SimpleNamespace(plan_stops=frame))
    assert sentences.plan_sentence(said, DAY, DAY) == (
        "本期计划巡逻点位4个，按时到位1个，迟到1个，到位率50.0%；未到位1个，另有1个由其他警车到位。")
    assert sentences.plan_sentence(said, DAY - dt.timedelta(days=6), DAY).startswith("本周")
    header = plans.PlanHeader("test", DAY, "morning", local("07:30"), local("08:30"), None, 10,
                              schools=4, covered=1, prize_total=4.0, prize_covered=1.0)  # made again, for all
    with engine.begin() as conn:
        plans.save_plan(conn, header, [plans.RouteRow(B, "5333PS001", "533301", 1, 600)],
                        [plans.StopRow(B, 1, "2153010203", "533301", local("07:45"), local("07:55"), 300, 1.0)], [])
        again = compliance.stops(conn, DAY, DAY)
    assert again[["school_code", "status"]].values.tolist() == [["2153010203", "missed"]]  # the newer plan alone
    assert compliance.totals(again)["rate"] == 0.0


def test_export_plan_compliance_per_vehicle(planned, engine, tmp_path, use_db):
    import io

    import pandas as pd

    for path in gps(tmp_path):
        load_file(engine, DATASETS["tracks"], path)
    result = CliRunner().invoke(app, ["export", "plan-compliance", "--from", "2026-11-30", "--to", "2026-12-06"])
    assert result.exit_code == 0, result.output
    table = pd.read_csv(io.StringIO(result.stdout), dtype={"county_adcode": str})
    assert table[["vehicle_id", "stops", "kept", "late", "missed", "by_other", "rate"]].values.tolist() == [
        [B, 2, 0, 0, 1, 1, 0.0], [A, 2, 2, 1, 0, 0, 1.0]]  # worst first
    assert set(table["unit_code"]) == {"5333PS001"} and set(table["county_adcode"]) == {"533301"}
