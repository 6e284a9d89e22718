"""Patrol planning: days a vehicle is unavailable, and stored plans (header, routes, stops, uncovered schools)."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from geoalchemy2 import Geometry
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, one_of

UNCOVERED_REASONS = ("unreachable", "too_far", "no_capacity")
TZ = sa.DateTime(timezone=True)


def _plan() -> Mapped[int]:
    """The plan a row belongs to, part of its key; deleted with it."""
    return mapped_column(sa.ForeignKey("patrol_plan.plan_id", ondelete="CASCADE"), primary_key=True)


def _county() -> Mapped[str]:
    """The county a row lies in (its row-level security)."""
    return mapped_column(sa.String(6), sa.ForeignKey("county.adcode"))


class VehicleUnavailable(Base):
    """A vehicle out of service from one date to another, both included (维修, 其他勤务 …)."""

    __tablename__ = "vehicle_unavailable"
    __table_args__ = (sa.CheckConstraint("date_to >= date_from", name="dates_in_order"),)
    vehicle_id: Mapped[str] = mapped_column(sa.ForeignKey("vehicle.vehicle_id", ondelete="CASCADE"),
                                            primary_key=True)
    date_from: Mapped[dt.date] = mapped_column(primary_key=True)
    date_to: Mapped[dt.date]
    reason: Mapped[str]
    etl_run_id: Mapped[int | None] = mapped_column(sa.ForeignKey("etl_run.id"))


class PatrolPlan(Base):
    """One stored plan of one date, peak window and county (NULL: the whole prefecture)."""

    __tablename__ = "patrol_plan"
    __table_args__ = (sa.CheckConstraint("window_end > window_start", name="window_order"),
                      sa.CheckConstraint("covered BETWEEN 0 AND schools AND dwell_min > 0", name="counts"))
    plan_id: Mapped[int] = mapped_column(primary_key=True)
    made_at: Mapped[dt.datetime] = mapped_column(TZ, server_default=sa.func.now())
    made_by: Mapped[str]
    service_date: Mapped[dt.date] = mapped_column(index=True)
    window_name: Mapped[str]
    window_start: Mapped[dt.datetime] = mapped_column(TZ)
    window_end: Mapped[dt.datetime] = mapped_column(TZ)
    county_adcode: Mapped[str | None] = mapped_column(sa.String(6), sa.ForeignKey("county.adcode"))
    dwell_min: Mapped[int]
    params: Mapped[dict] = mapped_column(JSONB, server_default=sa.text("'{}'::jsonb"))
    inputs: Mapped[dict] = mapped_column(JSONB, server_default=sa.text("'{}'::jsonb"))
    schools: Mapped[int]
    covered: Mapped[int]
    prize_total: Mapped[float]
    prize_covered: Mapped[float]


class PatrolPlanRoute(Base):
    """A vehicle's route in a plan: from its unit through its stops and back."""

    __tablename__ = "patrol_plan_route"
    __table_args__ = (sa.UniqueConstraint("plan_id", "route_no"),)
    plan_id: Mapped[int] = _plan()
    vehicle_id: Mapped[str] = mapped_column(sa.ForeignKey("vehicle.vehicle_id"), primary_key=True)
    unit_code: Mapped[str] = mapped_column(sa.ForeignKey("police_unit.unit_code"))
    county_adcode: Mapped[str] = _county()
    route_no: Mapped[int]
    travel_s: Mapped[int]
    geom = mapped_column(Geometry("MULTILINESTRING", srid=4326, spatial_index=False), nullable=True)


class PatrolPlanStop(Base):
    """A planned stop at a school's gate: arrive, dwell, depart, wholly inside the window."""

    __tablename__ = "patrol_plan_stop"
    __table_args__ = (sa.ForeignKeyConstraint(["plan_id", "vehicle_id"],
                                              ["patrol_plan_route.plan_id", "patrol_plan_route.vehicle_id"],
                                              ondelete="CASCADE"),
                      sa.UniqueConstraint("plan_id", "school_code"),
                      sa.CheckConstraint("depart >= arrive AND seq >= 1", name="order"))
    plan_id: Mapped[int] = mapped_column(primary_key=True)
    vehicle_id: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    seq: Mapped[int] = mapped_column(primary_key=True)
    school_code: Mapped[str] = mapped_column(sa.ForeignKey("school.school_code"))
    county_adcode: Mapped[str] = _county()
    arrive: Mapped[dt.datetime] = mapped_column(TZ)
    depart: Mapped[dt.datetime] = mapped_column(TZ)
    travel_s: Mapped[int]
    priority: Mapped[float]
    priority_parts: Mapped[dict | None] = mapped_column(JSONB)


class PatrolPlanUncovered(Base):
    """A school of the plan's scope that no vehicle stops at, and why."""

    __tablename__ = "patrol_plan_uncovered"
    __table_args__ = (one_of("reason", UNCOVERED_REASONS),)
    plan_id: Mapped[int] = _plan()
    school_code: Mapped[str] = mapped_column(sa.ForeignKey("school.school_code"), primary_key=True)
    county_adcode: Mapped[str] = _county()
    reason: Mapped[str]
    priority: Mapped[float]
    priority_parts: Mapped[dict | None] = mapped_column(JSONB)
    detail: Mapped[str | None]


class PatrolPlanCheck(Base):
    """A planned stop checked against the GPS: kept (late or not), or missed, and who else kept it."""

    __tablename__ = "patrol_plan_check"
    __table_args__ = (sa.ForeignKeyConstraint(["plan_id", "vehicle_id", "seq"],
                                              ["patrol_plan_stop.plan_id", "patrol_plan_stop.vehicle_id",
                                               "patrol_plan_stop.seq"], ondelete="CASCADE"),
                      sa.CheckConstraint("kept OR NOT late", name="late_is_kept"))
    plan_id: Mapped[int] = mapped_column(primary_key=True)
    vehicle_id: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    seq: Mapped[int] = mapped_column(primary_key=True)
    school_code: Mapped[str] = mapped_column(sa.String(20))
    county_adcode: Mapped[str] = _county()
    kept: Mapped[bool]
    late: Mapped[bool]
    inside_min: Mapped[float]
    first_seen: Mapped[dt.datetime | None] = mapped_column(TZ)
    kept_by: Mapped[list[str]] = mapped_column(sa.ARRAY(sa.String()))
    radius_m: Mapped[float]
    kept_min: Mapped[float]
    checked_at: Mapped[dt.datetime] = mapped_column(TZ, server_default=sa.func.now())
