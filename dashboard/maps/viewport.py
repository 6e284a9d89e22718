"""Map framing (pure): bounding boxes of county outlines and a Web-Mercator view that fits them."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pydeck as pdk

Bounds = tuple[float, float, float, float]
TILE_PX = 512  # deck.gl's Web-Mercator zoom 0 is one 512-pixel tile
NUJIANG: Bounds = (98.08, 25.55, 99.65, 28.40)


def _coords(geometry: Mapping[str, Any]) -> Iterable[Sequence[float]]:
    """Every position of a GeoJSON Polygon or MultiPolygon."""
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for poly in polys:
        for ring in poly:
            yield from ring


def bounds(counties: Iterable[Mapping[str, Any]], selected: Sequence[str] = ()) -> Bounds:
    """Bounding box of the selected counties (all when none is selected)."""
    xs: list[float] = []
    ys: list[float] = []
    for c in counties:
        if not selected or c["adcode"] in selected:
            for x, y, *_ in _coords(c["geojson"]):
                xs.append(x)
                ys.append(y)
    return (min(xs), min(ys), max(xs), max(ys)) if xs else NUJIANG


def _merc(lat: float) -> float:
    """Web-Mercator y of a latitude, in radians."""
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def fit_view(box: Bounds, width: int = 800, height: int = 640, margin: float = 0.1) -> pdk.ViewState:
    """A Web-Mercator view that shows the box in a width × height pixel map."""
    west, south, east, north = box
    dx = max(math.radians(east - west), 1e-6)
    dy = max(_merc(north) - _merc(south), 1e-6)
    world = TILE_PX / (2 * math.pi)  # pixels per radian at zoom 0
    zoom = min(math.log2(width / (world * dx)), math.log2(height / (world * dy)))
    lat = math.degrees(math.atan(math.sinh((_merc(north) + _merc(south)) / 2)))
    return pdk.ViewState(longitude=round((west + east) / 2, 5), latitude=round(lat, 5),
                         zoom=round(max(3.0, min(14.0, zoom - margin)), 2), pitch=0, bearing=0)


def nice_length(span_m: float) -> float:
    """A round scale-bar length (1, 2 or 5 × 10^n metres) of at most span_m."""
    power = 10 ** math.floor(math.log10(max(span_m, 1.0)))
    return max(step * power for step in (1, 2, 5) if step * power <= span_m)
