"""The lon and lat attributes of track points: one exact layout checked with arithmetic, any other parsed.

Most writers put `<trkpt lat="…" lon="…">` (or lon first) with single blanks: then the four double quotes of
each start tag and its '>' are at positions that only that layout gives, which is checked per point.
Otherwise the start tags are gathered side by side and every '=' in them must belong to lat or lon.
"""

from __future__ import annotations

import numpy as np

from etl.tracks.gpx.tags import BLANK, Tags, word
from etl.tracks.points import Retry

EQUALS, QUOTE, APOSTROPHE = ord("="), ord('"'), ord("'")
Span = tuple[np.ndarray, np.ndarray]  # start and length of each point's value ('' where length is 0)


def attributes(t: Tags, first: np.ndarray) -> tuple[np.ndarray, Span, Span]:
    """The bytes the spans are in, and the lon and lat spans of the points whose start tags are `first`."""
    if len(first):
        found = _layout(t, first)
        if found is not None:
            return t.raw, *found
    return _parsed(t, first)


def _layout(t: Tags, first: np.ndarray) -> tuple[Span, Span] | None:
    """The spans if every start tag is exactly <trkpt lat="…" lon="…"> or <trkpt lon="…" lat="…">."""
    raw, lt, gt = t.raw, t.lt[first], t.gt[first]
    quotes = np.flatnonzero(raw == QUOTE)
    k = np.searchsorted(quotes, lt)
    if (k + 3 >= len(quotes)).any():
        return None
    q = quotes[k[:, None] + np.arange(4)]  # the first four double quotes from each '<'
    ok = (q[:, 0] == lt + 11) & (q[:, 2] == q[:, 1] + 6) & (gt == q[:, 3] + 1)
    ok &= (t.window[lt] & np.uint64(2**56 - 1)) == word("<trkpt ")
    one, two = t.window[lt + 6] & np.uint64(2**40 - 1), t.window[q[:, 1]] & np.uint64(2**56 - 1)
    lat_first = (one == word(" lat=")) & (two == word('" lon="'))
    lon_first = (one == word(" lon=")) & (two == word('" lat="'))
    if not (ok & (lat_first | lon_first)).all():
        return None
    a = (q[:, 0] + 1, q[:, 1] - q[:, 0] - 1)
    b = (q[:, 2] + 1, q[:, 3] - q[:, 2] - 1)
    lon = (np.where(lat_first, b[0], a[0]), np.where(lat_first, b[1], a[1]))
    lat = (np.where(lat_first, a[0], b[0]), np.where(lat_first, a[1], b[1]))
    return lon, lat


def _parsed(t: Tags, first: np.ndarray) -> tuple[np.ndarray, Span, Span]:
    """The start tags side by side and the spans in them; Retry("reader") for another attribute or blanks at '='."""
    starts, lengths = t.lt[first], t.gt[first] - t.lt[first] + 1
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    raw = np.concatenate([t.raw[np.repeat(starts - offsets[:-1], lengths) + np.arange(offsets[-1])],
                          np.zeros(64, np.uint8)])
    equals = np.flatnonzero(raw == EQUALS)
    point = np.searchsorted(offsets, equals, "right") - 1
    quote, stop = raw[equals + 1], np.zeros(len(equals), np.int64)
    for q in (QUOTE, APOSTROPHE):
        where, hit = np.flatnonzero(raw == q), quote == q
        stop[hit] = where[np.minimum(np.searchsorted(where, equals[hit] + 2), max(len(where) - 1, 0))]
    good = ((quote == QUOTE) | (quote == APOSTROPHE)) & (stop > equals + 1) & (stop < offsets[point + 1])
    result, matched = [], np.zeros(len(equals), bool)
    for name in (b"lon", b"lat"):
        hit = good & BLANK[raw[equals - 4]] & (raw[equals - 3] == name[0]) & (raw[equals - 2] == name[1]) \
            & (raw[equals - 1] == name[2])
        start, length = np.zeros(len(first), np.int64), np.zeros(len(first), np.int64)
        start[point[hit]], length[point[hit]] = equals[hit] + 2, stop[hit] - equals[hit] - 2
        result.append((start, length))
        matched |= hit
    if not matched.all():
        raise Retry("reader")
    return raw, result[0], result[1]
