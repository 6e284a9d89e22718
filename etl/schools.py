"""Schools: columns, validation and the row shape staged for the upsert."""

from __future__ import annotations

from db import clock
from db.models.base import SCHOOL_TYPES
from etl import fields
from etl.columns import Column
from etl.options import LoadOptions
from etl.places import CountyLocator
from etl.readers.tabular import Table
from etl.report import Report
from etl.validate import Row, drop_duplicates, parse_rows

COLUMNS = [
    Column("school_code", ("学校标识码", "学校代码", "标识码", "code"), fields.text, required=True),
    Column("name", ("学校名称", "名称", "学校"), fields.text, required=True),
    Column("school_type", ("学校类型", "办学类型", "类型", "type"), fields.text, required=True),
    Column("township", ("乡镇", "所属乡镇", "乡(镇)"), fields.text),
    Column("address", ("地址", "学校地址"), fields.text),
    Column("pupils", ("在校生数", "学生数", "students"), fields.count),
    Column("staff", ("教职工数", "教职工"), fields.count),
    Column("lon", ("经度", "lng", "longitude", "x"), fields.decimal, required=True),
    Column("lat", ("纬度", "latitude", "y"), fields.decimal, required=True),
    Column("gate_lon", ("大门经度", "校门经度"), fields.decimal),
    Column("gate_lat", ("大门纬度", "校门纬度"), fields.decimal),
    Column("full_time_guard", ("专职保安员", "专职保安"), fields.flag),
    Column("closed_management", ("封闭化管理", "封闭管理"), fields.flag),
    Column("alarm_video_linked", ("一键报警视频联网", "一键式紧急报警", "报警联网"), fields.flag),
    Column("guard_post", ("护学岗",), fields.flag),
    Column("checked_on", ("检查日期", "check_date"), fields.date),  # the flags' check; else the load date
]
STAGED = ["school_code", "name", "school_type", "county_adcode", "township", "address", "pupils", "staff",
          "lon", "lat", "gate_lon", "gate_lat", "full_time_guard", "closed_management",
          "alarm_video_linked", "guard_post", "checked_on", "source_crs"]


def validate(table: Table, report: Report, counties: CountyLocator, options: LoadOptions) -> list[tuple]:
    """Rows ready to stage; every problem is added to the report."""
    rows = parse_rows(table, COLUMNS, report, options.headers)
    rows = drop_duplicates(rows, "school_code", COLUMNS[0].aliases[0], report)
    staged, today = [], clock.today()
    for row in rows:
        row.values["checked_on"] = row.values["checked_on"] or today
        if _check(row, report, counties, options.crs):
            staged.append(tuple(row.values.get(name) for name in STAGED))
    return staged


def _check(row: Row, report: Report, counties: CountyLocator, crs: str) -> bool:
    """Type in the vocabulary, location and gate inside the prefecture."""
    v = row.values
    ok = True
    if v["school_type"] not in SCHOOL_TYPES:
        report.add(row.number, "学校类型", v["school_type"],
                   f"unknown school type (expected one of {'、'.join(SCHOOL_TYPES)})")
        ok = False
    placed = counties.place(report, row.number, ("经度", "纬度"), v["lon"], v["lat"], crs)
    if placed:
        v["county_adcode"], v["lon"], v["lat"] = placed
    if (v["gate_lon"] is None) != (v["gate_lat"] is None):
        report.add(row.number, "大门经度/大门纬度", f"{v['gate_lon']}, {v['gate_lat']}",
                   "gate needs both longitude and latitude, or neither (then the school point is used)")
        return False
    if v["gate_lon"] is None:
        v["gate_lon"], v["gate_lat"] = v["lon"], v["lat"]
    else:
        gate = counties.place(report, row.number, ("大门经度", "大门纬度"), v["gate_lon"], v["gate_lat"], crs)
        if gate is None:
            return False
        v["gate_lon"], v["gate_lat"] = gate[1], gate[2]
    v["source_crs"] = crs
    return ok and placed is not None
