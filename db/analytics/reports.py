"""Figures by period and county: liaison coverage, four-100%, hazards, work totals — as DataFrames."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import sqlalchemy as sa

from db import clock
from db.settings import Settings, get_settings
from db.sql import query


def frame(conn: sa.Connection, name: str, **params: object) -> pd.DataFrame:
    """Run the named query and return its rows as a DataFrame (columns even when empty)."""
    result = conn.execute(query(name), params)
    # as plain tuples: pandas asks each Row for a dtype first, which costs 8 µs a row
    return pd.DataFrame([tuple(row) for row in result.fetchall()], columns=list(result.keys()))


def coverage(conn: sa.Connection, on: dt.date, counties: list[str] | None = None,
             settings: Settings | None = None) -> pd.DataFrame:
    """Liaison coverage of every school on a date, with the gap reason."""
    settings = settings or get_settings()
    return frame(conn, "coverage", on=on, counties=counties, max_schools=settings.liaison_max_schools,
                 max_unit_m=settings.liaison_max_unit_km * 1000)


def four100(conn: sa.Connection, counties: list[str] | None = None, as_of: dt.date | None = None) -> pd.DataFrame:
    """The four-100% flags of every school on as_of (default: Nujiang's today), from the dated history."""
    return frame(conn, "four100", counties=counties, as_of=as_of or clock.today())


def four100_changes(conn: sa.Connection, date_from: dt.date, date_to: dt.date,
                    counties: list[str] | None = None) -> pd.DataFrame:
    """Per county and flag, the schools that newly met or lost it between the day before date_from and date_to."""
    return frame(conn, "four100_changes", date_from=date_from, date_to=date_to, counties=counties)


def four100_rates(schools: pd.DataFrame) -> pd.DataFrame:
    """Share of schools meeting each target, per county (from the `four100` frame)."""
    flags = ["full_time_guard", "closed_management", "alarm_video_linked", "guard_post", "all_four"]
    grouped = schools.groupby(["county_adcode", "county_zh", "county_en"], as_index=False)
    rates = grouped[flags].mean().round(4)
    return rates.merge(grouped.size().rename(columns={"size": "schools"}))


def hazards(conn: sa.Connection, date_from: dt.date, date_to: dt.date, as_of: dt.date | None = None,
            counties: list[str] | None = None) -> pd.DataFrame:
    """Every hazard found in the period with its state on as_of (default: date_to)."""
    return frame(conn, "hazard_list", date_from=date_from, date_to=date_to, as_of=as_of or date_to,
                 counties=counties)


def hazard_summary(conn: sa.Connection, date_from: dt.date, date_to: dt.date, as_of: dt.date | None = None,
                   counties: list[str] | None = None) -> pd.DataFrame:
    """Found, rectified, on deadline, open and overdue hazards per county and kind."""
    return frame(conn, "hazard_summary", date_from=date_from, date_to=date_to, as_of=as_of or date_to,
                 counties=counties)


def activities(conn: sa.Connection, date_from: dt.date, date_to: dt.date,
               counties: list[str] | None = None) -> pd.DataFrame:
    """Police work per county in the period: person-times, vehicle-times, sessions, flyers, people."""
    return frame(conn, "activity_totals", date_from=date_from, date_to=date_to, counties=counties)


def sign_status(conn: sa.Connection, as_of: dt.date, counties: list[str] | None = None,
                settings: Settings | None = None) -> pd.DataFrame:
    """Each required sign kind of each school near a road, with its latest survey status."""
    settings = settings or get_settings()
    return frame(conn, "sign_status", as_of=as_of, counties=counties, near_m=settings.road_near_m,
                 along_m=settings.sign_along_m)


def signs_not_reinstalled(conn: sa.Connection, as_of: dt.date, counties: list[str] | None = None,
                          settings: Settings | None = None) -> pd.DataFrame:
    """Signs present before a finished road work on their road and not surveyed present since."""
    settings = settings or get_settings()
    return frame(conn, "signs_not_reinstalled", as_of=as_of, counties=counties, near_m=settings.road_near_m,
                 along_m=settings.sign_along_m)
