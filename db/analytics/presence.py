"""Peak-hour presence: refresh the derived `presence` table for school days, fully or incrementally."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import sqlalchemy as sa

from db.analytics import paths
from db.analytics.reports import frame
from db.settings import Settings, get_settings
from db.sql import query


def windows_json(settings: Settings) -> str:
    """The peak windows as the JSON the refresh query reads: defaults, then per-type replacements."""
    rows = [{"name": n, "school_type": None, "starts": s, "ends": e} for n, (s, e) in settings.peak_windows.items()]
    for school_type, windows in settings.peak_windows_by_type.items():
        rows += [{"name": n, "school_type": school_type, "starts": s, "ends": e} for n, (s, e) in windows.items()]
    return json.dumps(rows, ensure_ascii=False)


def school_days(conn: sa.Connection, first: dt.date, last: dt.date) -> list[dt.date]:
    """School days between first and last, inclusive, from the calendar in the database."""
    return list(conn.execute(query("school_days"), {"date_from": first, "date_to": last}).scalars())


def horizon(conn: sa.Connection) -> dt.date | None:
    """Day before which tracks were pruned: presence of earlier days is kept, never recomputed (None: no prune)."""
    return conn.execute(query("presence_horizon")).scalar()


def refresh_days(conn: sa.Connection, days: list[dt.date], schools: list[str] | None = None,
                 settings: Settings | None = None) -> int:
    """Recompute presence for these school days (and schools) on or after the horizon; return the rows written."""
    settings, kept = settings or get_settings(), horizon(conn)
    days = sorted({d for d in days if kept is None or d >= kept})
    if not days:
        return 0
    params = {"days": days, "schools": schools}
    conn.execute(query("presence_work_mem"))
    conn.execute(query("presence_delete"), params)
    result = conn.execute(query("presence_insert"), {
        **params, "windows": windows_json(settings), "tz": settings.timezone, "gap_s": settings.gap_limit_s,
        "radius_m": settings.presence_radius_m, "guard_radius_m": settings.guard_post_radius_m,
        "near_m": settings.near_miss_m})
    return result.rowcount


def refresh_range(conn: sa.Connection, first: dt.date, last: dt.date, settings: Settings | None = None) -> int:
    """Recompute presence between first and last, from the horizon on: rows for school days, none for others."""
    kept = horizon(conn)
    first = max(first, kept) if kept is not None else first
    if first > last:
        return 0
    conn.execute(query("presence_delete_range"), {"date_from": first, "date_to": last})
    paths.refresh_range(conn, first, last, settings)  # the map's patrol paths of the same days
    return refresh_days(conn, school_days(conn, first, last), settings=settings)


def refresh_after_load(conn: sa.Connection, first_ts: dt.datetime, last_ts: dt.datetime,
                       settings: Settings | None = None) -> int:
    """Incremental refresh for the local days that newly loaded points (first_ts…last_ts) touch."""
    settings = settings or get_settings()
    span = conn.execute(query("local_days_between"), {
        "a": first_ts, "b": last_ts, "gap_s": settings.gap_limit_s, "tz": settings.timezone}).one()
    return refresh_range(conn, span.first_day, span.last_day, settings)


def refresh_all(conn: sa.Connection, settings: Settings | None = None) -> int:
    """Full refresh: every school day from the first to the last GPS fix in the database."""
    span = conn.execute(query("track_span")).one()
    if span.first_ts is None:
        return 0
    return refresh_after_load(conn, span.first_ts, span.last_ts, settings)


def export(conn: sa.Connection, date_from: dt.date, date_to: dt.date, counties: list[str] | None = None,
           settings: Settings | None = None) -> pd.DataFrame:
    """Presence rows for a period, local times, the shape `xiaoan export presence` writes."""
    settings = settings or get_settings()
    return frame(conn, "presence_export", date_from=date_from, date_to=date_to, counties=counties,
                 tz=settings.timezone, window_order=list(settings.peak_windows))
