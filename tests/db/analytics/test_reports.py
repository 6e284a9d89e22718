"""Coverage, four-100%, hazards and work totals against hand-worked answers."""

import datetime as dt

import pandas as pd
import sqlalchemy as sa

from db.analytics import reports
from db.settings import Settings

ON = dt.date(2026, 10, 1)


def assign(engine, rows):
    with engine.begin() as conn:
        for school, badge, role, start, end in rows:
            conn.execute(sa.text("INSERT INTO liaison_assignment (school_code, badge_no, role, valid_from, valid_to) "
                                 "VALUES (:s, :b, :r, :f, :t)"), {"s": school, "b": badge, "r": role, "f": start,
                                                                  "t": end})


def test_coverage_and_its_gap_reasons(town):
    assign(town, [("S1", "O1", "挂钩民警", dt.date(2026, 9, 1), None),
                  ("S2", "O1", "挂钩民警", dt.date(2025, 9, 1), dt.date(2026, 6, 30)),
                  ("S4", "O2", "挂钩民警", dt.date(2026, 9, 1), dt.date(2026, 12, 31)),
                  ("S3", "O3", "护学岗", dt.date(2026, 9, 1), None),
                  ("S5", "O2", "挂钩民警", dt.date(2026, 9, 1), None)])
    with town.connect() as conn:
        cov = reports.coverage(conn, ON).set_index("school_code")
    assert cov["covered"].to_dict() == {"S1": True, "S2": False, "S3": False, "S4": True, "S5": True}
    assert cov["gap_reason"].fillna("").to_dict() == {"S1": "", "S2": "expired", "S3": "none_ever", "S4": "",
                                                      "S5": "unit_far"}  # O2's unit is in Fugong, ~118 km from S5
    assert cov.loc["S2", "expired_on"] == dt.date(2026, 6, 30)
    assert cov.loc["S5", "officers"] == ["O2"]


def test_an_officer_with_too_many_schools_is_overloaded(town):
    assign(town, [("S1", "O1", "挂钩民警", dt.date(2026, 9, 1), None),
                  ("S2", "O1", "挂钩民警", dt.date(2026, 9, 1), None),
                  ("S2", "O3", "挂钩民警", dt.date(2026, 9, 1), None)])
    with town.connect() as conn:
        cov = reports.coverage(conn, ON, settings=Settings(liaison_max_schools=1)).set_index("school_code")
    assert cov.loc["S1", "gap_reason"] == "overloaded"
    assert pd.isna(cov.loc["S2", "gap_reason"])  # O3 has only S2
    assert reports.coverage(town.connect(), ON, counties=["533323"])["school_code"].tolist() == ["S4"]


def test_four100_flags_and_county_rates(town):
    with town.connect() as conn:
        schools = reports.four100(conn)
    rates = reports.four100_rates(schools).set_index("county_adcode")
    assert schools.set_index("school_code")["all_four"].to_dict() == {
        "S1": True, "S2": False, "S3": False, "S4": True, "S5": False}
    assert rates.loc["533301", "schools"] == 4 and rates.loc["533301", "all_four"] == 0.25
    assert rates.loc["533301", "closed_management"] == 0.5  # S3 unknown counts as not met
    assert rates.loc["533323", "all_four"] == 1.0


def hazard(conn, hid, kind, status, found, deadline=None, rectified=None, county="533301"):
    conn.execute(sa.text(
        "INSERT INTO hazard (hazard_id, kind, category, county_adcode, found_on, status, deadline, rectified_on, geom) "
        "VALUES (:h, :k, '消防', :c, :f, :s, :d, :r, ST_SetSRID(ST_MakePoint(98.857, 25.851), 4326))"),
        {"h": hid, "k": kind, "c": county, "f": found, "s": status, "d": deadline, "r": rectified})


def test_hazards_found_rectified_on_deadline_overdue(town):
    d = dt.date
    with town.begin() as conn:
        hazard(conn, "H1", "campus", "rectified", d(2026, 9, 3), d(2026, 9, 30), d(2026, 9, 20))
        hazard(conn, "H2", "campus", "deadline", d(2026, 9, 5), d(2026, 9, 25))  # overdue on 10-01
        hazard(conn, "H3", "campus", "deadline", d(2026, 9, 6), d(2026, 10, 30))
        hazard(conn, "H4", "surrounding", "open", d(2026, 9, 7))
        hazard(conn, "H5", "campus", "rectified", d(2026, 9, 8), d(2026, 9, 20), d(2026, 10, 5))  # late fix
        hazard(conn, "H6", "campus", "open", d(2026, 8, 1))  # before the period
    with town.connect() as conn:
        summary = reports.hazard_summary(conn, d(2026, 9, 1), d(2026, 9, 30), as_of=ON, counties=["533301"])
        listed = reports.hazards(conn, d(2026, 9, 1), d(2026, 9, 30), as_of=ON)
    campus = summary.set_index("kind").loc["campus"]
    assert (campus.found, campus.rectified, campus.on_deadline, campus.open, campus.overdue) == (4, 1, 3, 0, 2)
    assert float(campus.rectification_rate) == 0.25
    assert summary.set_index("kind").loc["surrounding"].open == 1
    assert listed.set_index("hazard_id")["overdue"].to_dict() == {
        "H1": False, "H2": True, "H3": False, "H4": False, "H5": True}


def test_work_totals_per_county(town):
    with town.begin() as conn:
        for aid, kind, county, officers, vehicles, people, flyers in [
                ("A1", "deployment", "533301", 12, 3, 0, 0), ("A2", "deployment", "533301", 8, 2, 0, 0),
                ("A3", "legal_education", "533301", 2, 0, 300, 200), ("A4", "drill", "533323", 5, 1, 450, 0),
                ("A5", "inspection", "533301", 3, 1, 0, 0), ("A6", "flyers", "533301", 1, 0, 0, 500)]:
            conn.execute(sa.text(
                "INSERT INTO activity (activity_id, kind, held_on, county_adcode, officers, vehicles, participants, "
                "materials) VALUES (:a, :k, DATE '2026-09-10', :c, :o, :v, :p, :m)"),
                {"a": aid, "k": kind, "c": county, "o": officers, "v": vehicles, "p": people, "m": flyers})
    with town.connect() as conn:
        totals = reports.activities(conn, dt.date(2026, 9, 1), dt.date(2026, 9, 30)).set_index("county_adcode")
    lushui = totals.loc["533301"]
    assert (lushui.officer_times, lushui.vehicle_times, lushui.deployments) == (20, 5, 2)
    assert (lushui.inspections, lushui.legal_education, lushui.drills, lushui.flyers, lushui.participants) == (
        1, 1, 0, 700, 300)
    assert totals.loc["533323"].drills == 1 and totals.loc["533324"].officer_times == 0
