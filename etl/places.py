"""Where a point falls: the county polygons in memory, with the swapped-coordinates check."""

from __future__ import annotations

from dataclasses import dataclass

import shapely
import sqlalchemy as sa
from shapely import Point, STRtree

from db.sql import query
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

    def check(self, report: Report, row: int, columns: tuple[str, str], lon: float,
              lat: float) -> str | None:
        """The point's county, or None after reporting why it cannot be placed."""
        label = f"{columns[0]}/{columns[1]}"
        value = f"{lon}, {lat}"
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            if -90 <= lon <= 90 and -180 <= lat <= 180 and self.locate(lat, lon):
                report.add(row, label, value, SWAPPED)
            else:
                report.add(row, label, value, "coordinates out of range (longitude −180…180, "
                                              "latitude −90…90)")
            return None
        adcode = self.locate(lon, lat)
        if adcode:
            return adcode
        if -90 <= lon <= 90 and self.locate(lat, lon):
            report.add(row, label, value, SWAPPED)
        else:
            report.add(row, label, value, OUTSIDE)
        return None
