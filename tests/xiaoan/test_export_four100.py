"""`xiaoan export four100-changes` and `four100 --to`: the four-100% history from the command line."""

import csv
import io

from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from tests.conftest import COUNTIES
from tests.etl.test_four100_history import AUTUMN, SPRING
from xiaoan.cli import app

runner = CliRunner()
HEADER = ["county_adcode", "county_zh", "county_en", "flag", "previous_end", "period_end", "schools", "met_before",
          "met_after", "newly_met", "lost", "newly_met_schools", "newly_met_names", "lost_schools", "lost_names"]
FUGONG = [  # the changes of 福贡县 between 2 March and 30 September 2026, as the CSV writes them
    ["533323", "福贡县", "Fugong", "full_time_guard", "2026-03-02", "2026-09-30", "3", "1", "3", "1", "0",
     "2153230101", "上帕镇腊竹底小学", "", ""],
    ["533323", "福贡县", "Fugong", "closed_management", "2026-03-02", "2026-09-30", "3", "1", "3", "1", "0",
     "2153230101", "上帕镇腊竹底小学", "", ""],
    ["533323", "福贡县", "Fugong", "alarm_video_linked", "2026-03-02", "2026-09-30", "3", "2", "2", "0", "1",
     "", "", "2153230102", "上帕镇中心完小"],
    ["533323", "福贡县", "Fugong", "guard_post", "2026-03-02", "2026-09-30", "3", "1", "2", "0", "0", "", "", "", ""],
    ["533323", "福贡县", "Fugong", "all_four", "2026-03-02", "2026-09-30", "3", "1", "1", "0", "1",
     "", "", "2153230102", "上帕镇中心完小"]]
PERIOD = ["--from", "2026-03-03", "--to", "2026-09-30"]


def seed():
    for dataset, path in (("counties", COUNTIES), ("schools", SPRING), ("schools", AUTUMN)):
        assert runner.invoke(app, ["load", dataset, str(path)]).exit_code == 0


def test_changes_as_csv_with_the_school_lists(use_db):
    seed()
    result = runner.invoke(app, ["export", "four100-changes", *PERIOD, "--county", "533323"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows == [HEADER, *FUGONG]


def test_changes_as_xlsx_and_csv_files(use_db, tmp_path):
    seed()
    xlsx, text = tmp_path / "changes.xlsx", tmp_path / "changes.csv"
    for fmt, out in (("xlsx", xlsx), ("csv", text)):
        result = runner.invoke(app, ["export", "four100-changes", *PERIOD, "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0 and out.is_file(), result.output
    sheet = CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_index(0).to_python()
    assert sheet[0] == HEADER and len(sheet) == 21
    lushui_guard = sheet[1]
    assert lushui_guard[:4] == ["533301", "泸水市", "Lushui", "full_time_guard"]
    assert lushui_guard[6:] == [3, 3, 2, 0, 1, "", "", "2153010102", "六库镇双奎地幼儿园"]
    rows = list(csv.reader(io.StringIO(text.read_text(encoding="utf-8-sig"))))
    assert rows[0] == HEADER and rows[6:11] == FUGONG


def test_four100_is_read_as_of_to(use_db):
    seed()
    flags = {}
    for day in ("2026-08-31", "2026-09-01"):
        result = runner.invoke(app, ["export", "four100", "--to", day, "--county", "533301"])
        assert result.exit_code == 0, result.output
        flags[day] = [(r["school_code"], r["guard_post"], r["checked_on"])
                      for r in csv.DictReader(io.StringIO(result.stdout))]
    assert flags == {
        "2026-08-31": [("2153010101", "False", "2026-03-02"), ("2153010102", "False", "2026-03-02"),
                       ("2153010103", "True", "2026-03-02")],
        "2026-09-01": [("2153010101", "True", "2026-09-01"), ("2153010102", "False", "2026-09-01"),
                       ("2153010103", "True", "2026-03-02")]}
