"""Retention: whole month partitions before a day are dropped, presence kept and checked first, nothing else."""

import datetime as dt

import pytest
import sqlalchemy as sa

from db.analytics.presence import refresh_all
from etl.datasets import DATASETS
from etl.runner import load_file
from etl.tracks.prune import PresenceNotKept, prune
from tests.etl.tracks.conftest import write_csv

GATE = "ST_SetSRID(ST_MakePoint(98.857, 25.851), 4326)"
# three school days (Tuesdays of the default spring term), one in each of March, April and May 2024
FIXES = [f"云Q1,{day} 07:{m:02d}:00,98.8571,25.8511" for day in ("2024-03-05", "2024-04-09", "2024-05-07")
         for m in (40, 41, 42)]


@pytest.fixture
def loaded(counties, tmp_path):
    """Two schools at one gate, tracks of three months loaded (presence refreshed by the load)."""
    with counties.begin() as conn:
        for code in ("S1", "S2"):
            conn.execute(sa.text(f"INSERT INTO school (school_code, name, school_type, county_adcode, geom, gate_geom) "
                                 f"VALUES (:code, '六库镇小学', '小学', '533301', {GATE}, {GATE})"), {"code": code})
    assert load_file(counties, DATASETS["tracks"], write_csv(tmp_path / "gps.csv", FIXES)).exit_code == 0
    return counties


def state(engine):
    """Partitions with their points, presence rows, prune runs recorded."""
    with engine.connect() as conn:
        parts = {name: conn.execute(sa.text(f'SELECT count(*) FROM "{name}"')).scalar() for name in conn.execute(
            sa.text("SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = 'track_point'::regclass"))
            .scalars()}
        presence = conn.execute(sa.text("SELECT school_code, day, window_name, present, first_seen, vehicle_ids "
                                        "FROM presence ORDER BY 1, 2, 3")).all()
        runs = conn.execute(sa.text("SELECT file_name, status, rows_read, message FROM etl_run "
                                    "WHERE dataset = 'tracks-prune' ORDER BY id")).all()
    return parts, presence, runs


def horizons(engine):
    """The prunes recorded for the presence refresh: (run, kept before)."""
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text("SELECT etl_run_id, kept_before FROM track_retention "
                                                       "ORDER BY etl_run_id"))]


def test_drops_the_months_that_end_before_the_day_and_keeps_presence(loaded):
    parts, presence, _ = state(loaded)
    assert {n: c for n, c in parts.items() if c} == {"track_point_2024_03": 3, "track_point_2024_04": 3,
                                                     "track_point_2024_05": 3}
    result = prune(loaded, dt.date(2024, 5, 1))
    assert [(m.name, m.rows) for m in result.drop] == [("track_point_2024_03", 3), ("track_point_2024_04", 3)]
    assert all(m.bytes > 0 for m in result.drop) and result.dropped
    after, presence_after, runs = state(loaded)
    assert after == {"track_point_2024_05": 3, "track_point_default": 0}
    assert presence_after == presence
    assert sum(1 for p in presence_after if p.present and p.day < dt.date(2024, 5, 1)) == 2 * 2
    assert runs == [("before 2024-05-01", "loaded", 6, "dropped 2024-03 (3 points, "
                     f"{result.drop[0].bytes} bytes), 2024-04 (3 points, {result.drop[1].bytes} bytes)")]
    with loaded.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM track_point WHERE ts < '2024-05-01+08'")).scalar() == 0
    assert horizons(loaded) == [(result.run_id, dt.date(2024, 5, 1))]


def test_a_month_partly_after_the_day_is_kept(loaded):
    result = prune(loaded, dt.date(2024, 4, 9))
    assert [m.name for m in result.drop] == ["track_point_2024_03"]
    assert [(m.name, m.last_day) for m in result.straddling] == [("track_point_2024_04", dt.date(2024, 4, 30))]
    assert result.later == 1
    assert state(loaded)[0] == {"track_point_2024_04": 3, "track_point_2024_05": 3, "track_point_default": 0}
    assert horizons(loaded) == [(result.run_id, dt.date(2024, 4, 1))]  # presence of April is refreshed still


def test_refuses_while_presence_of_those_days_is_missing(loaded):
    with loaded.begin() as conn:
        conn.execute(sa.text("DELETE FROM presence WHERE school_code = 'S2' AND day = '2024-04-09'"))
    before = state(loaded)
    with pytest.raises(PresenceNotKept, match=r"1 school day.*2024-04-09.*xiaoan refresh"):
        prune(loaded, dt.date(2024, 5, 1))
    assert state(loaded) == before and horizons(loaded) == []
    with loaded.begin() as conn:
        refresh_all(conn)
    assert [m.name for m in prune(loaded, dt.date(2024, 5, 1)).drop] == ["track_point_2024_03",
                                                                         "track_point_2024_04"]


def test_refuses_for_a_school_added_after_the_refresh(loaded):
    with loaded.begin() as conn:
        conn.execute(sa.text(f"INSERT INTO school (school_code, name, school_type, county_adcode, geom, gate_geom) "
                             f"VALUES ('S3', '新学校', '小学', '533301', {GATE}, {GATE})"))
    with pytest.raises(PresenceNotKept, match="2 school day"):
        prune(loaded, dt.date(2024, 5, 1))


def test_dry_run_changes_nothing(loaded):
    before = state(loaded)
    result = prune(loaded, dt.date(2024, 5, 1), dry_run=True)
    assert [m.rows for m in result.drop] == [3, 3] and not result.dropped and result.run_id is None
    assert state(loaded) == before and horizons(loaded) == []


def test_default_partition_and_later_points_are_untouched_and_a_second_run_does_nothing(loaded):
    with loaded.begin() as conn:  # months without a partition wait in the default partition
        conn.execute(sa.text(f"INSERT INTO track_point (vehicle_id, ts, geom) VALUES "
                             f"('云Q1', '2024-01-09 07:40:00+08', {GATE}), ('云Q1', '2024-06-04 07:40:00+08', {GATE})"))
        refresh_all(conn)
    first = prune(loaded, dt.date(2024, 5, 1))
    assert first.default_rows == 1 and len(first.drop) == 2
    parts, presence, runs = state(loaded)
    assert parts == {"track_point_2024_05": 3, "track_point_default": 2}
    second = prune(loaded, dt.date(2024, 5, 1))
    assert (second.drop, second.dropped, second.run_id) == ([], False, None)
    assert state(loaded) == (parts, presence, runs)
    assert [h[1] for h in horizons(loaded)] == [dt.date(2024, 5, 1)]
    with loaded.begin() as conn:  # the January fix makes the full refresh start before the pruned months
        refresh_all(conn)
    assert state(loaded)[1] == presence


def test_a_later_refresh_keeps_the_presence_of_pruned_days(loaded):
    prune(loaded, dt.date(2024, 5, 1))
    kept = state(loaded)[1]
    with loaded.begin() as conn:
        refresh_all(conn)
    assert state(loaded)[1] == kept
