"""Retention of patrol GPS: drop whole month partitions of track_point before a day, once presence is kept."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import sqlalchemy as sa

from db.analytics.presence import school_days
from db.errors import XiaoAnError
from db.settings import get_settings
from db.sql import load_sql, query, quote_ident
from etl.datasets import DATASETS
from etl.options import current_user
from etl.runner import lock_dataset
from etl.tracks.partitions import ZONE

DROP_LOCK_TIMEOUT = "30s"  # DROP needs track_point to itself: wait this long for readers, then give up


class PresenceNotKept(XiaoAnError):
    """Presence is missing for school days whose tracks would be dropped."""


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


def prune(engine: sa.Engine, before: dt.date, dry_run: bool = False, only: set[str] | None = None) -> Plan:
    """Drop the months that end on or before the day (of `only`, when given), under the tracks load lock."""
    with engine.begin() as conn:
        lock_dataset(conn, DATASETS["tracks"])
        result = plan(conn, before)
        if only is not None:
            result.drop = [m for m in result.drop if m.name in only]
        if result.missing and not dry_run:
            raise PresenceNotKept(refusal(result))
        if dry_run or not result.drop:
            return result
        conn.execute(query("tracks_prune_lock_timeout"), {"timeout": DROP_LOCK_TIMEOUT})
        try:
            for month in result.drop:
                conn.execute(sa.text(load_sql("tracks_prune_drop").format(table=quote_ident(month.name))))
        except sa.exc.OperationalError as exc:
            raise XiaoAnError(f"track_point stayed in use by readers for {DROP_LOCK_TIMEOUT}; nothing was "
                              "dropped; try again when the dashboard is quiet") from exc
        result.run_id, result.dropped = _record(conn, result), True
    return result


def refusal(result: Plan) -> str:
    """Why a prune refuses: the school days whose presence is missing."""
    days = sorted(result.missing)
    return (f"presence is missing for {len(days)} school day(s) of the months to drop ({days[0]} … {days[-1]}, "
            f"up to {max(result.missing.values())} schools a day); run `xiaoan refresh` first: dropped tracks "
            "cannot be refreshed again. Nothing was dropped.")


def _record(conn: sa.Connection, result: Plan) -> int:
    """An etl_run row: points dropped as rows read, the months and their sizes in the message."""
    run_id = conn.execute(query("etl_run_start"), {
        "dataset": "tracks-prune", "file_name": f"before {result.before}", "sha256": "", "status": "running",
        "message": None, "loaded_by": current_user(), "source_crs": None}).scalar_one()
    message = "dropped " + ", ".join(f"{m.label} ({m.rows} points, {m.bytes} bytes)" for m in result.drop)
    conn.execute(query("etl_run_finish"), {"id": run_id, "status": "loaded", "rows_read": result.rows,
                                           "rows_loaded": 0, "rows_rejected": 0, "message": message})
    return run_id
