"""What a plan is made from, read from the database: the window, the schools with their priority parts, the vehicles."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pandas as pd
import sqlalchemy as sa

from db.analytics import backlog, presence, reports
from db.errors import PlanError
from db.routing.network import network_size
from db.settings import Settings

PRESENCE_DAYS = 28  # the recent presence a priority looks back on


@dataclass(frozen=True)
class Scope:
    """One plan's question: a date, a named peak window, counties (None: the whole prefecture), the dwell."""

    on: dt.date
    window: str
    counties: tuple[str, ...] | None
    dwell_min: int

    @property
    def county_arg(self) -> list[str] | None:
        """The counties as the queries bind them."""
        return list(self.counties) if self.counties else None


@dataclass(frozen=True)
class Inputs:
    """The schools in scope (with gate, post, priority parts), the vehicles that may drive, those left out."""

    scope: Scope
    window_start: dt.datetime
    window_end: dt.datetime
    schools: pd.DataFrame
    vehicles: pd.DataFrame
    left_out: pd.DataFrame


def window_of(scope: Scope, settings: Settings) -> tuple[dt.datetime, dt.datetime]:
    """The window's start and end on the date, in Nujiang time."""
    if scope.window not in settings.peak_windows:
        raise PlanError("unknown_window", window=scope.window, choices="、".join(settings.peak_windows))
    start, end = (dt.time.fromisoformat(x) for x in settings.peak_windows[scope.window])
    zone = ZoneInfo(settings.timezone)
    return dt.datetime.combine(scope.on, start, zone), dt.datetime.combine(scope.on, end, zone)


def school_parts(conn: sa.Connection, scope: Scope, settings: Settings) -> pd.DataFrame:
    """The schools in scope with open surrounding-disorder hazards, missing required signs and recent presence."""
    k = scope.county_arg
    schools = reports.frame(conn, "plan_schools", on=scope.on, counties=k)
    owed = backlog.open_hazards(conn, scope.on, k)
    disorder = owed[owed["kind"] == "surrounding"].groupby("school_code").size() if len(owed) else pd.Series()
    signs = reports.sign_status(conn, scope.on, k, settings)
    missing = (signs[signs["missing"].astype(bool)].groupby("school_code").size() if len(signs) else pd.Series())
    rate = reports.frame(conn, "plan_presence_rate", on=scope.on, days=PRESENCE_DAYS, window=scope.window, counties=k)
    rates = dict(zip(rate["school_code"], rate["rate"].astype(float), strict=True)) if len(rate) else {}
    return schools.assign(
        open_disorder=schools["school_code"].map(disorder).fillna(0).astype(int),
        missing_signs=schools["school_code"].map(missing).fillna(0).astype(int),
        presence_rate=schools["school_code"].map(lambda c: rates.get(c)))


def read_inputs(conn: sa.Connection, scope: Scope, settings: Settings, need_vehicles: bool = True) -> Inputs:
    """Everything the plan needs, or a PlanError saying what is missing (sizing may go without vehicles)."""
    start, end = window_of(scope, settings)
    where = "、".join(scope.counties) if scope.counties else "全州"
    if not presence.school_days(conn, scope.on, scope.on):
        raise PlanError("not_school_day", date=scope.on.isoformat())
    if network_size(conn).edges == 0:
        raise PlanError("no_roads")
    schools = school_parts(conn, scope, settings)
    if schools.empty:
        raise PlanError("no_schools", scope=where)
    vehicles = reports.frame(conn, "plan_vehicles", on=scope.on, counties=scope.county_arg)
    left_out = reports.frame(conn, "plan_vehicle_problems", on=scope.on, counties=scope.county_arg)
    if vehicles.empty and need_vehicles:
        unplaced = left_out[left_out["problem"] == "unit_without_position"] if len(left_out) else left_out
        if len(unplaced):
            raise PlanError("unit_without_position", units="、".join(sorted(set(unplaced["unit_code"]))))
        raise PlanError("no_vehicles", scope=where, date=scope.on.isoformat())
    return Inputs(scope, start, end, schools, vehicles, left_out)
