"""Retention of patrol GPS: how far back tracks were pruned, so the presence of those days is kept as it is."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class TrackRetention(Base):
    """One prune that dropped months of track_point: presence of days before kept_before is never recomputed."""

    __tablename__ = "track_retention"
    etl_run_id: Mapped[int] = mapped_column(sa.ForeignKey("etl_run.id"), primary_key=True)
    kept_before: Mapped[dt.date]
    pruned_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())
