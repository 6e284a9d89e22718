"""Presence at the gate, against hand-worked cases (distances in UTM 47N metres)."""

import datetime as dt

import pytest
import sqlalchemy as sa
from pyproj import Transformer

from db.analytics.presence import refresh_days
from db.settings import Settings
from etl.datasets import DATASETS
from etl.runner import load_file
from tests.conftest import COUNTIES

TZ = dt.timezone(dt.timedelta(hours=8))
DAY = dt.date(2026, 9, 1)
GATE = (485_000.0, 2_860_000.0)  # near Liuku, in UTM 47N
TO_WGS = Transformer.from_crs(32647, 4326, always_xy=True)
SETTINGS = Settings()


def at(hh, mm, ss=0.0):
    return dt.datetime(2026, 9, 1, hh, mm, int(ss), int(round((ss % 1) * 1e6)), tzinfo=TZ)


@pytest.fixture
def db(engine):
    load_file(engine, DATASETS["counties"], COUNTIES)
    with engine.begin() as conn:
        for code, guard in (("S1", False), ("S2", True)):
            conn.execute(sa.text(
                "INSERT INTO school (school_code, name, school_type, county_adcode, geom, gate_geom, guard_post) "
                "VALUES (:c, :c, '小学', '533301', ST_Transform(ST_SetSRID(ST_MakePoint(:x, :y), 32647), 4326), "
                "ST_Transform(ST_SetSRID(ST_MakePoint(:x, :y), 32647), 4326), :g)"),
                {"c": code, "x": GATE[0], "y": GATE[1], "g": guard})
        conn.execute(sa.text("INSERT INTO vehicle (vehicle_id) VALUES ('A'), ('B')"))
    return engine


def drive(engine, vehicle, points):
    """points: (time, dx metres east of the gate, dy metres north)."""
    with engine.begin() as conn:
        for ts, dx, dy in points:
            lon, lat = TO_WGS.transform(GATE[0] + dx, GATE[1] + dy)
            conn.execute(sa.text("INSERT INTO track_point (vehicle_id, ts, geom) VALUES "
                                 "(:v, :ts, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326))"),
                         {"v": vehicle, "ts": ts, "lon": lon, "lat": lat})


def presence(engine, school="S1", days=(DAY,)):
    with engine.begin() as conn:
        refresh_days(conn, list(days), settings=SETTINGS)
        rows = conn.execute(sa.text("SELECT * FROM presence WHERE school_code = :s ORDER BY day, window_name"),
                            {"s": school}).mappings().all()
    return {(r["day"], r["window_name"]): r for r in rows}


def test_a_car_passing_at_40_kmh_between_pings_30_s_apart_counts(db):
    drive(db, "A", [(at(7, 45), -166.67, 20), (at(7, 45, 30), 166.67, 20)])  # 333 m in 30 s, gate 20 m off
    morning = presence(db)[(DAY, "morning")]
    assert morning["present"] and morning["vehicle_ids"] == ["A"]
    assert morning["min_distance_m"] == pytest.approx(20, abs=0.01)
    chord_s = 2 * (100**2 - 20**2) ** 0.5 / (333.34 / 30)  # 195.96 m at 11.11 m/s
    assert morning["dwell_min"] * 60 == pytest.approx(chord_s, abs=0.05)
    assert morning["first_seen"] == pytest.approx(at(7, 45, 15 - chord_s / 2), abs=dt.timedelta(milliseconds=50))


def test_two_pings_20_minutes_apart_with_the_gate_between_do_not(db):
    drive(db, "A", [(at(7, 40), -166.67, 20), (at(8, 0), 166.67, 20)])
    morning = presence(db)[(DAY, "morning")]
    assert not morning["present"] and morning["dwell_min"] == 0
    assert morning["min_distance_m"] == pytest.approx((166.67**2 + 20**2) ** 0.5, abs=0.01)


@pytest.mark.parametrize("apart_us, present", [(120_000_000, True), (120_000_001, False)])
def test_the_gap_limit_is_exact_to_the_microsecond(db, apart_us, present):
    start = at(7, 40, 0.123457)  # a time with a fraction no binary float holds exactly
    drive(db, "A", [(start, -200, 20), (start + dt.timedelta(microseconds=apart_us), 200, 20)])
    assert presence(db)[(DAY, "morning")]["present"] is present  # only the path between them comes within 100 m


