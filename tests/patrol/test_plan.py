"""A plan made on a hand-made network in a real PostGIS: the reasons, the window and dwell, posts, storage, errors."""

import datetime as dt
import json

import docx
import openpyxl
import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from db.errors import PlanError, user_message
from db.plans import read_plan
from db.settings import Settings
from etl.datasets import DATASETS
from etl.runner import load_file
from patrol.inputs import Scope
from patrol.plan import make_plan
from tests.conftest import COUNTIES
from tests.db.test_routing import add_roads, at
from xiaoan.cli import app

DAY = dt.date(2026, 12, 8)  # a Tuesday in the autumn term
SETTINGS = Settings(road_snap_m=10, plan_access_m=2000, plan_offroad_kmh=10, road_speed_default_kmh=15,
                    peak_windows={"morning": ("07:30", "08:10")}, plan_lead_min=30, plan_dwell_min=10)
# a 县道 (40 km/h) east from the unit; a 村道 (20 km/h) spur 30 km north-east: too far to reach and dwell in time
ROADS = [("county", "县道", [(0, 0), (12_000, 0)]), ("spur", "村道", [(12_000, 0), (12_000, 30_000)])]
SCHOOLS = {  # code: (name, type, pupils, dx, dy)
    "2153010101": ("近校一小", "小学", 400, 1_000, 50),
    "2153010102": ("近校二小", "小学", 300, 2_000, 50),
    "2153010103": ("远端幼儿园", "幼儿园", 80, 12_000, 29_950),  # 30 km of 村道: > 90 min away
    "2153010104": ("无路中学", "初中", 900, -6_000, 6_000),  # 8 km from any road: unreachable
    "2153010105": ("岗亭小学", "小学", 500, 3_000, 50),  # a 护学岗 officer that day: covered by the post
}


