"""Where a point falls: the county polygons in memory, with the swapped-coordinates check."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import shapely
import sqlalchemy as sa
from shapely import Point, STRtree

from db.errors import UnreadableFile
from db.sql import query
from etl.crs import is_geographic, to_wgs84
from etl.options import LoadOptions
from etl.readers.tabular import Table, read_table
from etl.report import Report

OUTSIDE = "point outside the prefecture (expected a location inside one of its counties)"
SWAPPED = "latitude and longitude swapped (the point falls inside the prefecture when exchanged)"


@dataclass
class CountyLocator:
    """County polygons, indexed for point-in-polygon lookups."""

    adcodes: list[str]
    tree: STRtree

    @classmethod
    def from_db(cls, conn: sa.Connection) -> CountyLocator:
        """Load the county boundaries from the database."""
        rows = conn.execute(query("county_shapes")).all()
        return cls([r.adcode for r in rows], STRtree([shapely.from_wkb(r.wkb) for r in rows]))

    def locate(self, lon: float, lat: float) -> str | None:
        """Adcode of the county containing the point, or None."""
        hits = self.tree.query(Point(lon, lat), predicate="intersects")
        return self.adcodes[int(min(hits))] if len(hits) else None

    def _try(self, crs: str, x: float, y: float) -> tuple[str, float, float] | None:
        """County and WGS-84 position of a source point, if it is a plausible one inside."""
        if is_geographic(crs) and not (-180 <= x <= 180 and -90 <= y <= 90):
            return None
        convert = to_wgs84(crs)
        lon, lat = convert(x, y)
        adcode = self.locate(lon, lat)
        return (adcode, round(lon, 7), round(lat, 7)) if adcode else None

    def place(self, report: Report, row: int, columns: tuple[str, str], x: float, y: float,
              crs: str = "EPSG:4326") -> tuple[str, float, float] | None:
        """(county, lon, lat) in WGS-84 of a point given in crs, or None after reporting why not."""
        label, value = f"{columns[0]}/{columns[1]}", f"{x}, {y}"
        placed = self._try(crs, x, y)
        if placed:
            return placed
        if self._try(crs, y, x):
            report.add(row, label, value, SWAPPED)
        elif is_geographic(crs) and not (-180 <= x <= 180 and -90 <= y <= 90):
            report.add(row, label, value, "coordinates out of range (longitude −180…180, latitude −90…90)")
        else:
            report.add(row, label, value, OUTSIDE)
        return None


TableCheck = Callable[[Table, Report, CountyLocator, LoadOptions], list[tuple]]


def placed_table(check: TableCheck) -> Callable[[Path, Report, sa.Connection, LoadOptions], list[tuple]]:
    """A dataset validator for a table whose points must fall inside a loaded county."""

    def validate(path: Path, report: Report, conn: sa.Connection, options: LoadOptions) -> list[tuple]:
        locator = CountyLocator.from_db(conn)
        if not locator.adcodes:
            raise UnreadableFile(f"{path.name}: no counties are loaded yet; run `xiaoan load counties` first")
        return check(read_table(path), report, locator, options)

    return validate
