"""Peak-hour presence: refresh the derived `presence` table for school days, fully or incrementally."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import sqlalchemy as sa

from db.analytics import derived, paths
from db.analytics.derived import Job
from db.analytics.reports import frame
from db.settings import Settings, get_settings
from db.sql import query

COLUMNS = ("school_code", "day", "window_name", "present", "first_seen", "last_seen", "dwell_min",
           "min_distance_m", "vehicle_ids", "radius_m")


def windows_json(settings: Settings, names: list[str] | None = None) -> str:
    """The peak windows (only `names` if given) as the JSON the refresh reads: defaults, then per-type ones."""
    rows = [{"name": n, "school_type": None, "starts": s, "ends": e} for n, (s, e) in settings.peak_windows.items()]
    for school_type, windows in settings.peak_windows_by_type.items():
        rows += [{"name": n, "school_type": school_type, "starts": s, "ends": e} for n, (s, e) in windows.items()]
    return json.dumps([r for r in rows if names is None or r["name"] in names], ensure_ascii=False)


def school_days(conn: sa.Connection, first: dt.date, last: dt.date) -> list[dt.date]:
    """School days between first and last, inclusive, from the calendar in the database."""
    return list(conn.execute(query("school_days"), {"date_from": first, "date_to": last}).scalars())


def horizon(conn: sa.Connection) -> dt.date | None:
    """Day before which tracks were pruned: presence of earlier days is kept, never recomputed (None: no prune)."""
    return conn.execute(query("presence_horizon")).scalar()


def job(days: list[dt.date], settings: Settings, schools: list[str] | None = None,
        names: list[str] | None = None) -> Job:
    """Presence of these school days (schools, windows `names`; default all) as a derived job."""
    return Job("presence", COLUMNS, "presence_rows", setup="presence_work_mem", params={
        "days": days, "schools": schools, "windows": windows_json(settings, names), "tz": settings.timezone,
        "gap_s": settings.gap_limit_s, "radius_m": settings.presence_radius_m,
        "guard_radius_m": settings.guard_post_radius_m, "near_m": settings.near_miss_m})


def refresh_days(conn: sa.Connection, days: list[dt.date], schools: list[str] | None = None,
                 settings: Settings | None = None, workers: int = 1) -> int:
    """Recompute presence alone for these school days (and schools) on or after the horizon; rows written.

    A day a job (a window of a day, for fewer days than twice the workers); with workers > 1 they are computed by
    that many connections on this transaction's snapshot.
    """
    settings, kept = settings or get_settings(), horizon(conn)
    days = sorted({d for d in days if kept is None or d >= kept})
    if not days:
        return 0
    conn.execute(query("presence_delete"), {"days": days, "schools": schools})
    split = workers > 1 and len(days) < 2 * workers
    todo = [job([d], settings, schools, [n]) for d in days for n in window_names(settings)] if split else [
        job([d], settings, schools) for d in days]
    return derived.insert_all(conn, todo, workers).get("presence", 0)


def window_names(settings: Settings) -> list[str]:
    """Names of the peak windows, the defaults first, then those only some school types have."""
    by_type = (name for windows in settings.peak_windows_by_type.values() for name in windows)
    return list(dict.fromkeys([*settings.peak_windows, *by_type]))


def jobs(first: dt.date, last: dt.date, school: list[dt.date], settings: Settings, workers: int) -> list[Job]:
    """Presence and paths jobs for first…last: paths at once and presence a day a job, or, for workers, both a day
    (or a window of a day) a job."""
    if workers <= 1:  # presence a day at a time all the same: its grid join holds one day's paths
        return [paths.job(first, last, settings)] + [job([d], settings) for d in school]
    local = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    if len(local) >= 2 * workers:  # a day a job: the days balance the workers
        return [j for d in local for j in [paths.job(d, d, settings)] + ([job([d], settings)] if d in school else [])]
    return [j for d in local for n in window_names(settings)  # few days: a window of a day a job
            for j in ([paths.job(d, d, settings, [n])] if n in settings.peak_windows else [])
            + ([job([d], settings, names=[n])] if d in school else [])]


def refresh_range(conn: sa.Connection, first: dt.date, last: dt.date, settings: Settings | None = None,
                  workers: int = 1) -> int:
    """Recompute presence (and the map's patrol paths) between first and last, from the horizon on; rows written.

    With workers > 1 the rows are computed by that many connections on this transaction's snapshot: only for a
    refresh of what is committed (not inside a load, whose points they would not see).
    """
    settings, kept = settings or get_settings(), horizon(conn)
    first = max(first, kept) if kept is not None else first
    if first > last:
        return 0
    span = {"date_from": first, "date_to": last}
    conn.execute(query("presence_delete_range"), span)
    conn.execute(query("paths_delete_range"), span)
    written = derived.insert_all(conn, jobs(first, last, school_days(conn, first, last), settings, workers), workers)
    return written.get("presence", 0)


def refresh_after_load(conn: sa.Connection, first_ts: dt.datetime, last_ts: dt.datetime,
                       settings: Settings | None = None, workers: int = 1) -> int:
    """Incremental refresh for the local days that newly loaded points (first_ts…last_ts) touch."""
    settings = settings or get_settings()
    span = conn.execute(query("local_days_between"), {
        "a": first_ts, "b": last_ts, "gap_s": settings.gap_limit_s, "tz": settings.timezone}).one()
    return refresh_range(conn, span.first_day, span.last_day, settings, workers)


def refresh_all(conn: sa.Connection, settings: Settings | None = None, workers: int = 1) -> int:
    """Full refresh: every school day from the first to the last GPS fix in the database."""
    span = conn.execute(query("track_span")).one()
    if span.first_ts is None:
        return 0
    return refresh_after_load(conn, span.first_ts, span.last_ts, settings, workers)


def export(conn: sa.Connection, date_from: dt.date, date_to: dt.date, counties: list[str] | None = None,
           settings: Settings | None = None) -> pd.DataFrame:
    """Presence rows for a period, local times, the shape `xiaoan export presence` writes."""
    settings = settings or get_settings()
    return frame(conn, "presence_export", date_from=date_from, date_to=date_to, counties=counties,
                 tz=settings.timezone, window_order=list(settings.peak_windows))
