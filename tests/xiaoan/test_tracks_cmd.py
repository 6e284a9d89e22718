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


def run(*args: str, lang: str | None = None, **kwargs):
    """`xiaoan tracks prune …` in Chinese (the default) or in lang."""
    return runner.invoke(app, ["tracks", "prune", *args], env={"XIAOAN_LANGUAGE": lang}, **kwargs)


def test_dry_run_prints_the_months_and_drops_nothing(tracks):
    result = run("--before", "2026-10-20", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "将删除的轨迹点分区（track_point）" in result.output and "月份" in result.output and "合计" in result.output
    assert "2026-09" in result.output and "track_point_2026_09" in result.output and "│ 2 " in result.output
    assert "保留 2026-10（track_point_2026_10）：该月延续到 2026-10-31，不早于 2026-10-20；只删除整月" in result.output
    english = run("--before", "2026-10-20", "--dry-run", lang="en")
    assert "track_point partitions to drop" in english.output and "│ total " in english.output
    assert "kept 2026-10 (track_point_2026_10): it runs to 2026-10-31" in english.output
    assert months(tracks) == ["track_point_2026_09", "track_point_2026_10", "track_point_default"]


def test_asks_first_and_no_keeps_everything(tracks):
    result = run("--before", "2026-10-01", input="n\n")
    assert result.exit_code == 1 and "永久删除 1 个月、2 个轨迹点？" in result.output
    assert "未删除任何数据" in result.output and "Aborted" not in result.output
    english = run("--before", "2026-10-01", lang="en", input="n\n")
    assert english.exit_code == 1 and "Drop 1 month(s), 2 points, for good?" in english.output
    assert "nothing was dropped" in english.output
    assert "track_point_2026_09" in months(tracks)
    result = run("--before", "2026-10-01", input="y\n")
    assert result.exit_code == 0, result.output
    assert "已删除的轨迹点分区（track_point）" in result.output and "已记录为导入记录 etl_run" in result.output
    assert months(tracks) == ["track_point_2026_10", "track_point_default"]


def test_yes_drops_and_a_second_run_says_none(tracks):
    done = run("--before", "2026-11-01", "--yes", lang="en")
    assert done.exit_code == 0 and "partitions dropped" in done.output and "recorded as etl_run" in done.output
    assert months(tracks) == ["track_point_default"]
    again = run("--before", "2026-11-01", "--yes")
    assert again.exit_code == 0, again.output
    assert "已删除的轨迹点分区（track_point）：无（没有在该日或之前结束的月份）" in again.output
    english = run("--before", "2026-11-01", "--yes", lang="en")
    assert english.exit_code == 0 and "dropped: none" in english.output


def test_refuses_without_presence(tracks):
    with tracks.begin() as conn:
        conn.execute(sa.text("DELETE FROM presence WHERE day = '2026-09-03'"))
    for extra in (["--yes"], ["--dry-run"]):
        result = run("--before", "2026-10-01", *extra)
        assert result.exit_code == 2 and "xiaoan refresh" in result.output, result.output
        assert "已拒绝：要删除的月份中有 1 个上学日缺少在岗统计（2026-09-03 … 2026-09-03，每天最多 1 所学校）" \
            in result.output
        english = run("--before", "2026-10-01", *extra, lang="en")
        assert english.exit_code == 2 and "refused: presence is missing for 1 school day(s)" in english.output
        assert "run `xiaoan refresh` first" in english.output
    assert "track_point_2026_09" in months(tracks)
