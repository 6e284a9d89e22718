"""`xiaoan load`: summary, reject report on disk, exit codes 0 / 1 / 2."""

import datetime as dt

import time_machine
from typer.testing import CliRunner

from db.settings import get_settings
from tests.conftest import COUNTIES, FIXTURES
from xiaoan.cli import app

runner = CliRunner()


def test_exit_codes_and_reject_report(use_db, tmp_path, monkeypatch):
    assert runner.invoke(app, ["load", "counties", str(COUNTIES)]).exit_code == 0
    partial = runner.invoke(app, ["load", "schools", str(FIXTURES / "schools_mixed_gb18030.csv"),
                                  "--rejects", str(tmp_path)])
    assert partial.exit_code == 1, partial.output
    assert len(list(tmp_path.glob("run*-schools_mixed_gb18030.rejects.csv"))) == 1
    assert "经纬度填反了" in partial.output and "拒收报告" in partial.output  # Chinese by default
    monkeypatch.setenv("XIAOAN_LANGUAGE", "en")
    get_settings.cache_clear()
    english = runner.invoke(app, ["load", "schools", str(FIXTURES / "schools_mixed_gb18030.csv"), "--dry-run"])
    assert "latitude and longitude swapped" in english.output and "Validated only" in english.output
    monkeypatch.delenv("XIAOAN_LANGUAGE")
    get_settings.cache_clear()
    again = runner.invoke(app, ["load", "schools", str(FIXTURES / "schools_mixed_gb18030.csv")])
    assert again.exit_code == 0 and "无变化" in again.output
    missing = runner.invoke(app, ["load", "schools", str(tmp_path / "absent.xlsx"), "--rejects", str(tmp_path)])
    assert missing.exit_code == 2 and "文件不存在" in missing.output


def test_unknown_dataset(use_db):
    result = runner.invoke(app, ["load", "weather", str(COUNTIES)])
    assert result.exit_code == 2 and "未知数据集" in result.output


AFTERNOON_PEAK = dt.datetime(2026, 12, 7, 8, 50, tzinfo=dt.UTC)  # 16:50 in Nujiang, a patrol under way


def test_demo_if_empty_runs_once(use_db, tmp_path):
    with time_machine.travel(AFTERNOON_PEAK, tick=True):
        first = runner.invoke(app, ["demo", "--if-empty", "--out", str(tmp_path)])
        assert first.exit_code == 0, first.output
        second = runner.invoke(app, ["demo", "--if-empty", "--out", str(tmp_path)])
    assert second.exit_code == 0 and "跳过演示数据" in second.output


def test_demo_refuses_to_be_live_in_the_future(use_db, tmp_path):
    with time_machine.travel(AFTERNOON_PEAK, tick=False):
        later = runner.invoke(app, ["demo", "--at", "2026-12-07 18:00", "--out", str(tmp_path)],
                              env={"COLUMNS": "300"})
        tomorrow = runner.invoke(app, ["demo", "--today", "2026-12-08", "--out", str(tmp_path)])
    assert later.exit_code == 2 and "未来" in later.output and "2026-12-07 16:50" in later.output
    assert tomorrow.exit_code == 2 and "未来" in tomorrow.output
    assert not list(tmp_path.iterdir())  # nothing written


def test_json_summary_on_the_last_line(use_db, tmp_path):
    import json

    runner.invoke(app, ["load", "counties", str(COUNTIES)])
    result = runner.invoke(app, ["load", "schools", str(FIXTURES / "schools_mixed_gb18030.csv"), "--json",
                                 "--rejects", str(tmp_path)])
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["dataset"] == "schools" and summary["status"] == "partial"
    assert (summary["rows_read"], summary["rows_loaded"], summary["rows_rejected"]) == (9, 3, 6)
    assert summary["reject_report"].endswith("schools_mixed_gb18030.rejects.csv")
