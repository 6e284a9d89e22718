"""Police units (派出所, 大队, 公安局): columns and validation."""

from __future__ import annotations

from etl import fields
from etl.columns import Column
from etl.options import LoadOptions
from etl.places import CountyLocator
from etl.readers.tabular import Table
from etl.report import Report
from etl.validate import drop_duplicates, parse_rows

COLUMNS = [
    Column("unit_code", ("单位代码", "机构代码", "代码", "code"), fields.text, required=True),
    Column("name", ("单位名称", "名称"), fields.text, required=True),
    Column("unit_type", ("单位类型", "类型", "type"), fields.text, required=True),
    Column("address", ("地址",), fields.text),
    Column("lon", ("经度", "lng", "longitude", "x"), fields.decimal, required=True),
    Column("lat", ("纬度", "latitude", "y"), fields.decimal, required=True),
]
STAGED = ["unit_code", "name", "unit_type", "county_adcode", "address", "lon", "lat", "source_crs"]


def validate(table: Table, report: Report, counties: CountyLocator, options: LoadOptions) -> list[tuple]:
    """Rows ready to stage; every problem is added to the report."""
    rows = parse_rows(table, COLUMNS, report, options.headers)
    rows = drop_duplicates(rows, "unit_code", "单位代码", report)
    staged = []
    for row in rows:
        v = row.values
        placed = counties.place(report, row.number, ("经度", "纬度"), v["lon"], v["lat"], options.crs)
        if placed is None:
            continue
        v["county_adcode"], v["lon"], v["lat"] = placed
        v["source_crs"] = options.crs
        staged.append(tuple(v[name] for name in STAGED))
    return staged
