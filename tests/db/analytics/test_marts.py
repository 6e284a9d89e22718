"""The presence_day mart equals the sums of presence, whoever writes presence; the reads built on it answer as the
direct computation does; a peak window that has not ended at the time of reading is not counted."""

import datetime as dt

import pandas as pd
import pytest
import sqlalchemy as sa
import time_machine

from db.analytics import marts
from etl.datasets import DATASETS
from etl.runner import load_file
from tests.conftest import COUNTIES

UTC = dt.UTC
DAYS = [dt.date(2026, 9, 1), dt.date(2026, 9, 2), dt.date(2026, 9, 3)]
WINDOWS = ("morning", "noon", "afternoon")
SCHOOLS = [("S1", "533301", 98.857, 25.851), ("S2", "533301", 98.860, 25.853), ("S3", "533323", 98.867, 26.902)]
DIRECT = sa.text(  # dash_presence_days as it read before the mart: straight from presence
    "SELECT p.school_code, p.day, count(*) AS windows, count(*) FILTER (WHERE CASE WHEN CAST(:radius_m AS float8) "
    "IS NULL THEN p.present ELSE p.min_distance_m <= CAST(:radius_m AS float8) END) AS present, "
    "min(p.min_distance_m) AS min_distance_m FROM presence p JOIN school s USING (school_code) "
    "WHERE p.day BETWEEN :date_from AND :date_to "
    "AND (CAST(:windows AS text[]) IS NULL OR p.window_name = ANY(CAST(:windows AS text[]))) "
    "AND (CAST(:counties AS text[]) IS NULL OR s.county_adcode = ANY(CAST(:counties AS text[]))) "
    "GROUP BY p.school_code, p.day ORDER BY p.school_code, p.day")
SUMS = sa.text("SELECT school_code, day, count(*) AS windows, count(*) FILTER (WHERE present) AS present, "
               "min(min_distance_m) AS min_distance_m FROM presence GROUP BY 1, 2 ORDER BY 1, 2")
MART = sa.text("SELECT school_code, day, windows, present, min_distance_m FROM presence_day ORDER BY 1, 2")
LATER = dt.datetime(2026, 12, 7, 12, 0, tzinfo=UTC)  # long after the fixture's days: every window has ended


@pytest.fixture
def town(engine):
    load_file(engine, DATASETS["counties"], COUNTIES)
    with engine.begin() as conn:
        for code, county, lon, lat in SCHOOLS:
            conn.execute(sa.text(
                "INSERT INTO school (school_code, name, school_type, county_adcode, geom, gate_geom) VALUES "
                "(:c, :c, '小学', :k, ST_SetSRID(ST_MakePoint(:x, :y), 4326), ST_SetSRID(ST_MakePoint(:x, :y), 4326))"),
                {"c": code, "k": county, "x": lon, "y": lat})
    return engine


def add_presence(engine, rows):
    """rows: (school, day, window, present, closest m) straight into presence, as the fixtures do."""
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO presence (school_code, day, window_name, present, dwell_min, min_distance_m, vehicle_ids, "
            "radius_m) VALUES (:s, :d, :w, :p, 0, :m, ARRAY[]::varchar[], 100)"),
            [dict(zip("sdwpm", r, strict=True)) for r in rows])


def fixture_rows():
    """Every school, day and window; S1 present in the mornings (20 m), S2 never (300 m or no approach), S3 at noon
    on the 2nd only (80 m)."""
    rows = []
    for day in DAYS:
        for window in WINDOWS:
            rows.append(("S1", day, window, window == "morning", 20.0 if window == "morning" else 600.0))
            rows.append(("S2", day, window, False, 300.0 if window == "noon" else None))
            rows.append(("S3", day, window, day == DAYS[1] and window == "noon", 80.0))
    return rows


def table(conn, statement, **params):
    return [tuple(r) for r in conn.execute(statement, params)]


def test_the_mart_is_the_sum_of_presence_after_inserts_updates_and_deletes(town):
    add_presence(town, fixture_rows())
    with town.begin() as conn:
        assert table(conn, MART) == table(conn, SUMS) and len(table(conn, MART)) == 9
        conn.execute(sa.text("UPDATE presence SET present = true, min_distance_m = 10 "
                             "WHERE school_code = 'S2' AND window_name = 'noon'"))
        assert table(conn, MART) == table(conn, SUMS)
        conn.execute(sa.text("DELETE FROM presence WHERE day = :d AND window_name <> 'morning'"), {"d": DAYS[0]})
        assert table(conn, MART) == table(conn, SUMS)
        conn.execute(sa.text("DELETE FROM presence WHERE day = :d"), {"d": DAYS[2]})
        assert table(conn, MART) == table(conn, SUMS) and len(table(conn, MART)) == 6
        conn.execute(sa.text("DELETE FROM school WHERE school_code = 'S3'"))  # cascades to presence
        assert table(conn, MART) == table(conn, SUMS) and len(table(conn, MART)) == 4


