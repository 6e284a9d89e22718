"""GPS timestamps as naive UTC datetimes: ISO 8601 and Chinese export formats, zone-less ones in the load's zone."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from db.errors import UnreadableFile

EARLIEST = dt.datetime(1999, 12, 31, 16)  # 2000-01-01 00:00 in China, as UTC  # noqa: DTZ001 (naive UTC)
FUTURE_TOLERANCE = dt.timedelta(minutes=10)
BEFORE_2000 = "timestamp out of range: before 2000 (a placeholder such as 1970-01-01 or 1901-01-01?)"
IN_FUTURE = "timestamp out of range: in the future (later than the time of the load plus 10 minutes)"
_LOOSE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?[ T]*(\d{1,2})[:时](\d{1,2})"
                    r"(?:[:分](\d{1,2})(?:[.,](\d{1,9}))?秒?)?")
_UNIX = {10: 1, 13: 1000}  # digits of Unix seconds and milliseconds


def zone(name: str) -> dt.tzinfo:
    """The time zone of naive timestamps, e.g. Asia/Shanghai."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise UnreadableFile(f"unknown time zone {name!r}; expected a name such as Asia/Shanghai") from exc


def fixed_offset(tz: dt.tzinfo) -> dt.timedelta | None:
    """The zone's UTC offset if it has not changed since 2000 (China: +8 h since 1991), else None."""
    offsets = {dt.datetime(year, month, 1, tzinfo=tz).utcoffset() for year in range(2000, 2041) for month in (1, 7)}
    return offsets.pop() if len(offsets) == 1 else None


def _loose(text: str) -> dt.datetime:
    """2024/3/5 7:31:02, 2024.03.05 07:31, 2024年3月5日 7时31分2秒, or Unix seconds/milliseconds (UTC)."""
    if text.isdigit() and len(text) in _UNIX and text.isascii():
        return dt.datetime.fromtimestamp(int(text) / _UNIX[len(text)], dt.UTC)
    match = _LOOSE.fullmatch(text)
    if not match:
        raise ValueError(f"not a date and time: {text[:40]!r}")
    year, month, day, hour, minute, second, fraction = match.groups()
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    return dt.datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0), micro)  # noqa: DTZ001 (zone applied by the caller)


class TimeParser:
    """Text → naive UTC datetime; written without a zone, a time is local time in tz."""

    def __init__(self, tz: dt.tzinfo) -> None:
        """Remember the zone and, when it has one since 2000, its fixed offset."""
        self.tz, self.offset = tz, fixed_offset(tz)

    def __call__(self, text: str) -> dt.datetime:
        """The instant as naive UTC, or ValueError saying why the text is not a time."""
        if ":" not in text and "时" not in text and "T" not in text.upper() and not text.isdigit():
            raise ValueError(f"not a date and time of day: {text[:40]!r}")
        utc = text[-1:] in ("Z", "z")  # the GPX way
        try:
            value = dt.datetime.fromisoformat(text[:-1] if utc else text)
        except ValueError:
            value, utc = _loose(text), False
        if utc and value.tzinfo is None:
            return value
        if value.tzinfo is None:
            if self.offset is not None:
                return value - self.offset
            value = value.replace(tzinfo=self.tz)
        return value.astimezone(dt.UTC).replace(tzinfo=None)


def out_of_range(value: dt.datetime, latest: dt.datetime) -> str | None:
    """Why a (naive UTC) timestamp cannot be a real fix of a patrol vehicle, or None."""
    if value < EARLIEST:
        return BEFORE_2000
    return IN_FUTURE if value > latest else None
