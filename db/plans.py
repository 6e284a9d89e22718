"""Stored patrol plans: plain records of what a plan is, saved in one transaction and read back as GeoDataFrames."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any

import geopandas as gpd
import shapely
import sqlalchemy as sa
from shapely.geometry.base import BaseGeometry

from db.analytics import plan_check
from db.sql import query


@dataclass(frozen=True)
class PlanHeader:
    """A plan of one date × window × county (None: the whole prefecture); plan_id and made_at once stored."""

    made_by: str
    service_date: dt.date
    window_name: str
    window_start: dt.datetime
    window_end: dt.datetime
    county_adcode: str | None
    dwell_min: int
    schools: int
    covered: int
    prize_total: float
    prize_covered: float
    params: dict[str, Any] = field(default_factory=dict)  # solver, time limit, lead …
    inputs: dict[str, Any] = field(default_factory=dict)  # counts: schools in scope, vehicles, posts manned …
    plan_id: int | None = None
    made_at: dt.datetime | None = None


@dataclass(frozen=True)
class RouteRow:
    """One vehicle's route: from its unit, travel seconds in all, the line when drawn."""

    vehicle_id: str
    unit_code: str
    county_adcode: str
    route_no: int
    travel_s: int
    geom: BaseGeometry | None = None  # LineString or MultiLineString, WGS-84


@dataclass(frozen=True)
class StopRow:
    """A stop at a school's gate: seq from 1 along the vehicle's route, travel seconds from the place before."""

    vehicle_id: str
    seq: int
    school_code: str
    county_adcode: str
    arrive: dt.datetime
    depart: dt.datetime
    travel_s: int
    priority: float
    priority_parts: dict[str, Any] | None = None


@dataclass(frozen=True)
class UncoveredRow:
    """A school of the scope no vehicle stops at: unreachable, too_far or no_capacity."""

    school_code: str
    county_adcode: str
    reason: str
    priority: float
    priority_parts: dict[str, Any] | None = None
    detail: str | None = None


@dataclass(frozen=True)
class StoredPlan:
    """A plan read back: its header, and routes, stops (at the gates) and uncovered schools as GeoDataFrames."""

    header: PlanHeader
    routes: gpd.GeoDataFrame
    stops: gpd.GeoDataFrame
    uncovered: gpd.GeoDataFrame


def _json(value: dict[str, Any] | None) -> str | None:
    """A dict as JSON text for a jsonb parameter."""
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _params(row: Any, plan_id: int | None) -> dict[str, Any]:
    """A record's bind parameters: JSON as text, a geometry as WKB."""
    values = {f.name: getattr(row, f.name) for f in fields(row)} | {"plan_id": plan_id}
    for name in ("priority_parts", "params", "inputs"):
        if name in values:
            values[name] = _json(values[name])
    if "geom" in values:
        values["geom"] = None if values["geom"] is None else shapely.to_wkb(values["geom"])
    return values


def save_plan(conn: sa.Connection, header: PlanHeader, routes: Sequence[RouteRow], stops: Sequence[StopRow],
              uncovered: Sequence[UncoveredRow]) -> int:
    """Store a plan and its rows, and check it, in one transaction (a savepoint inside the caller's): all or nothing."""
    with conn.begin_nested() if conn.in_transaction() else conn.begin():
        head = _params(header, None)
        head.pop("made_at")
        plan_id = conn.execute(query("plan_insert"), head).scalar_one()
        for name, rows in (("plan_insert_route", routes), ("plan_insert_stop", stops),
                           ("plan_insert_uncovered", uncovered)):
            if rows:
                conn.execute(query(name), [_params(r, plan_id) for r in rows])
        plan_check.refresh_plans(conn, [plan_id], fresh=True)  # a plan of a past window is checked at once
    return plan_id


def _header(row: sa.RowMapping) -> PlanHeader:
    """A header row as a PlanHeader."""
    return PlanHeader(**{f.name: row[f.name] for f in fields(PlanHeader)})


def plans(conn: sa.Connection, on: dt.date | None = None, counties: Sequence[str] | None = None) -> list[PlanHeader]:
    """Stored plans newest first, of a date (None: any) for counties (None: all; else theirs and the prefecture's)."""
    found = conn.execute(query("plan_list"), {"on": on, "counties": None if counties is None else list(counties)})
    return [_header(row) for row in found.mappings()]


def header(conn: sa.Connection, plan_id: int) -> PlanHeader | None:
    """A stored plan's header; None when missing (or not visible)."""
    row = conn.execute(query("plan_header"), {"plan_id": plan_id}).mappings().first()
    return None if row is None else _header(row)


def read_plan(conn: sa.Connection, plan_id: int) -> StoredPlan | None:
    """A stored plan with its routes, stops and uncovered schools; None when missing (or not visible)."""
    row = conn.execute(query("plan_header"), {"plan_id": plan_id}).mappings().first()
    if row is None:
        return None
    frames = [gpd.read_postgis(query(name), conn, geom_col="geom", params={"plan_id": plan_id}, crs=4326)
              for name in ("plan_routes", "plan_stops", "plan_uncovered")]
    return StoredPlan(_header(row), *frames)

