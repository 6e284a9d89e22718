"""Roads from a Shapefile or GeoJSON: id, name, class and a (Multi)LineString inside the prefecture."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from db.errors import UnreadableFile
from etl import fields
from etl.columns import Column
from etl.lines import GEOMETRY, Lines, is_vector, line_problem, place_line, read_lines
from etl.options import LoadOptions
from etl.places import CountyLocator
from etl.references import Context
from etl.report import Report
from etl.validate import Row, drop_duplicates, parse_rows

COLUMNS = [
    Column("road_id", ("道路编号", "编号", "路段编号", "id"), fields.text, required=True),
    Column("name", ("道路名称", "名称", "路名"), fields.text),
    Column("road_class", ("道路等级", "等级", "class", "fclass"), fields.text),
]
STAGED = ["road_id", "name", "road_class", "county_adcode", "geom", "source_crs"]


def checked_line(row: Row, lines: Lines, report: Report, locator: CountyLocator) -> bool:
    """Put the county and WGS-84 EWKB of a row's line into its values, or report why not."""
    feature = lines.features[row.number]
    problem = line_problem(feature)
    if problem:
        report.add(row.number, GEOMETRY, feature.geometry.geom_type if feature.geometry else "", problem)
        return False
    placed = place_line(report, row.number, feature.geometry, locator, lines.crs)
    if placed is None:
        return False
    row.values["county_adcode"], row.values["geom"] = placed
    row.values["source_crs"] = lines.crs
    return True


def validate(path: Path, report: Report, conn: sa.Connection, options: LoadOptions) -> list[tuple]:
    """Rows ready to stage; every problem is added to the report."""
    if not is_vector(path):
        raise UnreadableFile(f"{path.name}: roads come as a Shapefile (.shp with .shx, .dbf and .cpg) "
                             "or as GeoJSON")
    lines = read_lines(path, COLUMNS, options.crs)
    rows = drop_duplicates(parse_rows(lines.table, COLUMNS, report, options.headers), "road_id", "道路编号",
                           report)
    locator = Context(conn, path.name).counties()
    return [tuple(row.values[n] for n in STAGED) for row in rows if checked_line(row, lines, report, locator)]
