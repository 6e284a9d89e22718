"""The calendar: a terms file (学期名称, 开始日期, 结束日期) or a holidays file (日期, 类型, 名称)."""

from __future__ import annotations

from db.errors import UnreadableFile
from etl import fields
from etl.columns import Column, match_headers
from etl.options import LoadOptions
from etl.readers.tabular import Table
from etl.references import Context
from etl.report import Report
from etl.validate import Row, drop_duplicates, parse_rows
from etl.vocab import choice

KIND = choice({"假日": "holiday", "放假": "holiday", "节假日": "holiday", "休息": "holiday",
               "调休放假": "holiday", "调休上班": "workday", "补班": "workday", "上班": "workday"})
TERMS = [
    Column("name", ("学期名称", "学期", "term"), fields.text, required=True),
    Column("starts_on", ("开始日期", "开学日期", "start", "starts"), fields.date, required=True),
    Column("ends_on", ("结束日期", "放假日期", "end", "ends"), fields.date, required=True),
]
DAYS = [
    Column("day", ("日期", "date"), fields.date, required=True),
    Column("kind", ("类型", "type"), KIND, required=True),
    Column("name", ("名称", "节日", "假日名称", "holiday"), fields.text),
]
STAGED = ["what", "name", "day", "kind", "starts_on", "ends_on"]


def _which(table: Table, report: Report, options: LoadOptions) -> str:
    """'term' or 'day', by the headers of the file."""
    for what, columns in (("term", TERMS), ("day", DAYS)):
        try:
            match_headers(table, columns, report.file, options.headers)
            return what
        except UnreadableFile:
            continue
    raise UnreadableFile(f"{report.file}: neither a terms file (学期名称, 开始日期, 结束日期) nor a holidays "
                         f"file (日期, 类型, 名称); headers found: {', '.join(table.header)}")


def _term_ok(row: Row, report: Report) -> bool:
    """A term ends on or after its first day."""
    v = row.values
    if v["ends_on"] >= v["starts_on"]:
        return True
    report.add(row.number, "结束日期", v["ends_on"].isoformat(), f"date logic: the term ends before it starts "
               f"on {v['starts_on'].isoformat()} (expected 结束日期 on or after 开始日期)")
    return False


def _day_ok(row: Row, report: Report) -> bool:
    """A make-up workday is a Saturday or Sunday."""
    v = row.values
    if v["kind"] != "workday" or v["day"].isoweekday() >= 6:
        return True
    report.add(row.number, "类型", "调休上班", f"date logic: {v['day'].isoformat()} is a weekday "
               "(expected a make-up workday on a Saturday or Sunday)")
    return False


def validate(table: Table, report: Report, ctx: Context, options: LoadOptions) -> list[tuple]:
    """Rows ready to stage, terms or days, tagged by `what`."""
    what = _which(table, report, options)
    columns, key, label, check = ((TERMS, "name", "学期名称", _term_ok) if what == "term"
                                  else (DAYS, "day", "日期", _day_ok))
    rows = drop_duplicates(parse_rows(table, columns, report, options.headers), key, label, report)
    staged = []
    for row in rows:
        if check(row, report):
            row.values["what"] = what
            staged.append(tuple(row.values.get(name) for name in STAGED))
    return staged
