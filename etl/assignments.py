"""Liaison assignments: an officer (警号) to a school (学校标识码) in a role for a period."""

from __future__ import annotations

from etl import fields
from etl.columns import Column
from etl.options import LoadOptions
from etl.readers.tabular import Table
from etl.references import Context, present
from etl.report import Report
from etl.validate import Row, drop_duplicates, ends_in_order, parse_rows
from etl.vocab import choice

ROLE = choice({"挂钩民警": "挂钩民警", "护学岗": "护学岗", "一校一警": "挂钩民警", "挂钩": "挂钩民警",
               "护学岗民警": "护学岗", "liaison": "挂钩民警", "liaison officer": "挂钩民警",
               "guard post": "护学岗", "guard": "护学岗"})
COLUMNS = [
    Column("school_code", ("学校标识码", "学校代码", "标识码"), fields.text, required=True),
    Column("badge_no", ("警号", "警员编号", "badge"), fields.text, required=True),
    Column("role", ("角色", "岗位", "职责"), ROLE, required=True),
    Column("valid_from", ("开始日期", "起始日期", "生效日期", "start"), fields.date, required=True),
    Column("valid_to", ("结束日期", "截止日期", "终止日期", "end"), fields.date),
]
STAGED = ["school_code", "badge_no", "role", "valid_from", "valid_to"]
KEY_LABEL = "学校标识码/警号/角色/开始日期"


def _key(row: Row) -> Row:
    """Give a row its composite key as one readable value."""
    v = row.values
    v["key"] = f"{v['school_code']} / {v['badge_no']} / {v['role']} / {v['valid_from'].isoformat()}"
    return row


def validate(table: Table, report: Report, ctx: Context, options: LoadOptions) -> list[tuple]:
    """Rows ready to stage; unknown schools or officers and backward periods are reported."""
    rows = [_key(r) for r in parse_rows(table, COLUMNS, report, options.headers)]
    rows = drop_duplicates(rows, "key", KEY_LABEL, report)
    known = ctx.known(schools=present(rows, "school_code"), officers=present(rows, "badge_no"))
    staged = []
    for row in rows:
        v = row.values
        ok = known.refer(report, row, "school_code", "学校标识码", "school")
        ok = known.refer(report, row, "badge_no", "警号", "officer") and ok
        ok = ends_in_order(report, row, "valid_from", "valid_to") and ok
        if ok:
            staged.append(tuple(v[name] for name in STAGED))
    return staged
