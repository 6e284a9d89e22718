"""Days a vehicle is out of service (车牌号, 开始日期, 结束日期, 原因: 维修, 其他勤务 …), both dates included."""

from __future__ import annotations

from etl import fields
from etl.columns import Column
from etl.options import LoadOptions
from etl.readers.tabular import Table
from etl.references import Context, present
from etl.report import Report
from etl.validate import Row, drop_duplicates, ends_in_order, parse_rows
from etl.vehicles import PLATE

COLUMNS = [
    Column("vehicle_id", PLATE, fields.text, required=True),
    Column("date_from", ("开始日期", "起始日期", "停用开始", "start"), fields.date, required=True),
    Column("date_to", ("结束日期", "截止日期", "停用结束", "end"), fields.date, required=True),
    Column("reason", ("原因", "停用原因", "事由", "reason"), fields.text, required=True),
]
STAGED = ["vehicle_id", "date_from", "date_to", "reason"]
KEY_LABEL = "车牌号/开始日期"


def _key(row: Row) -> Row:
    """Give a row its key (vehicle, first day) as one readable value."""
    row.values["key"] = f"{row.values['vehicle_id']} / {row.values['date_from'].isoformat()}"
    return row


def validate(table: Table, report: Report, ctx: Context, options: LoadOptions) -> list[tuple]:
    """Rows ready to stage; an unregistered vehicle or an end before the start rejects its row."""
    rows = drop_duplicates([_key(r) for r in parse_rows(table, COLUMNS, report, options.headers)], "key",
                           KEY_LABEL, report)
    known = ctx.known(vehicles=present(rows, "vehicle_id"))
    staged = []
    for row in rows:
        ok = known.refer(report, row, "vehicle_id", PLATE[0], "vehicle")
        ok = ends_in_order(report, row, "date_from", "date_to") and ok
        if ok:
            staged.append(tuple(row.values[name] for name in STAGED))
    return staged
