"""Presence of days whose tracks were pruned is kept: no refresh deletes or rewrites it, and refreshes wait."""

import datetime as dt

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from db.analytics.presence import horizon, refresh_all
from db.errors import LoadBusy
from db.settings import get_settings
from etl.datasets import DATASETS
from etl.runner import load_file
from etl.tracks.prune import prune
from tests.db.analytics.conftest import LIUKU
from tests.etl.tracks.conftest import write_csv
from xiaoan.cli import app

HORIZON = dt.date(2024, 5, 1)
AT_GATE = f"{LIUKU[0] + 0.0001},{LIUKU[1] + 0.0001}"
# Tuesday 30 April (its month is pruned), Tuesday 7 May (kept); the next load starts 2 minutes into May
FIXES = [f"云Q1,2024-04-30 07:{m},{AT_GATE}" for m in ("40:00", "40:30", "41:00")] + [
    f"云Q1,2024-05-07 07:{m},{AT_GATE}" for m in ("40:00", "40:30")]
AT_MIDNIGHT = [f"云Q1,2024-05-01 00:00:30,{AT_GATE}", f"云Q1,2024-05-01 00:01:00,{AT_GATE}"]


def presence(engine, before=None):
    """Every presence row, refreshed_at included (a rewrite changes it), of days before a day when given."""
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(
            "SELECT school_code, day, window_name, present, first_seen, last_seen, dwell_min, vehicle_ids, "
            "refreshed_at FROM presence WHERE day < COALESCE(CAST(:before AS date), 'infinity') ORDER BY 1, 2, 3"),
            {"before": before})]


@pytest.fixture
def pruned(town, tmp_path):
    """April and May 2024 loaded (presence refreshed by the load), then April pruned; a January fix waits in
    the default partition (never pruned), so a full refresh's span starts long before the horizon."""
    assert load_file(town, DATASETS["tracks"], write_csv(tmp_path / "gps.csv", FIXES)).exit_code == 0
    with town.begin() as conn:
        conn.execute(sa.text(f"INSERT INTO track_point (vehicle_id, ts, geom) VALUES ('云Q1', "
                             f"'2024-01-09 07:40:00+08', ST_SetSRID(ST_MakePoint({AT_GATE}), 4326))"))
        refresh_all(conn)
    assert [m.name for m in prune(town, HORIZON).drop] == ["track_point_2024_04"]
    kept = presence(town, HORIZON)
    assert {(r[0], r[1], r[2]) for r in kept if r[3]} == {
        ("S1", d, "morning") for d in (dt.date(2024, 1, 9), dt.date(2024, 4, 30))}
    return town, kept


def test_a_full_refresh_after_a_prune_keeps_the_pruned_days_exactly(pruned):
    engine, kept = pruned
    may = [r for r in presence(engine) if r[1] >= HORIZON]
    with engine.begin() as conn:
        assert horizon(conn) == HORIZON
        assert refresh_all(conn) == len(may)
    assert presence(engine, HORIZON) == kept
    again = [r for r in presence(engine) if r[1] >= HORIZON]
    assert [r[:8] for r in again] == [r[:8] for r in may]
    assert all(new[8] > old[8] for new, old in zip(again, may, strict=True))  # the kept month was recomputed


def test_a_load_at_the_start_of_the_first_kept_month_keeps_the_day_before(pruned, tmp_path):
    engine, kept = pruned
    result = load_file(engine, DATASETS["tracks"], write_csv(tmp_path / "midnight.csv", AT_MIDNIGHT))
    assert result.exit_code == 0 and result.inserted == 2
    assert result.details["presence_rows"] == 5 * 3  # 1 May only (a Wednesday): five schools, three windows
    assert presence(engine, HORIZON) == kept and "pruned" not in result.message


def test_a_load_of_a_pruned_day_is_stored_with_a_warning_and_keeps_its_presence(pruned, tmp_path):
    engine, kept = pruned
    again = [f"云Q2,2024-04-30 07:50:00,{AT_GATE}", f"云Q2,2024-05-07 07:50:00,{AT_GATE}"]
    result = load_file(engine, DATASETS["tracks"], write_csv(tmp_path / "late.csv", again))
    assert result.exit_code == 0 and result.inserted == 2
    assert "2024-04-30 … 2024-04-30 are before 2024-05-01" in result.message and "not recomputed" in result.message
    assert presence(engine, HORIZON) == kept  # 云Q2 at the gate on 30 April changes nothing there
    with engine.connect() as conn:
        may7 = conn.execute(sa.text("SELECT vehicle_ids FROM presence WHERE day = '2024-05-07' AND present")).all()
    assert ["云Q1", "云Q2"] in [r[0] for r in may7]  # ... but counts on a kept day


def test_a_database_never_pruned_has_no_horizon_and_refreshes_every_day(town, tmp_path):
    assert load_file(town, DATASETS["tracks"], write_csv(tmp_path / "gps.csv", FIXES)).exit_code == 0
    before = presence(town, HORIZON)
    with town.begin() as conn:
        assert horizon(conn) is None
        refresh_all(conn)
    after = presence(town, HORIZON)
    assert [r[:8] for r in after] == [r[:8] for r in before] and any(r[3] for r in after)
    assert all(new[8] > old[8] for new, old in zip(after, before, strict=True))


def test_the_refresh_command_takes_the_tracks_lock_and_says_what_it_kept(pruned, use_db, monkeypatch):
    engine, kept = pruned
    monkeypatch.setenv("XIAOAN_LOAD_LOCK_TIMEOUT_S", "1")
    get_settings.cache_clear()
    runner = CliRunner()
    with engine.connect() as holder, holder.begin():  # a track load or prune in progress
        holder.execute(sa.text("SELECT pg_advisory_xact_lock(hashtext('xiaoan.load.tracks'))"))
        busy = runner.invoke(app, ["refresh"])
        assert isinstance(busy.exception, LoadBusy), busy.output
        assert "another load of tracks" in str(busy.exception)
    done = runner.invoke(app, ["refresh"])
    assert done.exit_code == 0, done.output
    assert done.output.splitlines()[-1] == f"{HORIZON} 之前的在岗统计保持原样：轨迹已清理"
    assert presence(engine, HORIZON) == kept
