"""The prefecture as one prepared shape, and vectorised placing of whole batches of points in it."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
import sqlalchemy as sa
from shapely.geometry.base import BaseGeometry

from db.errors import UnreadableFile
from db.sql import query
from etl.crs import canonical, is_geographic, to_wgs84

INSIDE, OUTSIDE, SWAPPED, OUT_OF_RANGE = 0, 1, 2, 3
PER_POINT = {"GCJ-02", "BD-09"}  # prcoords converts one point at a time
CELL = 0.02  # degrees: a grid of cells wholly inside the area spares GEOS most points (10 k cells: 7 ms)
MARGIN = 1e-9  # cells are tested a little larger, so that rounding when a point is binned cannot matter


def to_wgs84_arrays(crs: str, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """WGS-84 lon/lat arrays of x/y arrays in crs; NaN where the source is not a possible position."""
    crs = canonical(crs)
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    if is_geographic(crs):
        bad = ~((np.abs(x) <= 180) & (np.abs(y) <= 90))
        x, y = np.where(bad, np.nan, x), np.where(bad, np.nan, y)
    convert = to_wgs84(crs)
    if crs not in PER_POINT:
        lon, lat = convert(x, y)
        return np.asarray(lon, dtype=np.float64), np.asarray(lat, dtype=np.float64)
    lon, lat = np.full(len(x), np.nan), np.full(len(x), np.nan)
    for i in np.flatnonzero(np.isfinite(x) & np.isfinite(y)):
        lon[i], lat[i] = convert(float(x[i]), float(y[i]))
    return lon, lat


@dataclass
class Area:
    """The union of the county polygons, prepared for fast point-in-polygon tests."""

    shape: BaseGeometry
    grid: tuple[float, float, np.ndarray] | None = None  # west, south, cell wholly inside [row, column]

    @classmethod
    def from_shapes(cls, shapes: list[BaseGeometry]) -> Area:
        """The prepared union of some polygons."""
        union = shapely.union_all(shapes)
        shapely.prepare(union)
        return cls(union)

    def inside(self, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
        """Whether each point lies inside the area (not on its boundary), as shapely.contains_xy says."""
        if self.grid is None:
            west, south, east, north = self.shape.bounds
            x, y = np.meshgrid(west + CELL * np.arange(int((east - west) / CELL) + 1),
                               south + CELL * np.arange(int((north - south) / CELL) + 1))
            cells = shapely.box(x - MARGIN, y - MARGIN, x + CELL + MARGIN, y + CELL + MARGIN)
            self.grid = (west, south, shapely.contains_properly(self.shape, cells))
        west, south, cells = self.grid
        with np.errstate(invalid="ignore"):
            column, row = np.floor((lon - west) / CELL), np.floor((lat - south) / CELL)
            binned = (column >= 0) & (column < cells.shape[1]) & (row >= 0) & (row < cells.shape[0])
        sure = np.zeros(len(lon), bool)
        sure[binned] = cells[row[binned].astype(np.int64), column[binned].astype(np.int64)]
        rest = np.flatnonzero(~sure)
        sure[rest] = shapely.contains_xy(self.shape, lon[rest], lat[rest])
        return sure

    @classmethod
    def from_db(cls, conn: sa.Connection) -> Area:
        """The prefecture from the county table; without counties no point can be placed."""
        rows = conn.execute(query("county_shapes")).all()
        if not rows:
            raise UnreadableFile("no counties are loaded yet; run `xiaoan load counties` first")
        return cls.from_shapes([shapely.from_wkb(r.wkb) for r in rows])

    def place(self, crs: str, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """WGS-84 lon and lat (converted ones rounded to 7 decimals, about 1 cm) and a verdict per point."""
        lon, lat = to_wgs84_arrays(crs, x, y)
        verdict = np.where(self.inside(lon, lat), INSIDE, OUTSIDE)
        outside = np.flatnonzero(verdict != INSIDE)
        if len(outside):
            x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
            swapped_lon, swapped_lat = to_wgs84_arrays(crs, y[outside], x[outside])
            swapped = shapely.contains_xy(self.shape, swapped_lon, swapped_lat)
            verdict[outside[swapped]] = SWAPPED
            if is_geographic(crs):
                impossible = ~((np.abs(x[outside]) <= 180) & (np.abs(y[outside]) <= 90))
                verdict[outside[impossible & ~swapped]] = OUT_OF_RANGE
        if canonical(crs) in {"EPSG:4326", "EPSG:4490"}:
            return lon, lat, verdict
        return np.round(lon, 7), np.round(lat, 7), verdict
