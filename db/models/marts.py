"""Marts that cold views read, kept by triggers: presence per school and day (0020), path segments (0021)."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class PresenceDay(Base):
    """Presence of a school on a school day over every peak window at the refresh's radius (sums of `presence`)."""

    __tablename__ = "presence_day"
    school_code: Mapped[str] = mapped_column(sa.ForeignKey("school.school_code", ondelete="CASCADE"),
                                             primary_key=True)
    day: Mapped[dt.date] = mapped_column(primary_key=True, index=True)
    windows: Mapped[int]  # windows held
    present: Mapped[int]  # of those, with presence
    min_distance_m: Mapped[float | None] = mapped_column(sa.Float)  # the closest approach in any of them
    refreshed_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())


class PatrolPathGrid(Base):
    """A patrol path's distinct segments at a coarser tolerance, simplified and snapped in UTM 47N (WKB, 32647)."""

    __tablename__ = "patrol_path_grid"
    __table_args__ = (sa.Index("ix_patrol_path_grid_path", "day", "vehicle_id", "window_name"),)  # kept by triggers
    tolerance_m: Mapped[float] = mapped_column(sa.Float, primary_key=True)  # one of xiaoan_path_levels()
    day: Mapped[dt.date] = mapped_column(primary_key=True)
    vehicle_id: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    window_name: Mapped[str] = mapped_column(primary_key=True)
    segments: Mapped[list[bytes]] = mapped_column(ARRAY(sa.LargeBinary))
