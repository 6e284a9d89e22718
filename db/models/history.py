"""Dated histories of loaded values: each school's four-100% flags as checked on a date."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class SchoolFour100(Base):
    """A school's four-100% flags as checked on a date; a row only where they changed (state = latest row)."""

    __tablename__ = "school_four100"
    school_code: Mapped[str] = mapped_column(sa.ForeignKey("school.school_code", ondelete="CASCADE"),
                                             primary_key=True)
    checked_on: Mapped[dt.date] = mapped_column(primary_key=True)
    full_time_guard: Mapped[bool | None]
    closed_management: Mapped[bool | None]
    alarm_video_linked: Mapped[bool | None]
    guard_post: Mapped[bool | None]
    etl_run_id: Mapped[int | None] = mapped_column(sa.ForeignKey("etl_run.id"))
