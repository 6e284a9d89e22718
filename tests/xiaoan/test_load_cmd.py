"""`xiaoan load`: summary, reject report on disk, exit codes 0 / 1 / 2."""

from typer.testing import CliRunner

from tests.conftest import COUNTIES, FIXTURES
from xiaoan.cli import app

runner = CliRunner()


def test_exit_codes_and_reject_report(use_db, tmp_path):
    assert runner.invoke(app, ["load", "counties", str(COUNTIES)]).exit_code == 0
    partial = runner.invoke(app, ["load", "schools", str(FIXTURES / "schools_mixed_gb18030.csv"),
                                  "--rejects", str(tmp_path)])
    assert partial.exit_code == 1, partial.output
    assert len(list(tmp_path.glob("run*-schools_mixed_gb18030.rejects.csv"))) == 1
    assert "latitude and longitude swapped" in partial.output
    again = runner.invoke(app, ["load", "schools", str(FIXTURES / "schools_mixed_gb18030.csv")])
    assert again.exit_code == 0 and "unchanged" in again.output
    missing = runner.invoke(app, ["load", "schools", str(tmp_path / "absent.xlsx"), "--rejects", str(tmp_path)])
    assert missing.exit_code == 2 and "no such file" in missing.output


def test_unknown_dataset(use_db):
    result = runner.invoke(app, ["load", "weather", str(COUNTIES)])
    assert result.exit_code == 2 and "unknown dataset" in result.output


def test_demo_if_empty_runs_once(use_db, tmp_path):
    first = runner.invoke(app, ["demo", "--if-empty", "--out", str(tmp_path)])
    assert first.exit_code == 0, first.output
    second = runner.invoke(app, ["demo", "--if-empty", "--out", str(tmp_path)])
    assert second.exit_code == 0 and "already loaded" in second.output


def test_json_summary_on_the_last_line(use_db, tmp_path):
    import json

    runner.invoke(app, ["load", "counties", str(COUNTIES)])
    result = runner.invoke(app, ["load", "schools", str(FIXTURES / "schools_mixed_gb18030.csv"), "--json",
                                 "--rejects", str(tmp_path)])
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["dataset"] == "schools" and summary["status"] == "partial"
    assert (summary["rows_read"], summary["rows_loaded"], summary["rows_rejected"]) == (9, 3, 6)
    assert summary["reject_report"].endswith("schools_mixed_gb18030.rejects.csv")
