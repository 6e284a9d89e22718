"""Loading track files: counts, reject report, stored points, reloads, overlaps, vehicles, one transaction."""

import datetime as dt

import pytest
import sqlalchemy as sa

from etl.datasets import DATASETS
from etl.options import LoadOptions
from etl.runner import load_file
from tests.etl.tracks.conftest import TRACKS, points, write_csv

TRACKS_DATASET = DATASETS["tracks"]


def load(engine, path, **options):
    return load_file(engine, TRACKS_DATASET, path, options=LoadOptions(**options))


def scalar(engine, sql):
    with engine.connect() as conn:
        return conn.execute(sa.text(sql)).scalar()


def test_gbk_file_loads_its_good_rows_and_reports_every_bad_one(counties):
    result = load(counties, TRACKS / "patrol_gbk.csv")
    assert (result.status, result.exit_code, result.rows_read, result.inserted, result.rows_rejected) == \
        ("partial", 1, 12, 4, 8)
    assert [(r.row, r.column) for r in result.report.rejects] == [
        (6, "车辆"), (7, "时间"), (8, "经度"), (9, "经度/纬度"), (10, "经度/纬度"), (11, "时间"), (12, "时间"),
        (13, "车辆/时间")]
    assert result.report.rejects[-1].reason == "duplicate (vehicle, time) inside the file (first on row 3)"
    assert result.details == {"duplicates_in_file": 1, "vehicles_registered": 2, "duplicates_in_db": 0,
                              "partitions_created": 1, "presence_rows": 0, "plan_checks": 0}  # no school, no plan
    assert points(counties) == [
        ("云Q·J1234", dt.datetime(2024, 3, 5, 7, 30), 98.8571, 25.8512, 32.5, 90.0),
        ("云Q·J1234", dt.datetime(2024, 3, 5, 7, 30, 30), 98.858, 25.8515, 28.0, 85.0),
        ("云Q·J1234", dt.datetime(2024, 3, 5, 7, 31), 98.859, 25.8519, 0.0, None),
        ("怒江巡逻002", dt.datetime(2024, 3, 5, 7, 31), 98.86, 25.853, None, None)]
    with counties.connect() as conn:
        run = conn.execute(sa.text("SELECT status, rows_read, rows_loaded, rows_rejected, message FROM etl_run "
                                   "WHERE dataset = 'tracks'")).one()
    assert run[:4] == ("partial", 12, 4, 8) and "registered automatically" in run.message


def test_utc_gpx_times_land_at_local_time_and_meet_the_same_csv_points(counties):
    load(counties, TRACKS / "patrol_gbk.csv")
    gpx = load(counties, TRACKS / "patrol_gpx10.gpx")
    assert (gpx.status, gpx.inserted, gpx.details["duplicates_in_db"]) == ("loaded", 2, 2)
    stored = [p for p in points(counties) if p[0] == "云Q·P5678"]
    assert stored == [("云Q·P5678", dt.datetime(2024, 3, 5, 7, 31), 98.867, 26.902, None, None),
                      ("云Q·P5678", dt.datetime(2024, 3, 5, 7, 31, 30), 98.8672, 26.9025, None, None)]


def test_gpx_1_1_mixed_zones_segments_and_an_unnamed_track(counties):
    result = load(counties, TRACKS / "patrol_gpx11.gpx")
    assert (result.status, result.inserted) == ("loaded", 5)
    assert [(p[0], p[1].strftime("%H:%M:%S"), p[4]) for p in points(counties)] == [
        ("patrol_gpx11", "07:50:00", None), ("云Q·L0001", "07:30:00", 36.0), ("云Q·L0001", "07:30:30", None),
        ("云Q·L0001", "07:45:00", None), ("云Q·L0001", "07:45:30", None)]


def test_reloading_the_same_file_changes_nothing(counties):
    load(counties, TRACKS / "patrol_gbk.csv")
    before = points(counties)
    again = load(counties, TRACKS / "patrol_gbk.csv")
    assert (again.status, again.exit_code, again.inserted) == ("unchanged", 0, 0)
    assert points(counties) == before


def test_a_corrected_file_adds_only_the_rows_that_were_wrong(counties, tmp_path):
    lines = ["A1,2024-03-05 07:30:00,98.8571,25.8512", "A1,2024-03-05 07:31:00,25.8519,98.8590"]
    first = load(counties, write_csv(tmp_path / "t.csv", lines))
    assert (first.inserted, first.rows_rejected, first.exit_code) == (1, 1, 1)
    fixed = load(counties, write_csv(tmp_path / "t.csv", [lines[0], "A1,2024-03-05 07:31:00,98.8590,25.8519"]))
    assert (fixed.status, fixed.inserted, fixed.details["duplicates_in_db"], fixed.exit_code) == ("loaded", 1, 1, 0)
    assert len(points(counties)) == 2


