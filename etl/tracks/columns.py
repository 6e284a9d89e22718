"""Vectorised typing of raw text columns: plain decimal numbers and fixed-layout times; the rest is for the row path.

A value is typed here only when the row path would read it the same; every other value is marked not ok.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

US = 1_000_000
NUMBER_BYTES = np.zeros(256, bool)
NUMBER_BYTES[list(b"0123456789+-.eE")] = True  # over these bytes Arrow's cast and float() agree (fuzzed)
PLAIN = r"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$"  # a subset of what Arrow's cast accepts
DIGITS = np.array([0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18])  # of YYYY-MM-DD HH:MM:SS
DAYS = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])


def text_layout(column: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Start and length of each value in the data buffer of a binary array, and that buffer as bytes."""
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    _, offsets, data = column.buffers()
    bounds = np.frombuffer(offsets, np.int32, len(column) + 1, column.offset * 4).astype(np.int64)
    raw = np.frombuffer(data, np.uint8) if data is not None else np.zeros(1, np.uint8)
    return bounds[:-1], np.diff(bounds), raw


def numbers(column: pa.Array | None, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Values (NaN where empty or not typed), ok (typed or empty) and empty masks of a column of numbers."""
    if column is None:
        return np.full(n, np.nan), np.ones(n, bool), np.ones(n, bool)
    starts, lengths, raw = text_layout(column)
    empty = lengths == 0
    used = raw[starts[0]:starts[0] + lengths.sum()] if len(starts) else raw[:0]
    if NUMBER_BYTES[used].all():
        plain = ~empty
    else:
        outside = np.concatenate([[0], np.cumsum(~NUMBER_BYTES[raw], dtype=np.int64)])
        plain = (outside[starts + lengths] == outside[starts]) & ~empty
    mask = pa.array(plain)
    try:
        values = pc.cast(column if plain.all() else pc.if_else(mask, column, None), pa.float64())
    except pa.ArrowInvalid:  # some value like "1e" or "--1": only the plainest forms, one by one
        mask = pc.and_(mask, pc.match_substring_regex(column, PLAIN))
        values = pc.cast(pc.if_else(mask, column, None), pa.float64())
    typed = values.to_numpy(zero_copy_only=False)
    return typed, empty | (mask.to_numpy(zero_copy_only=False) & np.isfinite(typed)), empty


def _days(year: np.ndarray, month: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Days since 1970-01-01 of proleptic Gregorian dates (H. Hinnant's days_from_civil)."""
    y = year - (month <= 2)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (month + np.where(month > 2, -3, 9)) + 2) // 5 + day - 1
    return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468


def _clock(m: np.ndarray, dash_only: bool) -> tuple[np.ndarray, np.ndarray]:
    """Microseconds (as if UTC) and validity of rows of bytes starting YYYY-MM-DD HH:MM:SS ('/' and 'T' allowed)."""
    d = m[:, DIGITS].astype(np.int32) - 48
    ok = ((d >= 0) & (d <= 9)).all(axis=1) & (m[:, 4] == m[:, 7]) & (m[:, 13] == 58) & (m[:, 16] == 58)
    ok &= (m[:, 4] == 45) | ((m[:, 4] == 47) & (not dash_only))
    ok &= (m[:, 10] == 32) | (m[:, 10] == 84)
    year, month, day = d[:, 0] * 1000 + d[:, 1] * 100 + d[:, 2] * 10 + d[:, 3], d[:, 4] * 10 + d[:, 5], \
        d[:, 6] * 10 + d[:, 7]
    hour, minute, second = d[:, 8] * 10 + d[:, 9], d[:, 10] * 10 + d[:, 11], d[:, 12] * 10 + d[:, 13]
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    last = DAYS[np.clip(month, 0, 12)] + (leap & (month == 2))
    ok &= (year >= 1) & (month >= 1) & (month <= 12) & (day >= 1) & (day <= last)
    ok &= (hour <= 23) & (minute <= 59) & (second <= 59)
    days = _days(year, np.clip(month, 1, 12), day).astype(np.int64)
    return ((days * 24 + hour) * 60 + minute) * 60 * US + second * US, ok


def times(column: pa.Array, offset: dt.timedelta | None) -> tuple[np.ndarray, np.ndarray]:
    """µs since 1970 UTC and ok mask: local 'YYYY-MM-DD HH:MM:SS' (with a fixed zone offset), '…Z', '…±HH:MM'."""
    starts, lengths, raw = text_layout(column)
    us, ok = np.zeros(len(lengths), np.int64), np.zeros(len(lengths), bool)
    for width in (19, 20, 25):
        rows = np.flatnonzero(lengths == width)
        if not len(rows) or (width == 19 and offset is None):
            continue
        if len(rows) == len(starts) and starts[-1] - starts[0] == width * (len(rows) - 1):
            m = raw[starts[0]:starts[0] + width * len(rows)].reshape(-1, width)  # all of one width: no copy
        else:
            m = raw[starts[rows, None] + np.arange(width)]
        value, good = _clock(m, dash_only=width > 19)
        if width == 19:
            value -= offset // dt.timedelta(microseconds=1)
        elif width == 20:
            good &= (m[:, 19] == 90) | (m[:, 19] == 122)
        else:
            z = m[:, [20, 21, 23, 24]].astype(np.int64) - 48
            good &= ((z >= 0) & (z <= 9)).all(axis=1) & (m[:, 22] == 58) & ((m[:, 19] == 43) | (m[:, 19] == 45))
            hours, minutes = z[:, 0] * 10 + z[:, 1], z[:, 2] * 10 + z[:, 3]
            good &= (hours <= 23) & (minutes <= 59)
            value -= np.where(m[:, 19] == 43, 1, -1) * (hours * 60 + minutes) * 60 * US
        us[rows], ok[rows] = value, good
    return us, ok
