"""`xiaoan load tracks FILE…`: several files, exit codes, the JSON summary."""

import json

from typer.testing import CliRunner

from tests.conftest import COUNTIES
from tests.etl.tracks.conftest import TRACKS
from xiaoan.cli import app

runner = CliRunner()


def test_load_tracks_from_the_command_line(use_db, tmp_path):
    assert runner.invoke(app, ["load", "counties", str(COUNTIES)]).exit_code == 0
    result = runner.invoke(app, ["load", "tracks", str(TRACKS / "patrol_gpx10.gpx"), str(TRACKS / "patrol_gbk.csv"),
                                 "--rejects", str(tmp_path), "--json"])
    assert result.exit_code == 1, result.output
    summary = json.loads(result.output.strip().splitlines()[-1])
    assert [(f["status"], f["inserted"], f["rows_rejected"]) for f in summary["files"]] == [
        ("loaded", 4, 0), ("partial", 2, 8)]
    (report,) = tmp_path.glob("run*-patrol_gbk.rejects.csv")
    assert report.read_text(encoding="utf-8-sig").count("\n") == 9
    gpx = runner.invoke(app, ["load", "tracks", str(TRACKS / "patrol_gpx11.gpx"), "--vehicle", "云Q·X1",
                              "--timezone", "Asia/Shanghai"])
    assert gpx.exit_code == 0, gpx.output
