"""Who and where: counties, schools, police units, officers and liaison assignments."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from geoalchemy2 import Geometry
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import ROLES, SCHOOL_TYPES, Base, one_of, point


class County(Base):
    """A county-level division with its boundary."""

    __tablename__ = "county"
    adcode: Mapped[str] = mapped_column(sa.String(6), primary_key=True)
    name_zh: Mapped[str]
    name_en: Mapped[str]
    geom = mapped_column(Geometry("MULTIPOLYGON", srid=4326, spatial_index=True), nullable=False)


class School(Base):
    """A school or kindergarten; presence and signs are measured from its main gate."""

    __tablename__ = "school"
    __table_args__ = (one_of("school_type", SCHOOL_TYPES),)
    school_code: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    name: Mapped[str]
    school_type: Mapped[str]
    county_adcode: Mapped[str] = mapped_column(sa.ForeignKey("county.adcode"), index=True)
    township: Mapped[str | None]
    address: Mapped[str | None]
    pupils: Mapped[int | None]
    staff: Mapped[int | None]
    geom = mapped_column(point(), nullable=False)
    gate_geom = mapped_column(point(), nullable=False)
    gate_utm = mapped_column(Geometry("POINT", srid=32647, spatial_index=True),
                             sa.Computed("ST_Transform(gate_geom, 32647)", persisted=True))
    full_time_guard: Mapped[bool | None]
    closed_management: Mapped[bool | None]
    alarm_video_linked: Mapped[bool | None]
    guard_post: Mapped[bool | None]
    source_crs: Mapped[str] = mapped_column(server_default="EPSG:4326")
    etl_run_id: Mapped[int | None] = mapped_column(sa.ForeignKey("etl_run.id"))


class PoliceUnit(Base):
    """A police station (派出所), brigade (大队) or bureau."""

    __tablename__ = "police_unit"
    unit_code: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    name: Mapped[str]
    unit_type: Mapped[str]
    county_adcode: Mapped[str] = mapped_column(sa.ForeignKey("county.adcode"), index=True)
    address: Mapped[str | None]
    geom = mapped_column(point(), nullable=False)
    source_crs: Mapped[str] = mapped_column(server_default="EPSG:4326")
    etl_run_id: Mapped[int | None] = mapped_column(sa.ForeignKey("etl_run.id"))


class Officer(Base):
    """A police officer, keyed by badge number (警号); name and phone are personal data."""

    __tablename__ = "officer"
    badge_no: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    name: Mapped[str]
    unit_code: Mapped[str | None] = mapped_column(sa.ForeignKey("police_unit.unit_code"))
    rank: Mapped[str | None]
    phone: Mapped[str | None]
    etl_run_id: Mapped[int | None] = mapped_column(sa.ForeignKey("etl_run.id"))


class LiaisonAssignment(Base):
    """An officer assigned to a school in a role for a period."""

    __tablename__ = "liaison_assignment"
    __table_args__ = (one_of("role", ROLES),
                      sa.UniqueConstraint("school_code", "badge_no", "role", "valid_from"),
                      sa.CheckConstraint("valid_to IS NULL OR valid_to >= valid_from", name="dates_in_order"))
    id: Mapped[int] = mapped_column(primary_key=True)
    school_code: Mapped[str] = mapped_column(sa.ForeignKey("school.school_code"), index=True)
    badge_no: Mapped[str] = mapped_column(sa.ForeignKey("officer.badge_no"), index=True)
    role: Mapped[str]
    valid_from: Mapped[dt.date]
    valid_to: Mapped[dt.date | None]
    etl_run_id: Mapped[int | None] = mapped_column(sa.ForeignKey("etl_run.id"))
