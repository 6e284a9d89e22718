"""Bookkeeping and calendar: ETL runs, school terms, holidays and make-up workdays."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, one_of

RUN_STATUSES = ("running", "loaded", "partial", "rejected", "unchanged", "failed", "dry_run")


class EtlRun(Base):
    """One load of one file: what it was, what came of it."""

    __tablename__ = "etl_run"
    __table_args__ = (one_of("status", RUN_STATUSES),)
    id: Mapped[int] = mapped_column(primary_key=True)
    dataset: Mapped[str]
    file_name: Mapped[str]
    sha256: Mapped[str] = mapped_column(sa.String(64), index=True)
    started_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True),
                                                    server_default=sa.func.now())
    finished_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    rows_read: Mapped[int] = mapped_column(server_default="0")
    rows_loaded: Mapped[int] = mapped_column(server_default="0")
    rows_rejected: Mapped[int] = mapped_column(server_default="0")
    status: Mapped[str]
    message: Mapped[str | None]
    loaded_by: Mapped[str | None]
    source_crs: Mapped[str | None]


class SchoolTerm(Base):
    """A school term: school days fall between its first and last day."""

    __tablename__ = "school_term"
    __table_args__ = (sa.CheckConstraint("ends_on >= starts_on", name="dates_in_order"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)
    starts_on: Mapped[dt.date]
    ends_on: Mapped[dt.date]
    etl_run_id: Mapped[int | None] = mapped_column(sa.ForeignKey("etl_run.id"))


class Holiday(Base):
    """A public holiday (no school) or an official make-up workday (school)."""

    __tablename__ = "holiday"
    __table_args__ = (one_of("kind", ("holiday", "workday")),)
    day: Mapped[dt.date] = mapped_column(primary_key=True)
    kind: Mapped[str]
    name: Mapped[str | None]
    etl_run_id: Mapped[int | None] = mapped_column(sa.ForeignKey("etl_run.id"))
