"""Source coordinate systems: WGS-84, CGCS2000, GCJ-02, BD-09 or any EPSG code, all to WGS-84."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import prcoords
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError

from db.errors import XiaoAnError

ALIASES = {"wgs84": "EPSG:4326", "epsg:4326": "EPSG:4326", "cgcs2000": "EPSG:4490",
           "epsg:4490": "EPSG:4490", "gcj02": "GCJ-02", "gcj-02": "GCJ-02", "bd09": "BD-09", "bd-09": "BD-09"}
Convert = Callable[[float, float], tuple[float, float]]


class UnknownCrs(XiaoAnError):
    """A --crs value that names no coordinate system."""


def canonical(name: str) -> str:
    """The recorded name of a CRS option: EPSG:4326, EPSG:4490, GCJ-02, BD-09 or EPSG:n."""
    key = name.strip().lower()
    if key in ALIASES:
        return ALIASES[key]
    try:
        code = CRS.from_user_input(name).to_epsg()
    except CRSError:
        code = None
    if code is None:
        raise UnknownCrs(f"unknown coordinate system {name!r}; expected wgs84, cgcs2000, gcj02, bd09 or EPSG:n")
    return f"EPSG:{code}"


def _chinese(inverse: Callable[[prcoords.Coords], prcoords.Coords]) -> Convert:
    """Wrap prcoords' iterative (millimetre-exact) inverse as a lon/lat function."""

    def convert(lon: float, lat: float) -> tuple[float, float]:
        out = inverse(prcoords.Coords(lat, lon), check_china=False)
        return out.lon, out.lat

    return convert


@cache
def to_wgs84(name: str) -> Convert:
    """A function (lon, lat) in the named CRS → (lon, lat) in WGS-84."""
    crs = canonical(name)
    if crs in {"EPSG:4326", "EPSG:4490"}:  # CGCS2000 and WGS-84 agree to well under a metre
        return lambda lon, lat: (lon, lat)
    if crs == "GCJ-02":
        return _chinese(prcoords.gcj_wgs_bored)
    if crs == "BD-09":
        return _chinese(prcoords.bd_wgs_bored)
    transformer = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    return lambda x, y: transformer.transform(x, y)


@cache
def is_geographic(name: str) -> bool:
    """Whether coordinates in this CRS are degrees (so ranges and swaps can be checked)."""
    crs = canonical(name)
    return crs in {"GCJ-02", "BD-09"} or CRS.from_user_input(crs).is_geographic
