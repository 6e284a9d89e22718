"""The demo: deterministic files in the real formats, loaded through the real loaders, echoing the report."""

import datetime as dt
import random

import pytest
import sqlalchemy as sa

from db.analytics import reports
from db.models.base import SCHOOL_TYPES
from etl import demo
from etl.demo.places import townships
from tests.conftest import scratch_database

ANCHOR = dt.date(2026, 11, 27)
YEAR = (ANCHOR - dt.timedelta(days=364), ANCHOR)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    with scratch_database("xiaoan_demo") as engine:
        results = demo.run(engine, tmp_path_factory.mktemp("demo"), seed=7, anchor=ANCHOR)
        yield engine, results


def scalar(engine, sql):
    with engine.connect() as conn:
        return conn.execute(sa.text(sql)).scalar()


def test_the_same_seed_writes_the_same_schools():
    towns = townships()
    assert demo.school_rows(random.Random(3), towns) == demo.school_rows(random.Random(3), towns)
    assert demo.school_rows(random.Random(3), towns) != demo.school_rows(random.Random(4), towns)


def test_every_file_loads_without_a_rejected_row(loaded):
    _, results = loaded
    assert {r.dataset for r in results} == {"counties", "townships", "units", "schools", "officers", "assignments",
                                            "calendar", "roads", "road-works", "signs", "hazards", "activities",
                                            "tracks", "vehicles", "vehicle_unavailable"}
    assert [(r.path.name, r.rows_rejected, r.exit_code) for r in results if r.exit_code] == []
    suffixes = {r.path.suffix for r in results}
    assert {".xlsx", ".csv", ".shp", ".gpx", ".geojson"} <= suffixes
    assert any(r.path.name.endswith("_GBK.csv") for r in results)


def test_schools_of_every_type_inside_their_counties(loaded):
    engine, _ = loaded
    with engine.connect() as conn:
        types = dict(conn.execute(sa.text("SELECT school_type, count(*) FROM school GROUP BY 1")).all())
    assert set(types) == set(SCHOOL_TYPES) and 250 <= sum(types.values()) <= 380
    assert scalar(engine, "SELECT count(*) FROM school s JOIN county c ON c.adcode = s.county_adcode "
                          "WHERE NOT ST_Contains(c.geom, s.geom) OR NOT ST_Contains(c.geom, s.gate_geom)") == 0
    assert 25 <= scalar(engine, "SELECT count(*) FROM police_unit WHERE unit_type = '派出所'") <= 35


def test_the_years_totals_echo_the_published_report(loaded):
    engine, _ = loaded
    with engine.connect() as conn:
        work = reports.activities(conn, *YEAR).sum(numeric_only=True)
        hazards = reports.hazard_summary(conn, *YEAR).groupby("kind")[["found", "rectified", "on_deadline"]].sum()
    assert (work.officer_times, work.vehicle_times) == (2265, 558)
    assert (work.inspections, work.legal_education, work.drills) == (17, 101, 16)
    assert (work.flyers, work.participants) == (3500, 6500)
    assert tuple(hazards.loc["campus"]) == (36, 28, 8)
    assert tuple(hazards.loc["surrounding"][["found", "rectified"]]) == (10, 7)


def test_the_gaps_the_bureau_worries_about_are_there(loaded):
    engine, _ = loaded
    with engine.connect() as conn:
        cover = reports.coverage(conn, ANCHOR)
        not_back = reports.signs_not_reinstalled(conn, ANCHOR)
        visited = conn.execute(sa.text("SELECT count(*) FILTER (WHERE seen), count(*) FILTER (WHERE NOT seen) "
                                       "FROM (SELECT bool_or(present) AS seen FROM presence GROUP BY school_code) s")
                               ).one()
    reasons = cover["gap_reason"].value_counts().to_dict()
    assert reasons.get("none_ever") == 5 and reasons.get("expired") == 4 and reasons.get("overloaded", 0) >= 1
    assert len(not_back) >= 3
    assert visited[0] >= 50 and visited[1] >= 50  # some schools seen at the peaks, some never
    assert 35 <= scalar(engine, "SELECT count(DISTINCT vehicle_id) FROM track_point") <= 45  # the GPS cars
    assert scalar(engine, "SELECT count(*) FROM vehicle WHERE unit_code IS NULL") == 0  # all in the register
    days = scalar(engine, "SELECT count(DISTINCT (ts AT TIME ZONE 'Asia/Shanghai')::date) FROM track_point")
    assert days == 20  # the weekdays of the latest four weeks
