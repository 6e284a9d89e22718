"""Geometry for print maps: WGS-84 → UTM 47N, shapely shapes → matplotlib paths, grid north, nice lengths."""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import shapely
from matplotlib.path import Path
from pyproj import Transformer

UTM = "EPSG:32647"
_TO_UTM = Transformer.from_crs("EPSG:4326", UTM, always_xy=True)
Box = tuple[float, float, float, float]


def to_utm(lon: Iterable[float], lat: Iterable[float]) -> np.ndarray:
    """Points in WGS-84 as an (n, 2) array of UTM 47N metres."""
    x, y = _TO_UTM.transform(np.asarray(list(lon), dtype=float), np.asarray(list(lat), dtype=float))
    return np.column_stack([np.atleast_1d(x), np.atleast_1d(y)]).reshape(-1, 2)


def polygon_path(geom: shapely.Geometry) -> Path:
    """A (multi)polygon as one compound path, holes included (even-odd filling)."""
    vertices, codes = [], []
    for poly in getattr(geom, "geoms", [geom]):
        for ring in [poly.exterior, *poly.interiors]:
            xy = np.asarray(ring.coords)[:, :2]
            vertices.append(xy)
            codes.append([Path.MOVETO] + [Path.LINETO] * (len(xy) - 2) + [Path.CLOSEPOLY])
    if not vertices:
        return Path(np.zeros((1, 2)), [Path.MOVETO])
    return Path(np.concatenate(vertices), np.concatenate(codes))


def line_parts(geom: shapely.Geometry) -> list[np.ndarray]:
    """Each part of a (multi)linestring as an (n, 2) array."""
    return [np.asarray(part.coords)[:, :2] for part in getattr(geom, "geoms", [geom]) if len(part.coords) > 1]


def fit_box(box: Box, aspect: float, margin: float = 0.04) -> Box:
    """The box grown (about its centre, plus a margin) to the width/height ratio aspect."""
    x0, y0, x1, y1 = box
    w, h = max(x1 - x0, 1.0) * (1 + 2 * margin), max(y1 - y0, 1.0) * (1 + 2 * margin)
    w, h = max(w, h * aspect), max(h, w / aspect)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2


def true_north(x: float, y: float) -> float:
    """Angle (degrees, counter-clockwise from the grid's +y) of true north at a UTM point."""
    to_geo = Transformer.from_crs(UTM, "EPSG:4326", always_xy=True)
    lon, lat = to_geo.transform(x, y)
    nx, ny = _TO_UTM.transform(lon, lat + 0.01)
    return math.degrees(math.atan2(-(nx - x), ny - y))
