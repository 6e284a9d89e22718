"""Retention of patrol GPS: drop whole month partitions of track_point before a day, once presence is kept."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from db.errors import XiaoAnError
from db.settings import get_settings
from db.sql import load_sql, query, quote_ident
from etl.options import current_user
from etl.runner import lock_dataset
from etl.tracks.datasets import DATASETS
from etl.tracks.prune_plan import Month, Plan, plan

__all__ = ["Month", "Plan", "PresenceNotKept", "plan", "prune", "refusal"]

DROP_LOCK_TIMEOUT = "30s"  # DROP needs track_point to itself: wait this long for readers, then give up


class PresenceNotKept(XiaoAnError):
    """Presence is missing for school days whose tracks would be dropped."""


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
        conn.execute(query("tracks_prune_horizon"), {"run_id": result.run_id, "hi": max(m.hi for m in result.drop),
                                                     "tz": get_settings().timezone})
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
