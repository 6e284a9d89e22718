"""Hazards: campus hazards and disorder spots around schools, with their rectification state."""

from __future__ import annotations

from etl import fields
from etl.columns import Column
from etl.options import LoadOptions
from etl.readers.tabular import Table
from etl.references import Context, present
from etl.report import Report
from etl.validate import Row, drop_duplicates, parse_rows
from etl.vocab import choice

KIND = choice({"校园内部隐患": "campus", "校园内部": "campus", "校内": "campus", "校园内部安全隐患": "campus",
               "周边治安乱点": "surrounding", "周边乱点": "surrounding", "校园周边": "surrounding",
               "周边": "surrounding"})
STATUS = choice({"未整改": "open", "限期整改": "deadline", "已整改": "rectified", "整改完成": "rectified"})
COLUMNS = [
    Column("hazard_id", ("编号", "隐患编号"), fields.text, required=True),
    Column("kind", ("类别", "隐患类别"), KIND, required=True),
    Column("category", ("隐患类型", "类型"), fields.text, required=True),
    Column("school_code", ("学校标识码", "学校代码"), fields.text),
    Column("found_on", ("发现日期", "排查日期", "found"), fields.date, required=True),
    Column("status", ("状态", "整改状态"), STATUS, required=True),
    Column("deadline", ("整改期限", "期限"), fields.date),
    Column("rectified_on", ("整改日期", "整改完成日期", "rectified"), fields.date),
    Column("lon", ("经度", "lng", "longitude", "x"), fields.decimal, required=True),
    Column("lat", ("纬度", "latitude", "y"), fields.decimal, required=True),
    Column("description", ("描述", "隐患描述", "情况描述"), fields.text),
    Column("temporary_measure", ("临时措施", "临时管控措施", "temporary measure"), fields.text),
]
STAGED = ["hazard_id", "kind", "category", "description", "school_code", "county_adcode", "found_on", "status",
          "deadline", "rectified_on", "lon", "lat", "source_crs", "temporary_measure"]


def date_problems(v: dict) -> list[tuple[str, object, str]]:
    """(column, value, reason) for each way the status and the dates contradict each other."""
    found, deadline, fixed, status = v["found_on"], v["deadline"], v["rectified_on"], v["status"]
    problems = []
    if status == "rectified" and fixed is None:
        problems.append(("整改日期", "", "date logic: status 已整改 (rectified) needs a rectified date "
                                         "(expected 整改日期, the day it was fixed)"))
    if status == "deadline" and deadline is None:
        problems.append(("整改期限", "", "date logic: status 限期整改 (deadline) needs a deadline "
                                         "(expected 整改期限, the day it must be fixed by)"))
    if status != "rectified" and fixed is not None:
        problems.append(("整改日期", fixed, f"date logic: a rectified date with status {status} "
                                            "(expected status 已整改, or no 整改日期)"))
    if fixed is not None and fixed < found:
        problems.append(("整改日期", fixed, f"date logic: rectified before it was found on {found} "
                                            "(expected a date on or after 发现日期)"))
    if deadline is not None and deadline < found:
        problems.append(("整改期限", deadline, f"date logic: deadline before it was found on {found} "
                                               "(expected a date on or after 发现日期)"))
    return problems


def _check(row: Row, report: Report, ctx: Context, crs: str) -> bool:
    """Dates consistent with the status, point inside the prefecture."""
    v = row.values
    problems = date_problems(v)
    for column, value, reason in problems:
        report.add(row.number, column, value, reason)
    placed = ctx.counties().place(report, row.number, ("经度", "纬度"), v["lon"], v["lat"], crs)
    if placed:
        v["county_adcode"], v["lon"], v["lat"] = placed
    v["source_crs"] = crs
    return not problems and placed is not None


def validate(table: Table, report: Report, ctx: Context, options: LoadOptions) -> list[tuple]:
    """Rows ready to stage; every problem is added to the report."""
    rows = drop_duplicates(parse_rows(table, COLUMNS, report, options.headers), "hazard_id", "编号", report)
    known = ctx.known(schools=present(rows, "school_code"))
    staged = []
    for row in rows:
        ok = known.refer(report, row, "school_code", "学校标识码", "school")
        if _check(row, report, ctx, options.crs) and ok:
            staged.append(tuple(row.values[name] for name in STAGED))
    return staged
