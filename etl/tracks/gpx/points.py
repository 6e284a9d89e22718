"""The points of a stretch of plain GPX: lat and lon attributes, first time, speed and course, vehicle, as columns."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa
from numpy.lib.stride_tricks import sliding_window_view

from etl.tracks.gpx.attributes import attributes
from etl.tracks.gpx.tags import VALUES, Tags, local_name
from etl.tracks.points import RawColumns, Retry

if TYPE_CHECKING:
    from etl.tracks.gpx.structure import Scanner

WIDEST = 64  # longest value gathered through a sliding window


def text(raw: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> pa.Array:
    """A binary array of byte ranges of raw."""
    offsets = np.zeros(len(starts) + 1, np.int32)
    np.cumsum(lengths, out=offsets[1:])
    widest = int(lengths.max()) if len(lengths) else 0
    if widest <= WIDEST and (not len(starts) or starts.max() + widest <= len(raw)):  # no index array
        rows = sliding_window_view(raw, max(widest, 1))[starts]
        data = rows[np.arange(rows.shape[1]) < lengths[:, None]] if (lengths != widest).any() else rows
    else:
        data = raw[np.repeat(starts - offsets[:-1], lengths) + np.arange(offsets[-1])]
    return pa.BinaryArray.from_buffers(pa.binary(), len(starts), [None, pa.py_buffer(offsets),
                                                                    pa.py_buffer(data.tobytes())])


def points_of(scanner: Scanner, t: Tags, buffer: bytes) -> RawColumns:
    """Raw columns of the points of a stretch; Retry("reader") where the markup is not plain."""
    trkpt = t.starts_named("trkpt")
    opened, alone = trkpt[~t.empty[trkpt]], trkpt[t.empty[trkpt]]
    ends = t.ends_named("trkpt", prefixed=False)
    if len(opened) != len(ends) or len(t.ends_named("trkpt")) != len(ends) or (ends < opened).any() \
            or (opened[1:] < ends[:-1]).any():
        raise Retry("reader")  # prefixed or nested points
    mark = np.zeros(len(t.lt) + 1, np.int32)
    mark[opened + 1] += 1
    mark[ends] -= 1
    inside = np.cumsum(mark[:-1]) > 0
    own = np.zeros(len(t.lt), bool)
    own[opened], own[ends], own[alone] = True, True, True
    if inside[alone].any():
        raise Retry("reader")
    vehicle = scanner.code(scanner.vehicle)
    changes = scanner.structure(buffer, np.flatnonzero(~inside & ~own), t.lt, t.gt, t.closing, t.empty)
    order = np.argsort(np.concatenate([opened, alone]), kind="stable")
    first, last = np.concatenate([opened, alone])[order], np.concatenate([ends, alone])[order]
    n = len(first)
    change = np.searchsorted(np.array(changes[0], np.int64), last) - 1
    codes = np.where(change >= 0, np.array([vehicle, *changes[1]], np.int32)[change + 1], vehicle)
    tags, x, y = attributes(t, first)
    values = [_value(t, buffer, name, first, last, inside) for name in VALUES]
    columns = [text(t.raw, *values[0]), text(tags, *x), text(tags, *y), text(t.raw, *values[1]),
               text(t.raw, *values[2])]
    names = pa.array([name.encode() for name in scanner.names], pa.binary())
    dictionary = pa.DictionaryArray.from_arrays(pa.array(codes, pa.int32()), names)
    return RawColumns(scanner.count + 1 + np.arange(n), dictionary, *columns, encoding="utf-8")


def _value(t: Tags, buffer: bytes, name: str, first: np.ndarray, last: np.ndarray,
           inside: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(start, length) of the text of each point's first element of a local name ('' if it has none)."""
    ends = t.ends_named(name)
    ends = ends[inside[ends]]
    if ((t.closing | t.empty)[ends - 1]).any():
        raise Retry("reader")  # the element has children: its text is not simply what is between the tags
    empty = np.flatnonzero(t.empty & inside)
    empty = empty[[local_name(buffer, int(t.lt[i])) == name for i in empty.tolist()]] if len(empty) else empty
    at = np.concatenate([ends - 1, empty])
    starts = np.concatenate([t.gt[ends - 1] + 1, t.gt[empty]])
    stops = np.concatenate([t.lt[ends], t.gt[empty]])
    order = np.argsort(at, kind="stable")
    at, starts, stops = at[order], starts[order], stops[order]
    point = np.searchsorted(first, at, "right") - 1
    mine, index = np.unique(point, return_index=True)
    start, length = np.zeros(len(first), np.int64), np.zeros(len(first), np.int64)
    start[mine], length[mine] = starts[index], stops[index] - starts[index]
    return start, length
