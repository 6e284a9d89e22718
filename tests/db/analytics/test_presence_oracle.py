"""Presence in PostGIS against the in-memory reference, on seeded random tracks around a few gates."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest
import sqlalchemy as sa
from pyproj import Transformer

from db.analytics.presence import refresh_days
from db.analytics.presence_reference import compute
from db.settings import Settings
from etl.datasets import DATASETS
from etl.runner import load_file
from tests.conftest import COUNTIES

BASE = (485_000.0, 2_860_000.0)  # near Liuku, UTM 47N
SCHOOLS = [("G1", "小学", False, 0, 0), ("G2", "幼儿园", False, 150, 0), ("G3", "初中", True, -400, 300)]
DAYS = [dt.date(2026, 9, 1), dt.date(2026, 9, 2)]
SETTINGS = Settings(peak_windows_by_type={"幼儿园": {"morning": ("08:00", "09:00"), "nap": ("13:00", "13:20")}})
EDGES = sorted({t for w in (SETTINGS.peak_windows, *SETTINGS.peak_windows_by_type.values()) for s in w.values()
                for t in s})
ZONES = [dt.UTC, dt.timezone(dt.timedelta(hours=8)), dt.timezone(dt.timedelta(hours=-3, minutes=-30))]
LOCAL = dt.timezone(dt.timedelta(hours=8))
TO_WGS = Transformer.from_crs(32647, 4326, always_xy=True)
GAP = SETTINGS.gap_limit_s


def schools_frame():
    lon, lat = TO_WGS.transform([BASE[0] + s[3] for s in SCHOOLS], [BASE[1] + s[4] for s in SCHOOLS])
    return pd.DataFrame({"school_code": [s[0] for s in SCHOOLS], "school_type": [s[1] for s in SCHOOLS],
                         "guard_post": [s[2] for s in SCHOOLS], "gate_lon": lon, "gate_lat": lat})


@pytest.fixture
def town(engine):
    load_file(engine, DATASETS["counties"], COUNTIES)
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO school (school_code, name, school_type, county_adcode, geom, gate_geom, guard_post) "
            "VALUES (:school_code, :school_code, :school_type, '533301', ST_SetSRID(ST_MakePoint(:gate_lon, "
            ":gate_lat), 4326), ST_SetSRID(ST_MakePoint(:gate_lon, :gate_lat), 4326), :guard_post)"),
            schools_frame().to_dict("records"))
    return engine


def burst(rng, vehicle):
    """A few fixes of one vehicle driving past a gate, starting or ending on a window edge or near one."""
    day, edge = DAYS[rng.integers(len(DAYS))], EDGES[rng.integers(len(EDGES))]
    at = dt.datetime.combine(day, dt.time.fromisoformat(edge), LOCAL)
    steps = rng.choice([GAP, GAP + 1, GAP - 1, 30, 10, 300, 1200], rng.integers(0, 10)).astype(float)
    steps = np.where(rng.random(len(steps)) < 0.3, rng.uniform(1, 60, len(steps)).round(3), steps)
    how = rng.integers(3)
    start = at - dt.timedelta(seconds=float(steps.sum()) if how == 1 else 0 if how == 0 else rng.uniform(-400, 400))
    times = [start + dt.timedelta(seconds=float(s)) for s in np.concatenate([[0], np.cumsum(steps)])]
    gate = SCHOOLS[rng.integers(len(SCHOOLS))]
    heading, miss = rng.uniform(0, 2 * np.pi), rng.uniform(-160, 160)  # passes the gate `miss` metres off
    direction = np.array([np.cos(heading), np.sin(heading)])
    velocity = direction * rng.choice([0, 0.3, 5, 11, 16])  # parked, walking pace, or 18 to 58 km/h
    passing = rng.uniform(-60, float(steps.sum()) + 60)  # seconds after the first fix
    offset = miss * direction[::-1] * [1, -1] - velocity * passing
    rows = []
    for ts in times:
        x, y = np.array(BASE) + gate[3:] + offset + velocity * (ts - times[0]).total_seconds() + rng.normal(0, 5, 2)
        rows.append((vehicle, ts.astimezone(ZONES[rng.integers(len(ZONES))]), x, y))
    return rows


def scenario(seed):
    """Fixes of a few vehicles: lone ones, gaps around the limit, window edges, another car on the same path."""
    rng = np.random.default_rng(seed)
    rows = []
    for v in range(int(rng.integers(2, 5))):
        for _ in range(int(rng.integers(3, 9))):
            part = burst(rng, f"V{v}")
            rows += part
            if rng.random() < 0.3:  # a second car following the first
                lag = dt.timedelta(seconds=float(rng.uniform(-90, 90)))
                rows += [(f"V{v + 1}", ts + lag, x + 4, y - 3) for _, ts, x, y in part]
    frame = pd.DataFrame(rows, columns=["vehicle_id", "ts", "x", "y"])
    frame["lon"], frame["lat"] = TO_WGS.transform(frame["x"].to_numpy(), frame["y"].to_numpy())
    key = frame["ts"].map(lambda t: t.astimezone(dt.UTC))
    return frame[~pd.DataFrame({"v": frame["vehicle_id"], "t": key}).duplicated()].reset_index(drop=True)


def load(engine, fixes, settings=SETTINGS):
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO vehicle (vehicle_id) VALUES (:v) ON CONFLICT DO NOTHING"),
                     [{"v": v} for v in sorted(set(fixes["vehicle_id"]))])
        if len(fixes):
            conn.execute(sa.text("INSERT INTO track_point (vehicle_id, ts, geom) VALUES "
                                 "(:vehicle_id, :ts, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326))"),
                         fixes[["vehicle_id", "ts", "lon", "lat"]].to_dict("records"))
        refresh_days(conn, DAYS, settings=settings)
        got = pd.DataFrame(conn.execute(sa.text("SELECT * FROM presence")).mappings().all())
    return got.drop(columns="refreshed_at")


def disagreements(db, ref):
    """Rows where the database and the reference differ beyond 1 ms, 1e-6 min, 1 mm; as readable strings."""
    both = db.merge(ref, on=["school_code", "day", "window_name"], how="outer", suffixes=("_db", "_ref"),
                    indicator="side")
    out = []
    for row in both.to_dict("records"):
        why = [] if row["side"] == "both" else [f"only in {row['side']}"]
        for col, tol in (("first_seen", pd.Timedelta(milliseconds=1)), ("last_seen", pd.Timedelta(milliseconds=1)),
                         ("dwell_min", 1e-6), ("min_distance_m", 1e-3), ("radius_m", 0)):
            a, b = row[f"{col}_db"], row[f"{col}_ref"]
            if pd.isna(a) != pd.isna(b) or (not pd.isna(a) and abs(a - b) > tol):
                why.append(f"{col}: db {a} ref {b}")
        if row["present_db"] != row["present_ref"] or list(row["vehicle_ids_db"]) != list(row["vehicle_ids_ref"]):
            why.append(f"present/vehicles: db {row['present_db']} {row['vehicle_ids_db']} "
                       f"ref {row['present_ref']} {row['vehicle_ids_ref']}")
        if why:
            out.append(f"{row['school_code']} {row['day']} {row['window_name']}: " + "; ".join(why))
    return out


@pytest.mark.parametrize("seed", range(12))
def test_random_tracks_agree_with_the_reference(town, seed):
    fixes = scenario(seed)
    db = load(town, fixes)
    ref = compute(schools_frame(), fixes, DAYS, SETTINGS)
    assert len(db) == len(SCHOOLS) * len(DAYS) * 3 + len(DAYS)  # the kindergarten has a fourth window
    assert ref["present"].any()
    assert disagreements(db, ref) == [], fixes.to_string()


def test_edges_gaps_and_lone_fixes_agree_with_the_reference(town):
    """Hand-placed: fixes on w0 and w1, gaps of exactly the limit and one second more, a lone fix."""
    w0 = dt.datetime(2026, 9, 1, 7, 30, tzinfo=LOCAL)
    w1 = dt.datetime(2026, 9, 1, 8, 30, tzinfo=LOCAL)
    rows = [("A", w0 - dt.timedelta(seconds=GAP), -300, 0), ("A", w0, 30, 0),  # ends inside R on w0
            ("B", w1 - dt.timedelta(seconds=GAP + 1), -150, 0), ("B", w1, 150, 0),  # too far apart: two instants
            ("C", w1, 0, 0), ("C", w1 + dt.timedelta(seconds=GAP), 0, 10),  # starts on w1: outside
            ("D", w0 + dt.timedelta(minutes=20), -460, 20),  # lone, 460 m off
            ("E", w1 - dt.timedelta(seconds=60), -200, 0), ("E", w1 + dt.timedelta(seconds=60), 200, 0)]
    fixes = pd.DataFrame(rows, columns=["vehicle_id", "ts", "x", "y"])
    fixes["lon"], fixes["lat"] = TO_WGS.transform(BASE[0] + fixes["x"].to_numpy(), BASE[1] + fixes["y"].to_numpy())
    db, ref = load(town, fixes), compute(schools_frame(), fixes, DAYS, SETTINGS)
    assert disagreements(db, ref) == []
    g1 = ref.set_index(["school_code", "day", "window_name"]).loc[("G1", DAYS[0], "morning")]
    assert g1["vehicle_ids"] == ["A", "E"] and g1["first_seen"] == w0 and g1["last_seen"] == w1


def test_closest_approach_is_not_reported_beyond_the_near_miss_distance(town):
    """A car 600 m from the gate when the window ends, passing it a minute later: no near miss in the window.

    presence_insert.sql picks path pieces by the whole segment (ST_DWithin 500 m) but measures the piece
    inside the window, so it reports min_distance_m = 600 although near_miss_m is 500.
    """
    w1 = dt.datetime(2026, 9, 1, 8, 30, tzinfo=LOCAL)
    rows = [("A", w1 - dt.timedelta(seconds=60), -1200, 0), ("A", w1 + dt.timedelta(seconds=60), 0, 0)]
    fixes = pd.DataFrame(rows, columns=["vehicle_id", "ts", "x", "y"])
    fixes["lon"], fixes["lat"] = TO_WGS.transform(BASE[0] + fixes["x"].to_numpy(), BASE[1] + fixes["y"].to_numpy())
    db = load(town, fixes).set_index(["school_code", "day", "window_name"])
    assert pd.isna(compute(schools_frame(), fixes, DAYS, SETTINGS).set_index(
        ["school_code", "day", "window_name"]).loc[("G1", DAYS[0], "morning"), "min_distance_m"])
    assert pd.isna(db.loc[("G1", DAYS[0], "morning"), "min_distance_m"]), db.loc[("G1", DAYS[0], "morning")]


def test_presence_does_not_depend_on_the_near_miss_distance(town):
    """A car parked 80 m from the gate through the morning is present at R = 100 m whatever near_miss_m is.

    presence_insert.sql keeps only path pieces within near_miss_m of a gate (the `near` CTE) before it looks
    for entries into R, so with near_miss_m = 50 it finds no presence at all.
    """
    settings = SETTINGS.model_copy(update={"near_miss_m": 50.0})
    start = dt.datetime(2026, 9, 1, 7, 40, tzinfo=LOCAL)
    fixes = pd.DataFrame([("A", start + dt.timedelta(seconds=60 * k), 80, 0) for k in range(3)],
                         columns=["vehicle_id", "ts", "x", "y"])
    fixes["lon"], fixes["lat"] = TO_WGS.transform(BASE[0] + fixes["x"].to_numpy(), BASE[1] + fixes["y"].to_numpy())
    key = ("G1", DAYS[0], "morning")
    ref = compute(schools_frame(), fixes, DAYS, settings).set_index(["school_code", "day", "window_name"]).loc[key]
    assert ref["present"] and ref["dwell_min"] == pytest.approx(2.0)
    db = load(town, fixes, settings).set_index(["school_code", "day", "window_name"]).loc[key]
    assert db["present"], db
