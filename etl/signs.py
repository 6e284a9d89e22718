"""Traffic signs: one survey observation per sign and day, the kind and status normalised to codes."""

from __future__ import annotations

from etl import fields
from etl.columns import Column
from etl.options import LoadOptions
from etl.readers.tabular import Table
from etl.references import Context, present
from etl.report import Report
from etl.validate import drop_duplicates, parse_rows
from etl.vocab import choice

KIND = choice({"限速30": "speed_limit_30", "限速30公里": "speed_limit_30", "限速30km/h": "speed_limit_30",
               "限速30公里/小时": "speed_limit_30", "speed limit 30": "speed_limit_30",
               "注意儿童": "school_zone", "学校区域": "school_zone", "注意儿童/学校区域": "school_zone",
               "注意儿童标志": "school_zone", "学校区域标志": "school_zone", "school zone": "school_zone",
               "减速带": "speed_bump", "减速垄": "speed_bump", "speed bump": "speed_bump",
               "禁止鸣喇叭": "no_honking", "禁鸣": "no_honking", "禁止鸣笛": "no_honking", "no honking": "no_honking"})
STATUS = choice({"完好": "present", "正常": "present", "缺失": "missing", "损坏": "damaged", "破损": "damaged"})
COLUMNS = [
    Column("sign_code", ("标志编号", "编号", "sign"), fields.text, required=True),
    Column("kind", ("标志类型", "类型", "种类"), KIND, required=True),
    Column("status", ("状态", "标志状态"), STATUS, required=True),
    Column("surveyed_on", ("调查日期", "排查日期", "检查日期", "surveyed"), fields.date, required=True),
    Column("road_id", ("道路编号", "road"), fields.text),
    Column("lon", ("经度", "lng", "longitude", "x"), fields.decimal, required=True),
    Column("lat", ("纬度", "latitude", "y"), fields.decimal, required=True),
]
STAGED = ["sign_code", "kind", "status", "surveyed_on", "road_id", "lon", "lat", "source_crs"]


def validate(table: Table, report: Report, ctx: Context, options: LoadOptions) -> list[tuple]:
    """Rows ready to stage; a sign surveyed twice on one day in the same file is a duplicate."""
    rows = parse_rows(table, COLUMNS, report, options.headers)
    for row in rows:
        row.values["key"] = f"{row.values['sign_code']} / {row.values['surveyed_on'].isoformat()}"
    rows = drop_duplicates(rows, "key", "标志编号/调查日期", report)
    known = ctx.known(roads=present(rows, "road_id"))
    staged = []
    for row in rows:
        v = row.values
        ok = known.refer(report, row, "road_id", "道路编号", "road")
        placed = ctx.counties().place(report, row.number, ("经度", "纬度"), v["lon"], v["lat"], options.crs)
        if placed and ok:
            _, v["lon"], v["lat"] = placed
            v["source_crs"] = options.crs
            staged.append(tuple(v[name] for name in STAGED))
    return staged
