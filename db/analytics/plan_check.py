"""Plans against what happened: each planned stop checked against the GPS (db/sql/plan/check/plan_check_rows.sql).

A stop is *kept* when its vehicle stays within R of the gate for `XIAOAN_PLAN_KEPT_MIN` minutes (default half the
planned dwell) inside the window, *late* when kept but first within R more than `XIAOAN_PLAN_LATE_MIN` minutes
after the planned arrival; a missed stop another vehicle kept is *by_other*; a stop whose window the loaded GPS
has not passed yet is *pending*. Checks are rows of patrol_plan_check, recomputed after every track load (after
presence), by `xiaoan refresh` and when a plan is saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from zoneinfo import ZoneInfo

import pandas as pd
import sqlalchemy as sa

from db.analytics import derived, reports
from db.analytics.presence import horizon
from db.settings import Settings, get_settings
from db.sql import query

COLUMNS = ("plan_id", "vehicle_id", "seq", "school_code", "county_adcode", "kept", "late", "inside_min",
           "first_seen", "kept_by", "radius_m", "kept_min")
STATUSES = ("kept", "late", "by_other", "missed", "pending")  # late is kept; by_other and missed are not


def refresh_plans(conn: sa.Connection, plan_ids: Sequence[int], settings: Settings | None = None,
                  fresh: bool = False) -> int:
    """Check these plans again in the caller's transaction; rows written (stops whose window has passed).

    fresh: the plans were just saved and have no checks yet (the web role may insert checks, never delete them).
    """
    if not plan_ids:
        return 0
    settings = settings or get_settings()
    plans = sorted(set(plan_ids))
    if not fresh:
        conn.execute(query("plan_check_delete"), {"plans": plans})
    return derived.insert(conn, derived.Job("patrol_plan_check", COLUMNS, "plan_check_rows", params={
        "plans": plans, "gap_s": settings.gap_limit_s, "radius_m": settings.presence_radius_m,
        "guard_radius_m": settings.guard_post_radius_m, "kept_min": settings.plan_kept_min,
        "late_min": settings.plan_late_min}))


def refresh_after_load(conn: sa.Connection, first_ts: dt.datetime, last_ts: dt.datetime,
                       settings: Settings | None = None) -> int:
    """Check again the plans newly loaded fixes (first_ts…last_ts) may change; rows written."""
    settings = settings or get_settings()
    kept = horizon(conn) or dt.date.min
    due = conn.execute(query("plan_check_due"), {"a": first_ts, "b": last_ts, "gap_s": settings.gap_limit_s,
                                                 "kept_from": kept}).scalars().all()
    return refresh_plans(conn, list(due), settings)


def refresh_days(conn: sa.Connection, first: dt.date, last: dt.date, settings: Settings | None = None) -> int:
    """Check again the plans of the local days first…last; rows written."""
    settings = settings or get_settings()
    zone = ZoneInfo(settings.timezone)
    a = dt.datetime.combine(first, dt.time(), zone)
    b = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), zone)
    return refresh_after_load(conn, a, b, settings)


def refresh_all(conn: sa.Connection, settings: Settings | None = None) -> int:
    """Check every plan again (from the prune horizon on); rows written."""
    far = dt.datetime(1900, 1, 1, tzinfo=dt.UTC), dt.datetime(2999, 1, 1, tzinfo=dt.UTC)
    return refresh_after_load(conn, *far, settings)


def status_of(row: pd.Series) -> str:
    """A checked or pending stop's one status: kept, late, by_other, missed or pending."""
    if not row["checked"]:
        return "pending"
    if row["kept"]:
        return "late" if row["late"] else "kept"
    return "by_other" if len(row["kept_by"] or []) else "missed"


def stops(conn: sa.Connection, plan_id: int) -> pd.DataFrame:
    """Every stop of a plan with its check and status, in order of arrival."""
    frame = reports.frame(conn, "plan_check_summary", plan_id=plan_id)
    return frame.assign(status=[status_of(row) for _, row in frame.iterrows()])


def tally(frame: pd.DataFrame) -> dict[str, int | float | None]:
    """Stops, checked, kept (late ones included), on time, late, missed, by_other, pending; rate = kept / checked."""
    n = frame["status"].value_counts().to_dict() if len(frame) else {}
    kept = n.get("kept", 0) + n.get("late", 0)
    checked = len(frame) - n.get("pending", 0)
    return {"stops": len(frame), "checked": checked, "kept": kept, "on_time": n.get("kept", 0),
            "late": n.get("late", 0), "missed": n.get("missed", 0), "by_other": n.get("by_other", 0),
            "pending": n.get("pending", 0), "rate": round(kept / checked, 4) if checked else None}


def counts(frame: pd.DataFrame) -> dict[str, int | float | None]:
    """stops, kept (late ones included), late, missed, by_other, pending and rate, as `plan check` says them."""
    t = tally(frame)
    return {k: t[k] for k in ("stops", "kept", "late", "missed", "by_other", "pending", "rate")}


def summary(frame: pd.DataFrame, plan_id: int, settings: Settings | None = None) -> dict[str, object]:
    """A plan's checked stops (`stops`) as one object: counts and its missed stops (school, vehicle, arrival)."""
    zone = (settings or get_settings()).timezone
    missed = frame[frame["status"] == "missed"]
    missed_stops = [{"school_code": r.school_code, "vehicle_id": r.vehicle_id,
                     "arrive": pd.Timestamp(r.arrive).tz_convert(zone).isoformat()} for r in missed.itertuples()]
    return {"plan_id": plan_id, **counts(frame), "missed_stops": missed_stops}
