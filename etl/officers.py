"""Officers (警号 as key): columns and validation; the phone number is stored but never reported."""

from __future__ import annotations

import re

from etl import fields
from etl.columns import Column
from etl.options import LoadOptions
from etl.readers.tabular import Table
from etl.references import Context, present
from etl.report import Report
from etl.validate import drop_duplicates, parse_rows

HIDDEN = "[hidden: personal data]"
COLUMNS = [
    Column("badge_no", ("警号", "警员编号", "badge"), fields.text, required=True),
    Column("name", ("姓名", "民警姓名", "民警"), fields.text, required=True),
    Column("unit_code", ("所属单位", "单位代码", "单位", "unit"), fields.text),
    Column("rank", ("职务", "警衔", "职级"), fields.text),
    Column("phone", ("联系电话", "手机", "手机号码", "电话", "mobile"), fields.text),
]
STAGED = ["badge_no", "name", "unit_code", "rank", "phone"]


def phone_ok(value: str) -> bool:
    """A mobile or landline number: 7 to 15 digits once blanks, dashes, brackets and + are removed."""
    digits = re.sub(r"[\s\-()（）+]", "", value)
    return digits.isascii() and digits.isdigit() and 7 <= len(digits) <= 15


def validate(table: Table, report: Report, ctx: Context, options: LoadOptions) -> list[tuple]:
    """Rows ready to stage; a bad phone number is reported without its value."""
    rows = drop_duplicates(parse_rows(table, COLUMNS, report, options.headers), "badge_no", "警号", report)
    known = ctx.known(units=present(rows, "unit_code"))
    staged = []
    for row in rows:
        ok = known.refer(report, row, "unit_code", "所属单位", "unit")
        if row.values["phone"] is not None and not phone_ok(row.values["phone"]):
            report.add(row.number, "联系电话", HIDDEN, "wrong type: expected a phone number of 7 to 15 digits "
                                                     "(a mobile, or a landline with its area code)")
            ok = False
        if ok:
            staged.append(tuple(row.values[name] for name in STAGED))
    return staged