@pytest.mark.parametrize("ts, window, present", [
    (at(7, 29, 59), "morning", False), (at(7, 30), "morning", True), (at(8, 29, 59), "morning", True),
    (at(8, 30), "morning", False), (at(11, 30), "noon", True), (at(17, 30), "afternoon", False)])
def test_window_edges_start_counts_end_does_not(db, ts, window, present):
    drive(db, "A", [(ts, 0, 0)])
    assert presence(db)[(DAY, window)]["present"] is present


def test_a_path_crossing_the_window_end_counts_only_inside(db):
    drive(db, "A", [(at(8, 29, 50), -166.67, 0), (at(8, 30, 20), 166.67, 0)])
    morning = presence(db)[(DAY, "morning")]
    assert morning["present"]
    assert morning["last_seen"] == at(8, 30)
    assert morning["dwell_min"] * 60 == pytest.approx(4.0, abs=0.05)  # within 100 m from 08:29:56


def test_utc_timestamps_meet_local_windows(db):
    utc_eight = dt.datetime(2026, 9, 1, 0, 0, tzinfo=dt.UTC)  # 08:00 in Nujiang
    drive(db, "A", [(utc_eight, 10, 0)])
    rows = presence(db)
    assert rows[(DAY, "morning")]["present"] and not rows[(DAY, "noon")]["present"]


def test_a_school_with_no_tracks_has_a_row_per_window_all_absent(db):
    rows = presence(db, days=(DAY, DAY + dt.timedelta(days=1)))
    assert len(rows) == 6 and not any(r["present"] for r in rows.values())
    assert all(r["min_distance_m"] is None and r["vehicle_ids"] == [] for r in rows.values())


def test_a_guard_post_is_measured_at_50_m(db):
    drive(db, "A", [(at(16, 40), 70, 0)])
    assert presence(db, "S1")[(DAY, "afternoon")]["present"]
    assert not presence(db, "S2")[(DAY, "afternoon")]["present"]


def test_two_cars_at_once_count_the_time_once(db):
    drive(db, "A", [(at(7, 50), 0, 0), (at(7, 51), 0, 10)])
    drive(db, "B", [(at(7, 50, 30), 0, 0), (at(7, 51, 30), 0, 10)])
    morning = presence(db)[(DAY, "morning")]
    assert morning["vehicle_ids"] == ["A", "B"]
    assert morning["dwell_min"] == pytest.approx(1.5, abs=0.001)


def test_refresh_replaces_rows_and_is_idempotent(db):
    drive(db, "A", [(at(7, 45), 0, 0)])
    first = presence(db)
    second = presence(db)
    assert {k: v["present"] for k, v in first.items()} == {k: v["present"] for k, v in second.items()}
    with db.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM presence")).scalar() == 6


def test_only_school_days_get_rows_weekend_holiday_and_make_up_day(db):
    from db.analytics.presence import refresh_range

    with db.begin() as conn:
        conn.execute(sa.text("INSERT INTO holiday (day, kind, name) VALUES "
                             "('2026-09-07', 'holiday', '测试假日'), ('2026-09-05', 'workday', '调休上班')"))
        refresh_range(conn, dt.date(2026, 9, 4), dt.date(2026, 9, 8), settings=SETTINGS)
        days = conn.execute(sa.text("SELECT DISTINCT day FROM presence ORDER BY day")).scalars().all()
    # Fri 4 school day, Sat 5 make-up workday, Sun 6 weekend, Mon 7 holiday, Tue 8 school day
    assert days == [dt.date(2026, 9, 4), dt.date(2026, 9, 5), dt.date(2026, 9, 8)]


def test_outside_a_term_there_are_no_school_days(db):
    from db.analytics.presence import refresh_range

    with db.begin() as conn:
        assert refresh_range(conn, dt.date(2026, 7, 20), dt.date(2026, 8, 20), settings=SETTINGS) == 0
