"""`xiaoan refresh` and `xiaoan export`: the figures, checkable from the command line."""

import csv
import io

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


def test_unknown_report_is_a_clear_error(use_db):
    result = runner.invoke(app, ["export", "weather"])
    assert result.exit_code == 2 and "unknown report" in result.output


def test_holidays_fill_from_chinese_calendar(use_db):
    result = runner.invoke(app, ["holidays", "2026"])
    assert result.exit_code == 0 and "2026 年新增" in result.output
    engine = make_engine(use_db)
    with engine.connect() as conn:
        national_day = conn.execute(sa.text("SELECT kind FROM holiday WHERE day = '2026-10-01'")).scalar()
    engine.dispose()
    assert national_day == "holiday"
