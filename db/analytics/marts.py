"""Presence as the dashboard and the brief read it: per school and day, or per school over a period.

Both reads sum the mart `presence_day` for whole past days (every window at the refresh's radius; migration 0020
keeps it equal to the sums of `presence` by triggers, so it is refreshed wherever presence is: after each track
load, by `xiaoan refresh`, by a prune) and `presence` itself for the rest: one window or another radius, and
today. A peak window that has not ended at the time of reading (today's afternoon read at 10:00) is not counted:
neither held nor absent. "Now" is the one clock's (db.clock), settled to the last window end before it, so
that a cached read keeps its key between two window ends.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd
import sqlalchemy as sa

from db import clock
from db.analytics.presence import windows_json
from db.analytics.reports import frame
from db.settings import Settings, get_settings


def settled(now: dt.datetime, settings: Settings | None = None) -> dt.datetime:
    """The last instant at or before now at which one of today's peak windows ended (today's midnight before any).

    Counting the windows ended by then counts exactly those ended by now, since no window ends in between."""
    settings = settings or get_settings()
    zone = ZoneInfo(settings.timezone)
    local = now.astimezone(zone)
    ends = [w[1] for w in settings.peak_windows.values()]
    ends += [w[1] for windows in settings.peak_windows_by_type.values() for w in windows.values()]
    moments = [dt.datetime.combine(local.date(), dt.time.fromisoformat(e), zone) for e in ends]
    return max([dt.datetime.combine(local.date(), dt.time(), zone), *(m for m in moments if m <= local)])


def reading(settings: Settings | None = None, now: dt.datetime | None = None) -> dict[str, Any]:
    """The parameters every presence read binds besides its selection: today, now (settled), the windows, the zone."""
    settings = settings or get_settings()
    moment = settled(now or clock.now(), settings)
    return {"today": moment.date(), "now": moment, "peaks": windows_json(settings), "tz": settings.timezone}


def selection(date_from: dt.date, date_to: dt.date, counties: Collection[str] | None = None,
              windows: Collection[str] | None = None, radius_m: float | None = None) -> dict[str, Any]:
    """A presence read's selection as bound: counties and windows None (or empty) for all."""
    return {"date_from": date_from, "date_to": date_to, "counties": sorted(counties) if counties else None,
            "windows": list(windows) if windows else None, "radius_m": radius_m}


def presence_days(conn: sa.Connection, date_from: dt.date, date_to: dt.date, counties: Collection[str] | None = None,
                  windows: Collection[str] | None = None, radius_m: float | None = None,
                  codes: Collection[str] | None = None, settings: Settings | None = None,
                  now: dt.datetime | None = None) -> pd.DataFrame:
    """Windows held, windows with presence and the closest approach per school and school day (codes: only those
    schools; radius None = as refreshed)."""
    return frame(conn, "dash_presence_days", **selection(date_from, date_to, counties, windows, radius_m),
                 codes=list(codes) if codes is not None else None, **reading(settings, now))


def presence_totals(conn: sa.Connection, date_from: dt.date, date_to: dt.date,
                    counties: Collection[str] | None = None, windows: Collection[str] | None = None,
                    radius_m: float | None = None, settings: Settings | None = None,
                    now: dt.datetime | None = None) -> pd.DataFrame:
    """The same per school over the period: what every figure but the calendar is made of."""
    return frame(conn, "dash_presence_totals", **selection(date_from, date_to, counties, windows, radius_m),
                 **reading(settings, now))
