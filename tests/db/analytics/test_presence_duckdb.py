"""The DuckDB baseline of presence (bench) against PostGIS, on the seeded random tracks of the oracle test."""

import datetime as dt

import pandas as pd
import pytest

from db.analytics.presence_duckdb import compute
from tests.db.analytics.test_presence_oracle import (
    BASE,
    DAYS,
    GAP,
    LOCAL,
    SETTINGS,
    TO_WGS,
    disagreements,
    load,
    scenario,
    schools_frame,
)
from tests.db.analytics.test_presence_oracle import town as oracle_town


@pytest.fixture
def gates(engine):
    """The oracle test's three gates near Liuku (its `town`; the conftest's `town` has other schools)."""
    return oracle_town.__wrapped__(engine)


@pytest.mark.parametrize("seed", range(6))
def test_random_tracks_agree_with_postgis(gates, seed):
    fixes = scenario(seed)
    db = load(gates, fixes)
    duck = compute(schools_frame(), fixes, DAYS, SETTINGS)
    assert len(duck) == len(db) and duck["present"].any()
    assert disagreements(db, duck) == [], fixes.to_string()


def test_edges_and_a_short_near_miss_distance_agree_with_postgis(gates):
    """Fixes on window edges, gaps of the limit and one second more, lone fixes; near_miss_m below R."""
    settings = SETTINGS.model_copy(update={"near_miss_m": 50.0})
    w0 = dt.datetime(2026, 9, 1, 7, 30, tzinfo=LOCAL)
    w1 = dt.datetime(2026, 9, 1, 8, 30, tzinfo=LOCAL)
    rows = [("A", w0 - dt.timedelta(seconds=GAP), -300, 0), ("A", w0, 30, 0),
            ("B", w1 - dt.timedelta(seconds=GAP + 1), -150, 0), ("B", w1, 150, 0),
            ("C", w1, 0, 0), ("C", w1 + dt.timedelta(seconds=GAP), 0, 10),
            ("D", w0 + dt.timedelta(minutes=20), -460, 20),
            ("E", w1 - dt.timedelta(seconds=60), -200, 0), ("E", w1 + dt.timedelta(seconds=60), 200, 0),
            ("F", w0 + dt.timedelta(minutes=10), 80, 0), ("F", w0 + dt.timedelta(minutes=11), 80, 0)]
    fixes = pd.DataFrame(rows, columns=["vehicle_id", "ts", "x", "y"])
    fixes["lon"], fixes["lat"] = TO_WGS.transform(BASE[0] + fixes["x"].to_numpy(), BASE[1] + fixes["y"].to_numpy())
    db, duck = load(gates, fixes, settings), compute(schools_frame(), fixes, DAYS, settings)
    assert disagreements(db, duck) == []
    g1 = duck.set_index(["school_code", "day", "window_name"]).loc[("G1", DAYS[0], "morning")]
    assert g1["vehicle_ids"] == ["A", "E", "F"] and g1["first_seen"] == w0 and g1["last_seen"] == w1
