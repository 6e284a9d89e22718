"""The weekly rota (一周轮巡): a plan for each school day of seven days, turning to the schools not visited lately.

Each school day of the seven from ``first`` (db.analytics.presence.school_days: weekends, holidays and make-up
workdays from the calendar) gets a stored plan like any other (patrol/plan.make_plan, params
``{"rota": {"from": first, "day": i, "cap": CAP}}``), made in day order with the gate's prize weighted:

    rota prize = prize × min(days since the school's last planned stop in this rota, CAP);  never planned: × CAP

counting days as school days of the rota (the day before is 1). A stop yesterday keeps its plain prize, one not
visited yet is worth CAP times as much, so the week reaches as many different schools as the vehicles allow.
The stored priority is the rota prize; its parts hold the plain parts plus ``rota`` = prize × (factor − 1).
With ``cap=1`` every factor is 1: seven independent daily plans (the bench compares the two).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa

from db.analytics import presence, reports
from db.errors import PlanError
from db.plans import StoredPlan, read_plan
from db.settings import Settings
from patrol.inputs import Scope
from patrol.plan import DEFAULT_SOLVER, DEFAULT_TIME_LIMIT_S, Made, make_plan

CAP = 5  # a school week: a school not visited for five school days counts as one never visited
DAYS = 7


@dataclass(frozen=True)
class Week:
    """A rota made: its plans by day, distinct schools covered on some day, schools reachable on some day."""

    first: dt.date
    days: tuple[Made, ...]
    distinct_covered: int
    reachable: int


@dataclass(frozen=True)
class StoredWeek:
    """A rota read back: its plans in day order and the cells of the school × day grid (grid() pivots them)."""

    first: dt.date
    plans: tuple[StoredPlan, ...]
    cells: pd.DataFrame  # date, plan_id, school_code, school_name, county_adcode, covered_by, vehicle_id, reason

    def grid(self) -> pd.DataFrame:
        """School × date: the vehicle that stops there, "post" for a manned 护学岗, else the uncovered reason."""
        cell = self.cells["vehicle_id"].fillna(self.cells["covered_by"]).fillna(self.cells["reason"])
        return (self.cells.assign(cell=cell)
                .pivot_table(index=["school_code", "school_name"], columns="date", values="cell", aggfunc="first"))


def factor(since: int | None, cap: int = CAP) -> int:
    """The rota's weight of a school last planned `since` school days ago (None: never in this rota)."""
    return cap if since is None else max(1, min(since, cap))


def weigh(last: Mapping[str, int], day: int, cap: int = CAP) -> Callable[[pd.DataFrame], pd.DataFrame]:
    """The make_plan hook of rota day `day`, given each school's last rota day with a planned stop."""

    def turn(schools: pd.DataFrame) -> pd.DataFrame:
        f = [factor(day - last[c] if c in last else None, cap) for c in schools["school_code"]]
        prize = [int(p) * k for p, k in zip(schools["prize"], f, strict=True)]
        parts = [{**parts, "rota": int(p) * (k - 1)} for parts, p, k in zip(schools["parts"], schools["prize"], f,
                                                                              strict=True)]
        return schools.assign(prize=prize, parts=parts)

    return turn


def make_week(conn: sa.Connection, first: dt.date, window: str, counties: tuple[str, ...] | None, dwell_min: int,
              made_by: str, settings: Settings, solver: str = DEFAULT_SOLVER,
              time_limit_s: float = DEFAULT_TIME_LIMIT_S, cap: int = CAP) -> Week:
    """Make and store the rota's plans in the caller's transaction; PlanError when the seven days have no school."""
    days = presence.school_days(conn, first, first + dt.timedelta(days=DAYS - 1))
    if not days:
        raise PlanError("no_school_days", first=first.isoformat(),
                        last=(first + dt.timedelta(days=DAYS - 1)).isoformat())
    last: dict[str, int] = {}
    made, covered, reachable = [], set(), set()
    for i, on in enumerate(days):
        day = make_plan(conn, Scope(on, window, counties, dwell_min), made_by, settings, solver, time_limit_s,
                        weigh=weigh(last, i, cap), params={"rota": {"from": first.isoformat(), "day": i, "cap": cap}})
        posts = set(day.inputs.schools.loc[day.inputs.schools["post_manned"].astype(bool), "school_code"])
        last.update(dict.fromkeys(day.solution.covered, i))
        covered |= posts | set(day.solution.covered)
        reachable |= posts | set(day.solution.covered) | {u.school_code for u in day.solution.uncovered
                                                          if u.reason == "no_capacity"}
        made.append(day)
    return Week(first, tuple(made), len(covered), len(reachable))


def read_week(conn: sa.Connection, first: dt.date, window: str, county: str | None) -> StoredWeek:
    """The newest stored rota from `first` for the window and county (None: the whole prefecture)."""
    found = reports.frame(conn, "plan_rota", first=first.isoformat(), window=window, county=county)
    stored = tuple(p for p in (read_plan(conn, int(i)) for i in found["plan_id"]) if p is not None)
    rows = []
    for plan in stored:
        on, pid = plan.header.service_date, plan.header.plan_id
        rows += [(on, pid, s.school_code, s.school_name, s.county_adcode, "vehicle", s.vehicle_id, None)
                 for s in plan.stops.itertuples()]
        rows += [(on, pid, u.school_code, u.school_name, u.county_adcode, None, None, u.reason)
                 for u in plan.uncovered.itertuples()]
        posts = reports.frame(conn, "plan_school_names", codes=list(plan.header.inputs.get("post_schools", [])))
        rows += [(on, pid, p.school_code, p.school_name, p.county_adcode, "post", None, None)
                 for p in posts.itertuples()]
    cells = pd.DataFrame(rows, columns=["date", "plan_id", "school_code", "school_name", "county_adcode",
                                        "covered_by", "vehicle_id", "reason"])
    return StoredWeek(first, stored, cells.sort_values(["school_code", "date"], ignore_index=True))
