"""Marts: sums of derived tables per school and day that cold views read (kept by triggers, migration 0020)."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
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