def csv(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def town(engine, tmp_path):
    load_file(engine, DATASETS["counties"], COUNTIES)
    _, lon, lat = at("unit", 0, 0)
    load_file(engine, DATASETS["units"], csv(tmp_path, "units.csv", "单位代码,单位名称,单位类型,地址,经度,纬度\n"
                                                 f"5333PS001,六库镇派出所,派出所,六库,{lon},{lat}\n"))
    rows = [f"{code},{name},{kind},{pupils},{at(code, dx, dy)[1]},{at(code, dx, dy)[2]}"
            for code, (name, kind, pupils, dx, dy) in SCHOOLS.items()]
    head = "学校标识码,学校名称,学校类型,在校生数,经度,纬度\n"
    load_file(engine, DATASETS["schools"], csv(tmp_path, "schools.csv", head + "\n".join(rows) + "\n"))
    load_file(engine, DATASETS["officers"], csv(tmp_path, "officers.csv",
                                                "警号,姓名,单位代码\n053001,李警官,5333PS001\n"))
    load_file(engine, DATASETS["assignments"], csv(tmp_path, "assignments.csv",
                                                   "学校标识码,警号,角色,开始日期,结束日期\n"
                                                   "2153010105,053001,护学岗,2026-09-01,\n"))
    load_file(engine, DATASETS["vehicles"], csv(tmp_path, "vehicles.csv", "车牌号,单位代码\n云Q0001警,5333PS001\n"))
    add_roads(engine, ROADS, SETTINGS)
    return engine


def plan(engine, dwell=10, window="morning", on=DAY):
    with engine.begin() as conn:
        return make_plan(conn, Scope(on, window, None, dwell), "test", SETTINGS, time_limit_s=2)


def test_each_uncovered_school_gets_its_reason_and_a_post_needs_no_vehicle(town):
    made = plan(town)
    reasons = {u.school_code: u.reason for u in made.solution.uncovered}
    assert reasons == {"2153010103": "too_far", "2153010104": "unreachable"}
    assert set(made.solution.covered) == {"2153010101", "2153010102"}
    assert "2153010105" not in {g.school_code for g in made.instance.gates}  # the post covers it
    stored = read_plan(town.connect(), made.plan_id)
    assert stored.header.covered == 3 and stored.header.schools == 5
    assert set(stored.uncovered["reason"]) == {"too_far", "unreachable"}
    assert stored.routes.to_crs(32647).geometry.iloc[0].length > 1000  # drawn on the roads, metres


def test_every_stop_dwells_wholly_inside_the_window_after_road_travel(town):
    made = plan(town)
    inst = made.instance
    assert inst.window_s == 40 * 60
    node = {g.school_code: g.node for g in inst.gates}
    depot = inst.vehicles[0].depot
    # 1 km of 县道 at 40 km/h, then 50 m off-road at 10 km/h: travel times are the road classes' speeds
    assert inst.travel_s[depot, node["2153010101"]] == pytest.approx(1000 / (40 / 3.6) + 50 / (10 / 3.6), abs=1)
    assert inst.travel_s[depot, node["2153010103"]] > 30_000 / (20 / 3.6)  # 30 km of 村道: 90 minutes
    route = made.solution.routes[0]
    previous = depot
    for s in route.stops:
        assert s.arrive_s >= 0 and s.depart_s == s.arrive_s + 600 and s.depart_s <= inst.window_s
        assert s.travel_s == inst.travel_s[previous, node[s.school_code]]
        previous = node[s.school_code]


def test_a_dwell_too_long_for_two_stops_leaves_one_for_lack_of_capacity(town):
    made = plan(town, dwell=25)  # 40-minute window: one 25-minute stop per vehicle
    reasons = {u.school_code: u.reason for u in made.solution.uncovered}
    assert len(made.solution.covered) == 1
    assert sorted(reasons.values()) == ["no_capacity", "too_far", "unreachable"]


def test_the_cli_prints_the_plan_as_one_json_object_last(town, use_db, monkeypatch):
    monkeypatch.setenv("XIAOAN_PEAK_WINDOWS", json.dumps({"morning": ["07:30", "08:10"]}))
    result = CliRunner().invoke(app, ["plan", "make", "--date", "2026-12-08", "--window", "morning", "--json",
                                      "--time-limit", "2"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output.strip().splitlines()[-1])
    assert out["schools"] == 5 and out["covered"] == 3
    assert {u["reason"] for u in out["uncovered"]} == {"too_far", "unreachable"}
    stop = out["routes"][0]["stops"][0]
    assert stop["arrive"].startswith("2026-12-08T07:") and stop["arrive"].endswith("+08:00")
    assert isinstance(stop["travel_s"], int) and out["routes"][0]["unit_code"] == "5333PS001"


def test_bad_input_is_a_clear_message_and_writes_nothing(town):
    with pytest.raises(PlanError) as no_school:
        plan(town, on=dt.date(2026, 12, 12))  # a Saturday
    assert user_message(no_school.value, "zh") == "2026-12-12 不是上学日（不在学期内或为节假日），无需安排护学巡逻。"
    with pytest.raises(PlanError, match="unknown_window"):
        plan(town, window="midnight")
    with town.begin() as conn:
        conn.execute(sa.text("UPDATE vehicle SET in_service = false"))
    with pytest.raises(PlanError) as none:
        plan(town)
    assert "没有可用车辆" in user_message(none.value, "zh")
    with town.begin() as conn:
        conn.execute(sa.text("UPDATE vehicle SET in_service = true"))
        conn.execute(sa.text("DELETE FROM road"))
    with pytest.raises(PlanError) as no_roads:
        plan(town)
    assert user_message(no_roads.value, "en") == "No road network: load roads first (xiaoan load roads FILE)."
    with town.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM patrol_plan")).scalar() == 0


def test_route_cards_export_as_word_and_excel(town, use_db, tmp_path):
    made = plan(town)
    runner = CliRunner()
    for fmt in ("docx", "xlsx"):
        out = tmp_path / f"cards.{fmt}"
        result = runner.invoke(app, ["export", "plan", str(made.plan_id), "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "cards.docx")).paragraphs)
    assert "2026-12-08早高峰巡逻路线卡" in text and "车辆 云Q0001警（5333PS001）" in text
    book = openpyxl.load_workbook(tmp_path / "cards.xlsx")
    stops = list(book["各车路线"].values)
    assert stops[0][:4] == ("车辆", "单位", "顺序", "学校") and {r[3] for r in stops[1:]} == {"近校一小", "近校二小"}
    assert {r[2] for r in list(book["未能覆盖的学校"].values)[1:]} == {"路程太远", "无路可达"}
    missing = runner.invoke(app, ["export", "plan", "999"])
    assert missing.exit_code != 0
