"""Police activities on a day: deployments, inspections, legal education, drills, flyers."""

from __future__ import annotations

from etl import fields
from etl.columns import Column
from etl.options import LoadOptions
from etl.readers.tabular import Table
from etl.references import Context, Known, present
from etl.report import Report
from etl.validate import REQUIRED, Row, drop_duplicates, parse_rows
from etl.vocab import choice

KIND = choice({"出动警力": "deployment", "警力出动": "deployment", "安全检查": "inspection",
               "督导检查": "inspection", "检查": "inspection", "法制教育": "legal_education",
               "法治宣传": "legal_education", "法治教育": "legal_education", "法制宣传": "legal_education",
               "法治讲座": "legal_education", "legal education": "legal_education", "应急演练": "drill",
               "演练": "drill", "应急疏散演练": "drill", "发放宣传资料": "flyers", "宣传资料": "flyers"})
COLUMNS = [
    Column("activity_id", ("编号", "活动编号", "activity"), fields.text, required=True),
    Column("kind", ("类型", "活动类型", "工作类型"), KIND, required=True),
    Column("held_on", ("日期", "活动日期", "开展日期", "date"), fields.date, required=True),
    Column("county_adcode", ("县", "县(市)", "县(市、区)", "县市区", "所属县", "county", "adcode"), fields.text),
    Column("school_code", ("学校标识码", "学校代码"), fields.text),
    Column("officers", ("出动警力(人次)", "出动警力", "警力(人次)", "民警人次"), fields.count),
    Column("vehicles", ("出动车辆(辆次)", "出动车辆", "车辆(辆次)"), fields.count),
    Column("participants", ("参与人数", "参加人数", "受教育人数"), fields.count),
    Column("materials", ("宣传资料(份)", "宣传资料", "资料份数"), fields.count),
    Column("note", ("备注", "内容", "活动内容", "说明"), fields.text),
]
STAGED = ["activity_id", "kind", "held_on", "county_adcode", "school_code", "officers", "vehicles",
          "participants", "materials", "note"]
COUNTS = ("officers", "vehicles", "participants", "materials")


def _county(row: Row, report: Report, known: Known) -> bool:
    """The county from 县 (code or name) or from the school; both given must agree."""
    v = row.values
    if not known.refer(report, row, "county_adcode", "县", "county"):
        return False
    school_county = known.county_of.get(v["school_code"]) if v["school_code"] else None
    if v["county_adcode"] is None and school_county is None:
        report.add(row.number, "县", "", f"{REQUIRED}: county_adcode (give 县 or 学校标识码)")
        return False
    if school_county and v["county_adcode"] and school_county != v["county_adcode"]:
        report.add(row.number, "县", v["county_adcode"], f"the school {v['school_code']} lies in county "
                   f"{school_county} (expected the school's county, or leave 县 empty)")
        return False
    v["county_adcode"] = v["county_adcode"] or school_county
    return True


def validate(table: Table, report: Report, ctx: Context, options: LoadOptions) -> list[tuple]:
    """Rows ready to stage; empty counts are 0."""
    rows = drop_duplicates(parse_rows(table, COLUMNS, report, options.headers), "activity_id", "编号", report)
    known = ctx.known(schools=present(rows, "school_code"))
    staged = []
    for row in rows:
        if known.refer(report, row, "school_code", "学校标识码", "school") and _county(row, report, known):
            row.values.update({name: row.values[name] or 0 for name in COUNTS})
            staged.append(tuple(row.values[name] for name in STAGED))
    return staged