def test_a_point_in_two_overlapping_files_is_stored_once_and_the_first_one_kept(counties, tmp_path):
    a = write_csv(tmp_path / "a.csv", [f"A1,2024-03-05 07:{m:02d}:00,98.857,25.851,10" for m in range(0, 20)])
    b = write_csv(tmp_path / "b.csv", [f"A1,2024-03-05 07:{m:02d}:00,98.857,25.851,99" for m in range(10, 30)])
    assert load(counties, a).inserted == 20
    second = load(counties, b)
    assert (second.inserted, second.details["duplicates_in_db"], second.exit_code) == (10, 10, 0)
    assert scalar(counties, "SELECT count(*) FROM track_point") == 30
    assert scalar(counties, "SELECT count(*) FROM track_point WHERE speed_kmh = 10") == 20


def test_unknown_vehicles_are_registered_with_a_warning_known_ones_are_not(counties, tmp_path):
    with counties.begin() as conn:
        conn.execute(sa.text("INSERT INTO vehicle (vehicle_id, plate) VALUES ('云Q·K0001', '云Q·K0001')"))
    path = write_csv(tmp_path / "t.csv", ["云Q·K0001,2024-03-05 07:30:00,98.857,25.851",
                                          "云Q·N0002,2024-03-05 07:30:00,98.857,25.851"])
    result = load(counties, path)
    assert result.exit_code == 0 and result.rows_rejected == 0
    assert result.details["vehicles_registered"] == 1 and "云Q·N0002" in result.message
    with counties.connect() as conn:
        rows = conn.execute(sa.text("SELECT vehicle_id, auto_registered, etl_run_id = :run FROM vehicle ORDER BY 1"),
                            {"run": result.run_id}).all()
    assert [tuple(r) for r in rows] == [("云Q·K0001", False, None), ("云Q·N0002", True, True)]


def state(engine):
    with engine.connect() as conn:
        return (points(engine), conn.execute(sa.text("SELECT vehicle_id FROM vehicle ORDER BY 1")).scalars().all(),
                conn.execute(sa.text("SELECT relname FROM pg_class WHERE relname LIKE 'track_point_%' "
                                     "AND relkind = 'r' ORDER BY 1")).scalars().all(),
                conn.execute(sa.text("SELECT count(*) FROM etl_run")).scalar())


def test_a_crash_after_the_insert_leaves_the_database_as_it_was(counties, tmp_path, monkeypatch):
    load(counties, TRACKS / "patrol_gpx11.gpx")
    before = state(counties)

    def crash(*args):
        raise RuntimeError("power cut")

    monkeypatch.setattr("etl.tracks.load.finish_run", crash)
    path = write_csv(tmp_path / "t.csv", ["B1,2024-04-05 07:30:00,98.857,25.851", "云Q·L0001,2024-03-05 09:00:00,"
                                          "99.42,26.45"])
    with pytest.raises(RuntimeError, match="power cut"):
        load(counties, path)
    assert state(counties) == before


def test_dry_run_changes_nothing(counties):
    before = state(counties)
    result = load_file(counties, TRACKS_DATASET, TRACKS / "patrol_gbk.csv", dry_run=True)
    assert (result.status, result.rows_read, result.rows_rejected, result.exit_code) == ("dry_run", 12, 8, 1)
    assert "would be registered" in result.message
    assert state(counties) == before


def test_unreadable_files_and_missing_counties_load_nothing(engine, counties, tmp_path):
    missing = load(counties, tmp_path / "absent.csv")
    assert (missing.status, missing.exit_code) == ("failed", 2) and "no such file" in missing.message
    odd = load(counties, write_csv(tmp_path / "t.kml", ["x"]))
    assert odd.exit_code == 2 and "unsupported track format" in odd.message
    with counties.begin() as conn:
        conn.execute(sa.text("DELETE FROM county"))
    nocounty = load(counties, TRACKS / "patrol_gpx10.gpx")
    assert nocounty.exit_code == 2 and "no counties are loaded" in nocounty.message
    assert scalar(counties, "SELECT count(*) FROM etl_run WHERE dataset = 'tracks' AND status = 'failed'") == 3


def test_a_file_of_only_bad_rows_is_rejected(counties, tmp_path):
    result = load(counties, write_csv(tmp_path / "t.csv", ["A1,1970-01-01 08:00:00,98.857,25.851"]))
    assert (result.status, result.exit_code, result.inserted) == ("rejected", 2, 0)


def test_the_timezone_and_vehicle_options(counties, tmp_path):
    load(counties, write_csv(tmp_path / "t.csv", ["A1,2024-03-05 07:30:00,98.857,25.851"]), timezone="UTC")
    load(counties, TRACKS / "patrol_gpx10.gpx", vehicle="云Q·X0009")
    assert [p[:2] for p in points(counties)][:2] == [("A1", dt.datetime(2024, 3, 5, 15, 30)),
                                                     ("云Q·X0009", dt.datetime(2024, 3, 5, 7, 30))]
    bad = load(counties, TRACKS / "patrol_gpx11.gpx", timezone="Mars/Olympus")
    assert bad.exit_code == 2 and "unknown time zone" in bad.message
