"""What happens on the ground: patrol tracks, hazards, roads and works, signs, activities."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from geoalchemy2 import Geometry
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import ACTIVITY_KINDS, HAZARD_KINDS, HAZARD_STATUSES, Base, one_of, point

SIGN_STATUSES = ("present", "missing", "damaged")
SIGN_KINDS = ("speed_limit_30", "school_zone", "speed_bump", "no_honking")


class Vehicle(Base):
    """A patrol vehicle or GPS terminal; `auto_registered` marks one first seen in a track file."""

    __tablename__ = "vehicle"
    vehicle_id: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    plate: Mapped[str | None]
    unit_code: Mapped[str | None] = mapped_column(sa.ForeignKey("police_unit.unit_code"))
    auto_registered: Mapped[bool] = mapped_column(server_default=sa.false())
    etl_run_id: Mapped[int | None] = mapped_column(sa.ForeignKey("etl_run.id"))
    vehicle_type: Mapped[str | None]
    in_service: Mapped[bool] = mapped_column(server_default=sa.true())


class TrackPoint(Base):
    """One GPS fix; range-partitioned by time, a (vehicle, ts) pair stored once."""

    __tablename__ = "track_point"
    __table_args__ = {"postgresql_partition_by": "RANGE (ts)"}
    vehicle_id: Mapped[str] = mapped_column(sa.ForeignKey("vehicle.vehicle_id"), primary_key=True)
    ts: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), primary_key=True)
    geom = mapped_column(Geometry("POINT", srid=4326, spatial_index=False), nullable=False)  # no GiST: 0009
    speed_kmh: Mapped[float | None] = mapped_column(sa.REAL)
    heading: Mapped[float | None] = mapped_column(sa.REAL)


class Hazard(Base):
    """A campus hazard or a disorder spot around a school, with its rectification state."""

    __tablename__ = "hazard"
    __table_args__ = (one_of("kind", HAZARD_KINDS), one_of("status", HAZARD_STATUSES),
                      sa.CheckConstraint("(status <> 'rectified' OR rectified_on IS NOT NULL) AND "
                                         "(status <> 'deadline' OR deadline IS NOT NULL) AND "
                                         "(rectified_on IS NULL OR rectified_on >= found_on)",
                                         name="dates_consistent"))
    hazard_id: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    kind: Mapped[str]
    category: Mapped[str]
    description: Mapped[str | None]
    school_code: Mapped[str | None] = mapped_column(sa.ForeignKey("school.school_code"))
    county_adcode: Mapped[str] = mapped_column(sa.ForeignKey("county.adcode"), index=True)
    found_on: Mapped[dt.date]
    status: Mapped[str]
    deadline: Mapped[dt.date | None]
    rectified_on: Mapped[dt.date | None]
    temporary_measure: Mapped[str | None]  # 临时措施 while it cannot be fixed (said in the 专报 list)
    geom = mapped_column(point(), nullable=False)
    source_crs: Mapped[str] = mapped_column(server_default="EPSG:4326")
    etl_run_id: Mapped[int | None] = mapped_column(sa.ForeignKey("etl_run.id"))


class Road(Base):
    """A road segment signs and works are measured along."""

    __tablename__ = "road"
    __table_args__ = (  # the gates' nearest roads are found in UTM 47N (migration 0020)
        sa.Index("ix_road_geom_utm", sa.text("st_transform(geom, 32647)"), postgresql_using="gist"),)
    road_id: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    name: Mapped[str | None]
    road_class: Mapped[str | None]
    county_adcode: Mapped[str | None] = mapped_column(sa.ForeignKey("county.adcode"))
    geom = mapped_column(Geometry("MULTILINESTRING", srid=4326, spatial_index=True), nullable=False)
    source_crs: Mapped[str] = mapped_column(server_default="EPSG:4326")
    etl_run_id: Mapped[int | None] = mapped_column(sa.ForeignKey("etl_run.id"))


class RoadWork(Base):
    """Works on a road between two dates, after which signs must be put back."""

    __tablename__ = "road_work"
    __table_args__ = (sa.CheckConstraint("finished_on IS NULL OR finished_on >= started_on", name="dates_in_order"),)
    work_id: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    road_id: Mapped[str | None] = mapped_column(sa.ForeignKey("road.road_id"))
    description: Mapped[str | None]
    started_on: Mapped[dt.date]
    finished_on: Mapped[dt.date | None]
    geom = mapped_column(Geometry("MULTILINESTRING", srid=4326, spatial_index=True))
    source_crs: Mapped[str] = mapped_column(server_default="EPSG:4326")
    etl_run_id: Mapped[int | None] = mapped_column(sa.ForeignKey("etl_run.id"))


class TrafficSign(Base):
    """One survey observation of a traffic sign: its kind, status and place on that day."""

    __tablename__ = "traffic_sign"
    __table_args__ = (one_of("status", SIGN_STATUSES), one_of("kind", SIGN_KINDS),
                      sa.UniqueConstraint("sign_code", "surveyed_on"))
    id: Mapped[int] = mapped_column(primary_key=True)
    sign_code: Mapped[str] = mapped_column(sa.String(40))
    kind: Mapped[str]
    status: Mapped[str]
    surveyed_on: Mapped[dt.date]
    road_id: Mapped[str | None] = mapped_column(sa.ForeignKey("road.road_id"))
    geom = mapped_column(point(), nullable=False)
    source_crs: Mapped[str] = mapped_column(server_default="EPSG:4326")
    etl_run_id: Mapped[int | None] = mapped_column(sa.ForeignKey("etl_run.id"))


class Activity(Base):
    """Police work on a day: deployments, inspections, legal education, drills, flyers."""

    __tablename__ = "activity"
    __table_args__ = (one_of("kind", ACTIVITY_KINDS),)
    activity_id: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    kind: Mapped[str]
    held_on: Mapped[dt.date]
    county_adcode: Mapped[str] = mapped_column(sa.ForeignKey("county.adcode"), index=True)
    school_code: Mapped[str | None] = mapped_column(sa.ForeignKey("school.school_code"))
    officers: Mapped[int] = mapped_column(server_default="0")
    vehicles: Mapped[int] = mapped_column(server_default="0")
    participants: Mapped[int] = mapped_column(server_default="0")
    materials: Mapped[int] = mapped_column(server_default="0")
    note: Mapped[str | None]
    etl_run_id: Mapped[int | None] = mapped_column(sa.ForeignKey("etl_run.id"))
