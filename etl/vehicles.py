"""Vehicles (车牌号, the id GPS tracks carry, as key): unit, type and whether in service; tracks' vehicles adopted."""

from __future__ import annotations

from etl import fields
from etl.columns import Column
from etl.options import LoadOptions
from etl.readers.tabular import Table
from etl.references import Context, present
from etl.report import Report
from etl.tracks.vehicles import MAX_VEHICLE
from etl.validate import Row, drop_duplicates, parse_rows

PLATE = ("车牌号", "车牌号码", "车牌", "车辆编号", "车辆", "vehicle", "plate")
COLUMNS = [
    Column("vehicle_id", PLATE, fields.text, required=True),
    Column("unit_code", ("单位代码", "所属单位", "单位", "单位名称", "unit"), fields.text, required=True),
    Column("vehicle_type", ("车辆类型", "车型", "类型", "type"), fields.text),
    Column("in_service", ("在用", "是否在用", "在用状态", "in_service"), fields.flag),
]
STAGED = ["vehicle_id", "unit_code", "county_adcode", "vehicle_type", "in_service"]


def plate_ok(report: Report, row: Row) -> bool:
    """A 车牌号 fits vehicle.vehicle_id: the same words as a track file's vehicle that does not."""
    plate = row.values["vehicle_id"]
    if len(plate) <= MAX_VEHICLE and "\x00" not in plate:
        return True
    report.add(row.number, PLATE[0], plate[:80], f"wrong value: a vehicle id has at most {MAX_VEHICLE} "
                                                 "characters and no NUL")
    return False


def validate(table: Table, report: Report, ctx: Context, options: LoadOptions) -> list[tuple]:
    """Rows ready to stage; an unknown or ambiguous unit rejects its row; 在用 left empty means 是."""
    rows = parse_rows(table, COLUMNS, report, options.headers)
    rows = drop_duplicates([r for r in rows if plate_ok(report, r)], "vehicle_id", PLATE[0], report)
    known = ctx.known(units=present(rows, "unit_code"))
    staged = []
    for row in rows:
        v = row.values
        if not known.refer(report, row, "unit_code", "单位代码", "unit"):
            continue
        v["county_adcode"] = known.county_of.get(v["unit_code"])
        v["in_service"] = True if v["in_service"] is None else v["in_service"]
        staged.append(tuple(v[name] for name in STAGED))
    return staged
