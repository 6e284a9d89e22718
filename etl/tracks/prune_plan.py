"""What a prune of track_point before a day would drop and keep: months, points, bytes, presence missing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import sqlalchemy as sa

from db.analytics.presence import school_days
from db.settings import get_settings
from db.sql import query
from etl.tracks.partitions import ZONE


@dataclass
class Month:
    """One month partition: name, bounds, points and bytes, school days whose presence lacks schools."""

    name: str
    lo: dt.datetime
    hi: dt.datetime
    rows: int = 0
    bytes: int = 0
    missing: dict[dt.date, int] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """The month as 2026-10."""
        return f"{self.lo.astimezone(ZONE):%Y-%m}"

    @property
    def last_day(self) -> dt.date:
        """The month's last local day."""
        return (self.hi.astimezone(ZONE) - dt.timedelta(days=1)).date()


@dataclass
class Plan:
    """What a prune before a day drops and keeps, and what it did."""

    before: dt.date
    drop: list[Month] = field(default_factory=list)
    straddling: list[Month] = field(default_factory=list)  # kept: partly on or after the day
    later: int = 0  # months wholly on or after the day
    default_rows: int = 0  # points before the day in the default partition (never pruned)
    dropped: bool = False
    run_id: int | None = None

    @property
    def rows(self) -> int:
        """Points in the months to drop."""
        return sum(m.rows for m in self.drop)

    @property
    def missing(self) -> dict[dt.date, int]:
        """School days without presence for some school, over the months to drop."""
        return {d: n for m in self.drop for d, n in m.missing.items()}


def plan(conn: sa.Connection, before: dt.date) -> Plan:
    """Sort the month partitions into dropped, straddling and later; count, size and check presence."""
    cut, result = dt.datetime.combine(before, dt.time(), ZONE), Plan(before)
    for row in conn.execute(query("tracks_prune_partitions")):
        month = Month(row.name, row.lo, row.hi)
        if row.lo is None or row.hi is None or row.lo >= cut:
            result.later += 1
        elif row.hi > cut:
            result.straddling.append(month)
        else:
            result.drop.append(month)
    for month in result.drop:
        bounds = {"lo": month.lo, "hi": month.hi}
        month.rows = conn.execute(query("tracks_prune_rows"), bounds).scalar_one()
        month.bytes = conn.execute(query("tracks_prune_size"), {"name": month.name}).scalar_one()
        month.missing = _missing(conn, bounds) if month.rows else {}
    result.default_rows = conn.execute(query("tracks_prune_default"), {"before": cut}).scalar_one()
    return result


def _missing(conn: sa.Connection, bounds: dict[str, dt.datetime]) -> dict[dt.date, int]:
    """School days from the month's first to its last fix lacking presence rows, with the schools lacking."""
    span = conn.execute(query("tracks_prune_span"), {**bounds, "tz": get_settings().timezone}).one()
    days = school_days(conn, span.first_day, span.last_day)
    rows = conn.execute(query("tracks_prune_presence_missing"), {"days": days}).all() if days else []
    return {r.day: r.schools for r in rows}
