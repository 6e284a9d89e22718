"""Line features (roads, road works): a vector file as a table, line checks, placement in the prefecture."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString
from shapely.geometry.base import BaseGeometry

from db.errors import UnreadableFile
from etl.columns import Column, normalise
from etl.crs import UnknownCrs, canonical, is_geographic, to_wgs84
from etl.places import OUTSIDE, SWAPPED, CountyLocator
from etl.readers.geojson import Feature
from etl.readers.tabular import Table, cell_text
from etl.readers.vector import SUFFIXES, VectorFile, read_vector
from etl.report import Report

GEOMETRY = "geometry"


@dataclass
class Lines:
    """A vector file as a table (row number = feature number), its features and its source CRS."""

    table: Table
    features: dict[int, Feature]
    crs: str


def is_vector(path: Path) -> bool:
    """Whether a file is a Shapefile or GeoJSON rather than a table."""
    return path.suffix.lower() in SUFFIXES


def _header(name: str, columns: list[Column], codec: str | None) -> str:
    """A dBASE field name cut at 10 bytes (道路编号 → 道路编 in UTF-8) restored to the alias it was."""
    aliases = [a for c in columns for a in (c.name, *c.aliases)]
    if not codec or normalise(name) in {normalise(a) for a in aliases}:
        return name
    cut = {a for a in aliases if a.encode(codec, "ignore")[:10].decode(codec, "ignore") == name}
    return cut.pop() if len(cut) == 1 else name


def read_lines(path: Path, columns: list[Column], crs_option: str) -> Lines:
    """Read a Shapefile/GeoJSON; the --crs option wins when given, else the file's own CRS, else WGS-84."""
    data: VectorFile = read_vector(path)
    header = [_header(f, columns, data.encoding) for f in data.fields] + [GEOMETRY]
    rows = [[cell_text(f.properties[k]) for k in data.fields] + [f.geometry.geom_type if f.geometry else "none"]
            for f in data.features]
    crs = crs_option
    if crs_option == "EPSG:4326" and data.crs:
        try:
            crs = canonical(data.crs)
        except UnknownCrs:
            raise UnreadableFile(f"{path.name}: the file's coordinate system has no EPSG code; "
                                 "name it with --crs EPSG:n") from None
    return Lines(Table(header, rows, first_row=1), {f.number: f for f in data.features}, crs)


def line_problem(feature: Feature) -> str | None:
    """Why a feature is not a usable line, or None."""
    geom = feature.geometry
    if geom is None:
        return f"invalid geometry: {feature.geometry_error or 'none'}"
    if not isinstance(geom, LineString | MultiLineString):
        return f"invalid geometry: expected LineString or MultiLineString, got {geom.geom_type}"
    parts = list(geom.geoms) if isinstance(geom, MultiLineString) else [geom]
    if geom.is_empty or any(p.is_empty for p in parts):
        return "invalid geometry: empty line (expected at least two distinct points)"
    if not np.isfinite(shapely.get_coordinates(geom)).all():
        return "invalid geometry: a coordinate is not a number"
    if any(p.length == 0 for p in parts):
        return "invalid geometry: zero-length line (expected at least two distinct points)"
    if not all(p.is_simple for p in parts):
        return "invalid geometry: self-intersecting line (expected a line that does not cross itself)"
    return None


def _to_wgs84(geom: BaseGeometry, crs: str) -> BaseGeometry:
    """The geometry in WGS-84, coordinates rounded to 7 decimals (1 cm)."""
    convert = to_wgs84(crs)
    return shapely.transform(geom, lambda xy: np.round([convert(x, y) for x, y in xy], 7).reshape(-1, 2))


def _county(locator: CountyLocator, geom: BaseGeometry) -> str | None:
    """The county holding the longest stretch of a WGS-84 line, or None when it misses them all."""
    hits = locator.tree.query(geom, predicate="intersects")
    if not len(hits):
        return None
    best = max(hits, key=lambda i: (geom.intersection(locator.tree.geometries[i]).length, -i))
    return locator.adcodes[int(best)]


def _in_range(geom: BaseGeometry, crs: str) -> bool:
    """Whether degrees stay within −180…180 and −90…90 (always true for a projected CRS)."""
    xmin, ymin, xmax, ymax = geom.bounds
    return not is_geographic(crs) or (-180 <= xmin <= xmax <= 180 and -90 <= ymin <= ymax <= 90)


def _try(geom: BaseGeometry, crs: str, locator: CountyLocator) -> tuple[str, BaseGeometry] | None:
    """County and WGS-84 form of a line in crs, if it is plausible and reaches into the prefecture."""
    if not _in_range(geom, crs):
        return None
    wgs = _to_wgs84(geom, crs)
    county = _county(locator, wgs)
    return (county, wgs) if county else None


def place_line(report: Report, row: int, geom: BaseGeometry, locator: CountyLocator,
               crs: str) -> tuple[str, str] | None:
    """(county, EWKB hex of a WGS-84 MultiLineString) of a line in crs, or None after reporting why not."""
    placed = _try(geom, crs, locator)
    if placed:
        county, wgs = placed
        multi = wgs if isinstance(wgs, MultiLineString) else MultiLineString([wgs])
        return county, shapely.to_wkb(shapely.set_srid(multi, 4326), hex=True, include_srid=True)
    x, y = shapely.get_coordinates(geom)[0]
    value = f"{geom.geom_type} from {x}, {y}"
    if _try(shapely.transform(geom, lambda xy: xy[:, ::-1]), crs, locator):
        report.add(row, GEOMETRY, value, SWAPPED)
    elif not _in_range(geom, crs):
        report.add(row, GEOMETRY, value, "coordinates out of range (longitude −180…180, latitude −90…90)")
    else:
        report.add(row, GEOMETRY, value, OUTSIDE)
    return None
