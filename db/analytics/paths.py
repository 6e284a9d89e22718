"""Patrol paths for the map: refresh the derived `patrol_path` table for local days, simplified once."""

from __future__ import annotations

import datetime as dt
import json

import sqlalchemy as sa

from db.analytics import derived
from db.analytics.derived import Job
from db.settings import Settings, get_settings
from db.sql import query

TOLERANCE_M = 10.0  # Douglas-Peucker in UTM 47N: the map's finest tolerance (dashboard.reads.patrols)


COLUMNS = ("day", "vehicle_id", "window_name", "geom", "counties", "tolerance_m", "length_m")


def windows_json(settings: Settings, names: list[str] | None = None) -> str:
    """The default peak windows (the ones the gaps page picks from; only `names` if given) as JSON."""
    return json.dumps([{"name": n, "starts": s, "ends": e} for n, (s, e) in settings.peak_windows.items()
                       if names is None or n in names])


def job(first: dt.date, last: dt.date, settings: Settings, names: list[str] | None = None) -> Job:
    """The paths of the local days first…last (and of the windows `names`, default all) as a derived job."""
    return Job("patrol_path", COLUMNS, "paths_rows", setup="paths_work_mem", params={
        "date_from": first, "date_to": last, "windows": windows_json(settings, names), "tz": settings.timezone,
        "gap_s": settings.gap_limit_s, "tolerance_m": TOLERANCE_M})


def refresh_range(conn: sa.Connection, first: dt.date, last: dt.date, settings: Settings | None = None) -> int:
    """Recompute the paths of every vehicle in every peak window of the local days first…last; rows written."""
    conn.execute(query("paths_delete_range"), {"date_from": first, "date_to": last})
    return derived.insert(conn, job(first, last, settings or get_settings()))


def refresh_all(conn: sa.Connection, settings: Settings | None = None) -> int:
    """Every local day from the first to the last GPS fix in the database (none: the table emptied)."""
    settings = settings or get_settings()
    span = conn.execute(query("track_span")).one()
    if span.first_ts is None:
        conn.execute(query("paths_delete_all"))
        return 0
    days = conn.execute(query("local_days_between"), {
        "a": span.first_ts, "b": span.last_ts, "gap_s": 0, "tz": settings.timezone}).one()
    return refresh_range(conn, days.first_day, days.last_day, settings)
