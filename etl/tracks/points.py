"""The raw points the track readers yield (row by row, or as columns of text) and the checked points."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa

BATCH_SIZE = 20_000
# One raw point: (row or point number, vehicle, time, lon, lat, speed, heading); "" where absent.
RawPoint = tuple[int, str, str, str, str, str, str]
# The columns of a good point as the load stages it; ts is UTC without zone.
STAGED = ["row_no", "vehicle_id", "ts", "lon", "lat", "speed", "heading"]


class Retry(Exception):  # noqa: N818 — a signal, not an error
    """The fast way cannot take this file ('order': not sorted per vehicle, 'reader': unusual markup)."""

    def __init__(self, what: str) -> None:
        """Say which fast way gave up."""
        super().__init__(what)
        self.what = what


@dataclass
class RawColumns:
    """Raw values of many points as Arrow binary arrays in the file's encoding, with their row numbers."""

    number: np.ndarray
    vehicle: pa.Array  # binary, or dictionary-encoded binary
    time: pa.Array
    x: pa.Array
    y: pa.Array
    speed: pa.Array | None = None
    heading: pa.Array | None = None
    encoding: str = "utf-8"

    def __len__(self) -> int:
        """Number of points."""
        return len(self.number)

    def raw_points(self, rows: np.ndarray | None = None) -> list[RawPoint]:
        """Some (by index) or all points as RawPoint tuples, decoded and stripped as the row readers do."""
        rows = np.arange(len(self)) if rows is None else rows
        if not len(rows):
            return []
        index = pa.array(rows)
        empty = [b""] * len(rows)
        columns = [c.take(index).to_pylist() if c is not None else empty
                   for c in (self.vehicle, self.time, self.x, self.y, self.speed, self.heading)]
        enc = self.encoding
        return [(int(n), *(v.decode(enc).strip() for v in values))
                for n, *values in zip(self.number[rows].tolist(), *columns, strict=True)]


@dataclass
class PointBatch:
    """Raw points of one stretch of a file; `speed_scale` turns the file's speed unit into km/h."""

    points: list[RawPoint] = field(default_factory=list)
    problems: list[tuple[int, str, str]] = field(default_factory=list)  # (number, value, reason) found reading
    speed_scale: float = 1.0
    position: int = 0  # bytes of the file consumed so far, for progress bars
    columns: RawColumns | None = None

    def raw_points(self) -> list[RawPoint]:
        """Every point of the batch as RawPoint tuples, in file order."""
        columns = self.columns.raw_points() if self.columns is not None else []
        return sorted(self.points + columns, key=lambda p: p[0])

    @property
    def read(self) -> int:
        """Rows of the file this batch accounts for."""
        return len(self.points) + len(self.columns or ()) + len({n for n, _, _ in self.problems})


@dataclass
class Checked:
    """Good points as arrays: row, vehicle code, ts (µs since 1970, UTC), lon, lat, speed km/h, heading (NaN: none)."""

    row: np.ndarray
    vehicle: np.ndarray
    ts: np.ndarray
    lon: np.ndarray
    lat: np.ndarray
    speed: np.ndarray
    heading: np.ndarray

    @classmethod
    def concat(cls, parts: list[Checked]) -> Checked:
        """The points of several parts together."""
        if len(parts) == 1:
            return parts[0]
        names = cls.__dataclass_fields__
        return cls(**{n: np.concatenate([getattr(p, n) for p in parts]) for n in names})

    @classmethod
    def empty(cls) -> Checked:
        """No points."""
        i8, f8 = np.empty(0, np.int64), np.empty(0, np.float64)
        return cls(i8, np.empty(0, np.int32), i8, f8, f8, f8, f8)

    def take(self, index: np.ndarray) -> Checked:
        """Some points, by index or mask."""
        return Checked(*(getattr(self, n)[index] for n in self.__dataclass_fields__))

    def __len__(self) -> int:
        """Number of points."""
        return len(self.row)
