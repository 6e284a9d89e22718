"""Loads that take the direct way (points COPYed into new month tables) or go back to the staging table."""

import datetime as dt

import sqlalchemy as sa

from etl.datasets import DATASETS
from etl.runner import load_file
from etl.tracks.csv import blocks as csv_blocks
from etl.tracks.gpx import scan as gpx_scan
from tests.etl.tracks.conftest import points, write_csv


def load(engine, path, **kwargs):
    return load_file(engine, DATASETS["tracks"], path, **kwargs)


def lines(vehicle, start, count, step_s=600):
    t0 = dt.datetime.fromisoformat(start)
    return [f"{vehicle},{t0 + dt.timedelta(seconds=step_s * i):%Y-%m-%d %H:%M:%S},98.857,25.851,{i % 50}"
            for i in range(count)]


def constraints(engine):
    with engine.connect() as conn:
        return conn.execute(sa.text("SELECT conname FROM pg_constraint WHERE conrelid::regclass::text "
                                    "LIKE 'track_point_2%' ORDER BY 1")).scalars().all()


def test_a_sorted_file_goes_straight_into_new_month_tables(counties, tmp_path, monkeypatch):
    monkeypatch.setattr(csv_blocks, "BLOCK", 256)
    rows = lines("A1", "2024-03-31 20:00:00", 30) + lines("B2", "2024-03-31 22:00:00", 30)
    path = write_csv(tmp_path / "t.csv", rows)
    result = load(counties, path)
    assert (result.status, result.inserted, result.details["partitions_created"]) == ("loaded", 60, 2)
    assert constraints(counties) == ["track_point_2024_03_pkey", "track_point_2024_04_pkey",
                                     "track_point_vehicle_id_fkey", "track_point_vehicle_id_fkey"]
    assert [p[:2] for p in points(counties)][:2] == [("A1", dt.datetime(2024, 3, 31, 20)),
                                                     ("A1", dt.datetime(2024, 3, 31, 20, 10))]
    assert load(counties, path, dry_run=True).details["duplicates_in_file"] == 0


def test_a_file_out_of_order_late_is_staged_again_and_its_repeats_reported(counties, tmp_path, monkeypatch):
    monkeypatch.setattr(csv_blocks, "BLOCK", 256)
    rows = lines("A1", "2024-03-05 07:00:00", 40)
    path = write_csv(tmp_path / "t.csv", rows + [rows[3], rows[39].replace("98.857", "98.858")])
    result = load(counties, path)
    assert (result.status, result.inserted, result.details["duplicates_in_file"]) == ("partial", 40, 2)
    assert [(r.row, r.reason) for r in result.report.rejects] == [
        (42, "duplicate (vehicle, time) inside the file (first on row 5)"),
        (43, "duplicate (vehicle, time) inside the file (first on row 41)")]
    assert constraints(counties) == ["track_point_2024_03_pkey", "track_point_vehicle_id_fkey"]


def test_new_and_stored_months_in_one_file(counties, tmp_path):
    assert load(counties, write_csv(tmp_path / "a.csv", lines("A1", "2024-03-31 20:00:00", 3))).inserted == 3
    both = write_csv(tmp_path / "b.csv", lines("A1", "2024-03-31 20:00:00", 30))
    result = load(counties, both)
    assert (result.inserted, result.details["duplicates_in_db"], result.details["partitions_created"]) == (27, 3, 1)
    assert len(points(counties)) == 30 and constraints(counties)[-1] == "track_point_vehicle_id_fkey"


def test_gpx_with_markup_for_lxml_after_its_first_block_is_read_again_by_lxml(counties, tmp_path, monkeypatch):
    monkeypatch.setattr(gpx_scan, "BLOCK", 100)
    pts = "".join(f'<trkpt lat="25.85" lon="98.85"><time>2024-03-04T23:{i:02d}:00Z</time></trkpt>' for i in range(20))
    path = tmp_path / "t.gpx"
    path.write_text(f"<gpx><trk><name>云Q·G1</name><trkseg>{pts}</trkseg></trk><!-- end --></gpx>", "utf-8")
    result = load(counties, path)
    assert (result.status, result.inserted) == ("loaded", 20)
    assert {p[0] for p in points(counties)} == {"云Q·G1"}
