"""`xiaoan refresh` and `xiaoan export`: the figures, checkable from the command line."""

import csv
import io
from types import SimpleNamespace

import sqlalchemy as sa
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from db.engine import make_engine
from tests.conftest import COUNTIES
from xiaoan.cli import app

runner = CliRunner()
PRESENCE_COLUMNS = ["school_code", "date", "window", "present", "first_seen", "last_seen", "dwell_min",
                    "min_distance_m", "vehicles"]


def seed(url):
    assert runner.invoke(app, ["load", "counties", str(COUNTIES)]).exit_code == 0
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO school (school_code, name, school_type, county_adcode, geom, gate_geom) VALUES "
            "('S1', '六库镇团结小学', '小学', '533301', ST_SetSRID(ST_MakePoint(98.857, 25.851), 4326), "
            "ST_SetSRID(ST_MakePoint(98.857, 25.851), 4326))"))
        conn.execute(sa.text("INSERT INTO vehicle (vehicle_id) VALUES ('云Q1')"))
        conn.execute(sa.text(  # Friday 4 Sep 2026, 07:50 and 07:50:20 local, at the gate
            "INSERT INTO track_point (vehicle_id, ts, geom) VALUES "
            "('云Q1', '2026-09-04 07:50:00+08', ST_SetSRID(ST_MakePoint(98.857, 25.851), 4326)), "
            "('云Q1', '2026-09-07 16:40:00+08', ST_SetSRID(ST_MakePoint(98.857, 25.851), 4326))"))
    engine.dispose()


