"""Derived tables the analytics refresh and the dashboard reads; never written by the ETL."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from geoalchemy2 import Geometry
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class Presence(Base):
    """Whether a patrol was within R metres of a school's gate in a peak window of a school day."""

    __tablename__ = "presence"
    school_code: Mapped[str] = mapped_column(sa.ForeignKey("school.school_code", ondelete="CASCADE"),
                                             primary_key=True)
    day: Mapped[dt.date] = mapped_column(primary_key=True, index=True)
    window_name: Mapped[str] = mapped_column(primary_key=True)
    present: Mapped[bool]
    first_seen: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    last_seen: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    dwell_min: Mapped[float] = mapped_column(sa.Float)
    min_distance_m: Mapped[float | None] = mapped_column(sa.Float)
    vehicle_ids: Mapped[list[str]] = mapped_column(ARRAY(sa.String))
    radius_m: Mapped[float] = mapped_column(sa.Float)
    refreshed_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())


class PatrolPath(Base):
    """A vehicle's runs in a peak window of a local day, simplified in UTM 47N, and the counties they meet."""

    __tablename__ = "patrol_path"
    day: Mapped[dt.date] = mapped_column(primary_key=True)
    vehicle_id: Mapped[str] = mapped_column(sa.String(40), sa.ForeignKey("vehicle.vehicle_id", ondelete="CASCADE"),
                                            primary_key=True)
    window_name: Mapped[str] = mapped_column(primary_key=True)
    geom = mapped_column(Geometry("MULTILINESTRING", srid=4326, spatial_index=False), nullable=False)
    counties: Mapped[list[str]] = mapped_column(ARRAY(sa.String(6)))
    tolerance_m: Mapped[float] = mapped_column(sa.Float)
    length_m: Mapped[float] = mapped_column(sa.Float)  # on the ellipsoid, as simplified
    refreshed_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())
