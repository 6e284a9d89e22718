"""Road works: a table naming the road, or lines (Shapefile/GeoJSON) with the dates of the works."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from etl import fields
from etl.columns import Column
from etl.lines import Lines, is_vector, read_lines
from etl.options import LoadOptions
from etl.readers.tabular import read_table
from etl.readers.vector import NO_GEOMETRY
from etl.references import Context, present
from etl.report import Report
from etl.roads import checked_line
from etl.validate import REQUIRED, Row, drop_duplicates, parse_rows

COLUMNS = [
    Column("work_id", ("施工编号", "编号", "工程编号", "work", "id"), fields.text, required=True),
    Column("road_id", ("道路编号", "road"), fields.text),
    Column("description", ("施工内容", "描述", "说明", "工程名称", "名称"), fields.text),
    Column("started_on", ("开工日期", "开始日期", "start", "started"), fields.date, required=True),
    Column("finished_on", ("完工日期", "结束日期", "end", "finished"), fields.date),
]
STAGED = ["work_id", "road_id", "description", "started_on", "finished_on", "geom", "source_crs"]


def _where(row: Row, report: Report, ctx: Context, lines: Lines | None, crs: str) -> bool:
    """The line of the works, or the road alone: a table row and a feature without geometry name a road."""
    v = row.values
    feature = lines.features[row.number] if lines else None
    if feature is None or feature.geometry_error == NO_GEOMETRY:
        if v["road_id"] is None:
            report.add(row.number, "道路编号", "", f"{REQUIRED}: road_id (works without a line must name the road)")
            return False
        v["geom"], v["source_crs"] = None, crs
        return True
    return checked_line(row, lines, report, ctx.counties())


def validate(path: Path, report: Report, conn: sa.Connection, options: LoadOptions) -> list[tuple]:
    """Rows ready to stage; unknown roads and works that end before they start are reported."""
    ctx = Context(conn, path.name)
    lines = read_lines(path, COLUMNS, options.crs) if is_vector(path) else None
    table = lines.table if lines else read_table(path)
    rows = drop_duplicates(parse_rows(table, COLUMNS, report, options.headers), "work_id", "施工编号", report)
    known = ctx.known(roads=present(rows, "road_id"))
    staged = []
    for row in rows:
        v = row.values
        ok = known.refer(report, row, "road_id", "道路编号", "road")
        if v["finished_on"] is not None and v["finished_on"] < v["started_on"]:
            report.add(row.number, "完工日期", v["finished_on"].isoformat(),
                       f"date logic: finished before it started on {v['started_on'].isoformat()} "
                       "(expected 完工日期 on or after 开工日期)")
            ok = False
        if _where(row, report, ctx, lines, lines.crs if lines else options.crs) and ok:
            staged.append(tuple(v[name] for name in STAGED))
    return staged
