"""Township seats (乡镇政府驻地) for the basemap: name and location; the county comes from the location."""

from __future__ import annotations

from etl import fields
from etl.columns import Column
from etl.options import LoadOptions
from etl.places import CountyLocator
from etl.readers.tabular import Table
from etl.report import Report
from etl.validate import parse_rows

COLUMNS = [
    Column("township", ("乡镇", "乡镇名称", "名称", "name"), fields.text, required=True),
    Column("lon", ("经度", "lng", "longitude", "x"), fields.decimal, required=True),
    Column("lat", ("纬度", "latitude", "y"), fields.decimal, required=True),
]
STAGED = ["county_adcode", "name", "lon", "lat"]


def validate(table: Table, report: Report, counties: CountyLocator, options: LoadOptions) -> list[tuple]:
    """Rows ready to stage; a name repeated in one county is reported."""
    staged, seen = [], {}
    for row in parse_rows(table, COLUMNS, report, options.headers):
        v = row.values
        placed = counties.place(report, row.number, ("经度", "纬度"), v["lon"], v["lat"], options.crs)
        if placed is None:
            continue
        key = (placed[0], v["township"])
        if key in seen:
            report.add(row.number, "乡镇", v["township"], f"duplicate key inside the file (first on row {seen[key]})")
            continue
        seen[key] = row.number
        staged.append((placed[0], v["township"], placed[1], placed[2]))
    return staged
