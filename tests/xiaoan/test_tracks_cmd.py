"""`xiaoan tracks prune`: the table of months, asking first, --dry-run, --yes, refusal without presence."""

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from tests.conftest import COUNTIES
from xiaoan.cli import app

runner = CliRunner()
GATE = "ST_SetSRID(ST_MakePoint(98.857, 25.851), 4326)"


@pytest.fixture
def tracks(use_db, tmp_path):
    """A school and points on a school day of September and of October 2026, loaded through the CLI."""
    assert runner.invoke(app, ["load", "counties", str(COUNTIES)]).exit_code == 0
    engine = sa.create_engine(use_db)
    with engine.begin() as conn:
        conn.execute(sa.text(f"INSERT INTO school (school_code, name, school_type, county_adcode, geom, gate_geom) "
                             f"VALUES ('S1', '六库镇小学', '小学', '533301', {GATE}, {GATE})"))
    path = tmp_path / "gps.csv"
    path.write_text("vehicle,time,lon,lat\n云Q1,2026-09-03 07:50:00,98.8571,25.8511\n"
                    "云Q1,2026-09-03 07:50:20,98.8575,25.8512\n云Q1,2026-10-13 07:50:00,98.8571,25.8511\n",
                    encoding="utf-8")
    assert runner.invoke(app, ["load", "tracks", str(path)]).exit_code == 0
    yield engine
    engine.dispose()


def months(engine):
    """Names of the month partitions."""
    with engine.connect() as conn:
        return sorted(conn.execute(sa.text("SELECT inhrelid::regclass::text FROM pg_inherits "
                                           "WHERE inhparent = 'track_point'::regclass")).scalars())


def test_dry_run_prints_the_months_and_drops_nothing(tracks):
    result = runner.invoke(app, ["tracks", "prune", "--before", "2026-10-20", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "2026-09" in result.output and "track_point_2026_09" in result.output and "│ 2 " in result.output
    assert "kept 2026-10 (track_point_2026_10): it runs to 2026-10-31" in result.output
    assert months(tracks) == ["track_point_2026_09", "track_point_2026_10", "track_point_default"]


def test_asks_first_and_no_keeps_everything(tracks):
    result = runner.invoke(app, ["tracks", "prune", "--before", "2026-10-01"], input="n\n")
    assert result.exit_code == 1 and "Drop 1 month(s), 2 points, for good?" in result.output
    assert "track_point_2026_09" in months(tracks)
    result = runner.invoke(app, ["tracks", "prune", "--before", "2026-10-01"], input="y\n")
    assert result.exit_code == 0, result.output
    assert "partitions dropped" in result.output and "recorded as etl_run" in result.output
    assert months(tracks) == ["track_point_2026_10", "track_point_default"]


def test_yes_drops_and_a_second_run_says_none(tracks):
    assert runner.invoke(app, ["tracks", "prune", "--before", "2026-11-01", "--yes"]).exit_code == 0
    assert months(tracks) == ["track_point_default"]
    again = runner.invoke(app, ["tracks", "prune", "--before", "2026-11-01", "--yes"])
    assert again.exit_code == 0 and "dropped: none" in again.output


def test_refuses_without_presence(tracks):
    with tracks.begin() as conn:
        conn.execute(sa.text("DELETE FROM presence WHERE day = '2026-09-03'"))
    for extra in (["--yes"], ["--dry-run"]):
        result = runner.invoke(app, ["tracks", "prune", "--before", "2026-10-01", *extra])
        assert result.exit_code == 2 and "refused" in result.output and "xiaoan refresh" in result.output
    assert "track_point_2026_09" in months(tracks)
