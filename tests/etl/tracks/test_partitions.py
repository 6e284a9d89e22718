"""Monthly partitions: built for the local months a file touches, the default partition emptied of them."""

import sqlalchemy as sa

from etl.datasets import DATASETS
from etl.runner import load_file
from tests.etl.tracks.conftest import write_csv

EDGES = ["A1,2023-12-31 23:59:59,98.857,25.851", "A1,2024-01-01 00:00:00,98.857,25.851",
         "A1,2024-02-29 23:59:59,98.857,25.851", "A1,2024-03-01T00:00:00+08:00,98.857,25.851"]


def partitions(engine):
    """{partition: (bounds, rows, index names)} of track_point."""
    with engine.begin() as conn:
        conn.execute(sa.text("SET LOCAL TIME ZONE 'Asia/Shanghai'"))
        rows = conn.execute(sa.text(
            "SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) AS bounds, "
            "array(SELECT indexrelid::regclass::text FROM pg_index WHERE indrelid = c.oid ORDER BY 1) AS indexes "
            "FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
            "WHERE i.inhparent = 'track_point'::regclass ORDER BY 1")).all()
        counts = {r.relname: conn.execute(sa.text(f'SELECT count(*) FROM "{r.relname}"')).scalar() for r in rows}
    return {r.relname: (r.bounds, counts[r.relname], r.indexes) for r in rows}


def test_partitions_follow_local_months_with_their_indexes(counties, tmp_path):
    result = load_file(counties, DATASETS["tracks"], write_csv(tmp_path / "t.csv", EDGES))
    assert (result.inserted, result.details["partitions_created"]) == (4, 4)
    parts = partitions(counties)
    assert sorted(parts) == ["track_point_2023_12", "track_point_2024_01", "track_point_2024_02",
                             "track_point_2024_03", "track_point_default"]
    assert [parts[p][1] for p in sorted(parts)] == [1, 1, 1, 1, 0]
    assert parts["track_point_2023_12"][0] == "FOR VALUES FROM ('2023-12-01 00:00:00+08') TO ('2024-01-01 00:00:00+08')"
    assert parts["track_point_2024_02"][2] == ["track_point_2024_02_pkey"]  # no geometry index (migration 0009)
    with counties.connect() as conn:
        fks = conn.execute(sa.text("SELECT count(*) FROM pg_constraint WHERE contype = 'f' "
                                   "AND conrelid = 'track_point_2024_02'::regclass")).scalar()
    assert fks == 1


def test_points_waiting_in_the_default_partition_move_to_their_month(counties, tmp_path):
    with counties.begin() as conn:
        conn.execute(sa.text("INSERT INTO vehicle (vehicle_id) VALUES ('A1')"))
        conn.execute(sa.text(
            "INSERT INTO track_point (vehicle_id, ts, geom, speed_kmh) VALUES "
            "('A1', '2024-03-05 07:30:00+08', ST_SetSRID(ST_MakePoint(98.857, 25.851), 4326), 55), "
            "('A1', '2023-06-05 07:30:00+08', ST_SetSRID(ST_MakePoint(98.857, 25.851), 4326), 55)"))
    path = write_csv(tmp_path / "t.csv", ["A1,2024-03-05 07:30:00,98.857,25.851,10",
                                          "A1,2024-03-05 07:31:00,98.857,25.851,10"])
    result = load_file(counties, DATASETS["tracks"], path)
    assert (result.inserted, result.details["duplicates_in_db"]) == (1, 1)
    parts = partitions(counties)
    assert (parts["track_point_2024_03"][1], parts["track_point_default"][1]) == (2, 1)
    with counties.connect() as conn:
        kept = conn.execute(sa.text("SELECT speed_kmh FROM track_point WHERE ts = '2024-03-05 07:30:00+08'")).scalar()
    assert kept == 55


def test_a_month_that_has_its_partition_takes_the_insert_path(counties, tmp_path):
    load_file(counties, DATASETS["tracks"], write_csv(tmp_path / "a.csv", EDGES[2:]))
    later = write_csv(tmp_path / "b.csv", EDGES + ["A1,2024-03-02 08:00:00,98.857,25.851"])
    result = load_file(counties, DATASETS["tracks"], later)
    assert (result.inserted, result.details["duplicates_in_db"], result.details["partitions_created"]) == (3, 2, 2)
    assert sum(p[1] for p in partitions(counties).values()) == 5