def test_refresh_then_export_presence_one_row_per_school_day_and_window(use_db):
    seed(use_db)
    refreshed = runner.invoke(app, ["refresh"])
    assert refreshed.exit_code == 0 and "在岗统计：6 行" in refreshed.output  # Fri and Mon, 3 windows each
    result = runner.invoke(app, ["export", "presence", "--from", "2026-09-04", "--to", "2026-09-07"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert set(PRESENCE_COLUMNS) <= set(rows[0])
    assert [(r["date"], r["window"], r["present"]) for r in rows] == [
        ("2026-09-04", "morning", "True"), ("2026-09-04", "noon", "False"), ("2026-09-04", "afternoon", "False"),
        ("2026-09-07", "morning", "False"), ("2026-09-07", "noon", "False"), ("2026-09-07", "afternoon", "True")]
    assert rows[0]["first_seen"] == "07:50:00" and rows[0]["vehicles"] == "1" and rows[0]["vehicle_ids"] == "云Q1"


def test_refresh_of_some_days_on_two_connections_keeps_the_others(use_db):
    seed(use_db)
    assert runner.invoke(app, ["refresh", "--workers", "1"]).exit_code == 0
    engine = make_engine(use_db)
    with engine.begin() as conn:  # the Monday's afternoon fix is gone; Friday's presence must survive
        conn.execute(sa.text("DELETE FROM track_point WHERE ts > '2026-09-05'"))
    monday = runner.invoke(app, ["refresh", "--from", "2026-09-07", "--workers", "2"])
    assert monday.exit_code == 0 and "在岗统计：3 行" in monday.output, monday.output
    with engine.connect() as conn:
        present = conn.execute(sa.text("SELECT day::text, window_name FROM presence WHERE present")).all()
    engine.dispose()
    assert present == [("2026-09-04", "morning")]
    backwards = runner.invoke(app, ["refresh", "--from", "2026-09-07", "--to", "2026-09-04"])
    assert backwards.exit_code == 2 and "早于 --from" in backwards.output


def test_export_to_excel_and_a_county_filter(use_db, tmp_path):
    seed(use_db)
    out = tmp_path / "four100.xlsx"
    result = runner.invoke(app, ["export", "four100", "--county", "533301", "--format", "xlsx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    sheet = CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    assert sheet[0][0] == "school_code" and sheet[1][:2] == ["S1", "六库镇团结小学"]
    other = runner.invoke(app, ["export", "four100", "--county", "533323"])
    assert other.stdout.strip().count("\n") == 0  # header only


def run(*args: str, lang: str | None = None):
    """The CLI in Chinese (the default) or in lang, on a wide terminal so that no message is wrapped."""
    return runner.invoke(app, list(args), env={"COLUMNS": "300", "XIAOAN_LANGUAGE": lang})


def test_unknown_report_is_a_clear_error(use_db):
    result = run("export", "weather")
    assert result.exit_code == 2 and "未知的报表 'weather'；应为以下之一：presence, coverage" in result.output
    english = run("export", "weather", lang="en")
    assert english.exit_code == 2 and "unknown report 'weather'; expected one of presence" in english.output


def test_the_summary_of_a_file_export_in_chinese_and_in_english(use_db, tmp_path):
    seed(use_db)
    out = tmp_path / "four100.csv"
    result = run("export", "four100", "-o", str(out))
    assert result.exit_code == 0 and result.stderr == f"四个100%（four100）：1 行 → {out}\n", result.output
    english = run("export", "four100", "-o", str(out), lang="en")
    assert english.exit_code == 0 and english.stderr == f"four100: 1 rows → {out}\n", english.output
    for lang, said in ((None, "--format 应为 csv 或 xlsx"), ("en", "--format must be csv or xlsx")):
        bad = run("export", "four100", "--format", "pdf", lang=lang)
        assert bad.exit_code == 2 and said in bad.output
    for lang, said in ((None, "--format xlsx 需要用 -o 指定输出文件"), ("en", "--format xlsx needs -o FILE")):
        bad = run("export", "four100", "--format", "xlsx", lang=lang)
        assert bad.exit_code == 2 and said in bad.output


def test_maps_and_work_lists_say_what_they_wrote_and_what_is_wrong(use_db, tmp_path):
    seed(use_db)
    png, xlsx = tmp_path / "gaps.png", tmp_path / "gaps.xlsx"
    made = run("export", "map", "--view", "gaps", "--dpi", "20", "-o", str(png))
    assert made.exit_code == 0, made.output
    assert made.stderr == f"地图“一校一警覆盖缺口分布图”（gaps）：{png.stat().st_size:,} 字节 → {png}\n"
    listed = run("export", "worklist", "gaps", "-o", str(xlsx), lang="en")
    assert listed.exit_code == 0 and listed.stderr.startswith("worklist gaps: ") and f"rows → {xlsx}" in listed.stderr
    listed = run("export", "worklist", "gaps", "-o", str(xlsx))
    assert listed.exit_code == 0 and listed.stderr.startswith("一校一警覆盖缺口学校清单（gaps）："), listed.output
    wrong = {  # arguments → what they say, in Chinese and in English
        ("map", "--view", "weather"): ("--view 应为以下之一：overview, gaps", "--view must be one of overview, gaps"),
        ("worklist", "weather"): ("清单类型 应为以下之一：signs, gaps, hazards，而不是 'weather'",
                                  "work list must be one of signs, gaps, hazards, not 'weather'"),
        ("brief", "--county", "昆明市"): ("未知的县（市）昆明市；已导入的有：533301 泸水市",
                                        "unknown county 昆明市; known: 533301 泸水市"),
        ("brief", "--from", "2026-09-07", "--to", "2026-09-04"): ("--from 2026-09-07 晚于 --to 2026-09-04",
                                                                  "--from 2026-09-07 is after --to 2026-09-04"),
    }
    for args, (zh, en) in wrong.items():
        for lang, said in ((None, zh), ("en", en)):
            result = run("export", *args, "-o", str(tmp_path / "x"), lang=lang)
            assert result.exit_code == 2 and said in result.output, (args, lang, result.output)


def test_the_route_cards_say_what_they_hold(use_db, tmp_path, monkeypatch):
    from dashboard.exports import route_cards
    from db import plans

    plan = SimpleNamespace(stops=[object()] * 5, uncovered=[object()] * 2)
    monkeypatch.setattr(plans, "read_plan", lambda conn, plan_id: plan if plan_id == 7 else None)
    monkeypatch.setattr(route_cards, "write_xlsx", lambda plan, path, lang: path.write_bytes(b""))
    out = tmp_path / "cards.xlsx"
    result = run("export", "plan", "7", "-o", str(out))
    assert result.exit_code == 0 and result.stderr == f"巡逻方案 7：5 个停靠点，2 所学校未覆盖 → {out}\n"
    english = run("export", "plan", "7", "-o", str(out), lang="en")
    assert english.stderr == f"plan 7: 5 stops, 2 uncovered → {out}\n"
    for lang, said in ((None, "--format 应为 xlsx 或 docx"), ("en", "--format must be xlsx or docx")):
        bad = run("export", "plan", "7", "--format", "pdf", lang=lang)
        assert bad.exit_code == 2 and said in bad.output


def test_holidays_fill_from_chinese_calendar(use_db):
    result = runner.invoke(app, ["holidays", "2026"])
    assert result.exit_code == 0 and "2026 年新增" in result.output
    engine = make_engine(use_db)
    with engine.connect() as conn:
        national_day = conn.execute(sa.text("SELECT kind FROM holiday WHERE day = '2026-10-01'")).scalar()
    engine.dispose()
    assert national_day == "holiday"
