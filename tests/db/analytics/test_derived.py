"""Derived rows computed by worker connections on the caller's snapshot: the same rows, one transaction."""

import datetime as dt
import json

import pandas as pd
import psycopg
import pytest
import sqlalchemy as sa

from db.analytics import derived, presence
from tests.db.analytics.test_presence_oracle import BASE, LOCAL, SETTINGS, TO_WGS, scenario
from tests.db.analytics.test_presence_oracle import town as oracle_town

WEEK = (dt.date(2026, 8, 28), dt.date(2026, 9, 4))  # a Friday before term to the next Friday


@pytest.fixture
def gates(engine):
    """The oracle test's three gates near Liuku, a kindergarten with a window of its own among them."""
    return oracle_town.__wrapped__(engine)


def add_fixes(engine, seeds):
    fixes = pd.concat([scenario(seed).assign(vehicle_id=lambda f, s=seed: f["vehicle_id"] + f"-{s}")
                       for seed in seeds], ignore_index=True)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO vehicle (vehicle_id) VALUES (:v) ON CONFLICT DO NOTHING"),
                     [{"v": v} for v in sorted(set(fixes["vehicle_id"]))])
        conn.execute(sa.text("INSERT INTO track_point (vehicle_id, ts, geom) VALUES "
                             "(:vehicle_id, :ts, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326))"),
                     fixes[["vehicle_id", "ts", "lon", "lat"]].to_dict("records"))
    return len(fixes)


def tables(conn):
    """Every derived row, comparable: presence and patrol_path without their refresh times."""
    got = {}
    for table, order in (("presence", "school_code, day, window_name"),
                         ("patrol_path", "day, vehicle_id, window_name")):
        rows = conn.execute(sa.text(f"SELECT * FROM {table} ORDER BY {order}")).mappings().all()
        got[table] = [{k: (v.hex() if isinstance(v, bytes) else v) for k, v in r.items()
                       if k not in ("refreshed_at", "path_id")} for r in rows]
    return got


def refreshed(engine, workers, first=WEEK[0], last=WEEK[1]):
    with engine.begin() as conn:
        rows = presence.refresh_range(conn, first, last, SETTINGS, workers=workers)
        return rows, tables(conn)


@pytest.mark.parametrize("first, last", [WEEK, (dt.date(2026, 9, 1), dt.date(2026, 9, 1))],
                         ids=["a day a job", "a window a job"])
def test_workers_write_the_rows_one_connection_writes(gates, first, last):
    add_fixes(gates, range(4))
    serial_rows, serial = refreshed(gates, 1, first, last)
    assert serial_rows and any(r["present"] for r in serial["presence"]) and serial["patrol_path"]
    assert {r["window_name"] for r in serial["presence"]} >= {"morning", "nap"}  # the kindergarten's own window
    for workers in (2, 3):
        assert refreshed(gates, workers, first, last) == (serial_rows, serial)


@pytest.mark.parametrize("days", [[dt.date(2026, 9, 1)], [dt.date(2026, 9, d) for d in range(1, 5)]],
                         ids=["one day, a window a job", "four days, a day a job"])
def test_presence_alone_on_workers_writes_what_one_connection_writes(gates, days):
    add_fixes(gates, range(4))
    written = {}
    for workers in (1, 2):
        with gates.begin() as conn:
            rows = presence.refresh_days(conn, days, settings=SETTINGS, workers=workers)
            written[workers] = rows, tables(conn)["presence"]
    assert written[1][0] == len(written[1][1]) > 0 and any(r["present"] for r in written[1][1])
    assert {r["window_name"] for r in written[1][1]} >= {"morning", "nap"}
    assert written[2] == written[1]


def test_jobs_split_by_day_or_by_window():
    school = [dt.date(2026, 9, 1), dt.date(2026, 9, 2)]
    week = presence.jobs(*WEEK, school, SETTINGS, 2)
    assert [j.table for j in week].count("patrol_path") == 8 and [j.table for j in week].count("presence") == 2
    one = presence.jobs(school[0], school[0], school, SETTINGS, 2)
    windows = {*SETTINGS.peak_windows, *SETTINGS.peak_windows_by_type["幼儿园"]}
    names = [{w["name"] for w in json.loads(j.params["windows"])} for j in one if j.table == "presence"]
    assert sorted(n for (n,) in names) == sorted(windows)  # one window a job, the kindergarten's morning with it
    assert [j.table for j in presence.jobs(*WEEK, school, SETTINGS, 1)] == ["patrol_path", "presence", "presence"]


def test_workers_read_the_callers_snapshot(gates):
    """Fixes committed after the caller's snapshot was taken are seen by neither the caller nor its workers."""
    add_fixes(gates, [1])
    _, before = refreshed(gates, 1)
    with gates.connect().execution_options(isolation_level="REPEATABLE READ") as conn, conn.begin():
        conn.execute(sa.text("SELECT 1"))  # the transaction's snapshot is taken by its first query
        add_fixes(gates, [2, 3])  # another connection commits more fixes
        presence.refresh_range(conn, *WEEK, SETTINGS, workers=2)
        assert tables(conn) == before
    _, after = refreshed(gates, 2)
    assert after != before


def test_a_failing_job_writes_nothing(gates):
    add_fixes(gates, range(2))
    _, before = refreshed(gates, 1)
    broken = SETTINGS.model_copy(update={"timezone": "Not/AZone"})
    with pytest.raises(psycopg.errors.InvalidParameterValue, match="time zone"), gates.begin() as conn:
        presence.refresh_range(conn, *WEEK, broken, workers=2)
    with gates.connect() as conn:
        assert tables(conn) == before


def test_one_job_stays_in_the_callers_connection(gates):
    """Inside a load the refresh must see the load's own, uncommitted fixes, which no worker could."""
    starts, _ = SETTINGS.peak_windows["morning"]
    at = dt.datetime.combine(dt.date(2026, 9, 1), dt.time.fromisoformat(starts), LOCAL) + dt.timedelta(minutes=5)
    lon, lat = TO_WGS.transform(BASE[0], BASE[1])  # at the gate of G1
    with gates.begin() as conn:
        conn.execute(sa.text("INSERT INTO vehicle (vehicle_id) VALUES ('X')"))
        conn.execute(sa.text("INSERT INTO track_point (vehicle_id, ts, geom) VALUES "
                             "('X', :ts, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326))"),
                     {"ts": at, "lon": lon, "lat": lat})
        written = derived.insert_all(conn, [presence.job([at.date()], SETTINGS, schools=["G1"])], workers=4)
        present = conn.execute(sa.text("SELECT window_name, vehicle_ids FROM presence WHERE present")).all()
        assert written == {"presence": len(SETTINGS.peak_windows)} and present == [("morning", ["X"])]
        conn.rollback()
