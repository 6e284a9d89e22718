"""The one clock: Nujiang's now and today (settings.timezone), whatever the machine's zone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from db.settings import get_settings


def zone() -> ZoneInfo:
    """The bureau's time zone (Asia/Shanghai unless set otherwise)."""
    return ZoneInfo(get_settings().timezone)


def now() -> dt.datetime:
    """The bureau's local time now, zone-aware."""
    return dt.datetime.now(dt.UTC).astimezone(zone())


def today() -> dt.date:
    """The bureau's date today (a UTC server is a day behind it until 08:00 local time)."""
    return now().date()


def end_of(day: dt.date) -> dt.datetime:
    """The first instant after a local day, zone-aware."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), zone())