@pytest.mark.parametrize(("windows", "radius_m", "counties"), [
    (None, None, None), (None, None, ["533301"]), (["noon"], None, None), (None, 50.0, None),
    (["morning", "noon"], 500.0, ["533323"])])
def test_the_reads_answer_as_the_direct_computation(town, windows, radius_m, counties):
    add_presence(town, fixture_rows())
    span = {"date_from": DAYS[0], "date_to": DAYS[-1], "counties": counties, "windows": windows, "radius_m": radius_m}
    with town.connect() as conn:
        direct = pd.DataFrame(table(conn, DIRECT, **span), columns=["school_code", "day", "windows", "present",
                                                                    "min_distance_m"])
        days = marts.presence_days(conn, DAYS[0], DAYS[-1], counties, windows, radius_m, now=LATER)
        totals = marts.presence_totals(conn, DAYS[0], DAYS[-1], counties, windows, radius_m, now=LATER)
    pd.testing.assert_frame_equal(days, direct)
    summed = direct.groupby("school_code", as_index=False).agg(
        windows=("windows", "sum"), present=("present", "sum"), min_distance_m=("min_distance_m", "min"))
    pd.testing.assert_frame_equal(totals, summed)


def test_a_track_load_refreshes_the_mart(town, tmp_path):
    path = tmp_path / "gps.csv"
    path.write_text("vehicle,time,lon,lat\n云Q1,2026-09-03 07:50:00,98.8571,25.8511\n"
                    "云Q1,2026-09-03 07:50:20,98.8575,25.8512\n", encoding="utf-8")
    assert load_file(town, DATASETS["tracks"], path).exit_code == 0
    with town.connect() as conn:
        mart = table(conn, MART)
        assert mart == table(conn, SUMS)
    assert [(code, windows, present) for code, day, windows, present, _ in mart if day == DAYS[2]] == [
        ("S1", 3, 1), ("S2", 3, 0), ("S3", 3, 0)]  # the fixes pass S1's gate in the morning; S2's is 300 m off


@pytest.mark.parametrize(("local", "held", "present"), [
    ("07:00", 0, 0), ("08:29", 0, 0), ("08:30", 1, 1), ("10:00", 1, 1), ("12:30", 2, 1), ("17:29", 2, 1),
    ("17:30", 3, 1)])
def test_windows_not_yet_ended_are_neither_held_nor_absent(town, local, held, present):
    today = DAYS[1]  # S1: present in the morning, absent at noon and in the afternoon (as refreshed at 08:45)
    add_presence(town, [("S1", today, w, w == "morning", 20.0 if w == "morning" else None) for w in WINDOWS])
    hh, mm = map(int, local.split(":"))
    now = dt.datetime(today.year, today.month, today.day, hh, mm, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    with time_machine.travel(now, tick=False), town.connect() as conn:  # the one clock (db.clock) says it is then
        days = marts.presence_days(conn, DAYS[0], today)
        totals = marts.presence_totals(conn, DAYS[0], today)
    assert [(r.windows, r.present) for r in days.itertuples()] == ([(held, present)] if held else [])
    assert [(r.windows, r.present) for r in totals.itertuples()] == ([(held, present)] if held else [])


def test_yesterday_counts_whole_whatever_the_time_today(town):
    add_presence(town, [("S1", DAYS[0], w, w == "morning", None) for w in WINDOWS])
    with time_machine.travel(dt.datetime(2026, 9, 2, 0, 30, tzinfo=UTC), tick=False), town.connect() as conn:
        totals = marts.presence_totals(conn, DAYS[0], DAYS[1])
    assert [(r.school_code, r.windows, r.present) for r in totals.itertuples()] == [("S1", 3, 1)]


def test_now_is_settled_to_the_last_window_end():
    zone = dt.timezone(dt.timedelta(hours=8))
    at = dt.datetime(2026, 9, 2, 14, 5, tzinfo=zone)
    assert marts.settled(at) == dt.datetime(2026, 9, 2, 12, 30, tzinfo=zone)
    assert marts.settled(at.replace(hour=6)) == dt.datetime(2026, 9, 2, 0, 0, tzinfo=zone)
    assert marts.reading(now=at)["today"] == dt.date(2026, 9, 2)


@pytest.mark.parametrize(("local", "windows"), [("08:29", []), ("10:00", ["morning"]),
                                                ("17:30", ["afternoon", "morning", "noon"])])
def test_the_school_page_leaves_out_todays_windows_not_yet_ended(town, local, windows):
    from db.analytics import reports

    today = DAYS[1]
    add_presence(town, [("S1", today, w, w == "morning", 20.0 if w == "morning" else None) for w in WINDOWS])
    hh, mm = map(int, local.split(":"))
    now = dt.datetime(today.year, today.month, today.day, hh, mm, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    with time_machine.travel(now, tick=False), town.connect() as conn:
        rows = reports.frame(conn, "dash_school_presence", code="S1", date_from=DAYS[0], date_to=today,
                             **marts.reading())
    assert sorted(rows["window_name"]) == windows
