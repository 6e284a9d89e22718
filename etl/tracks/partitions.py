"""Monthly partitions of track_point (track_point_YYYY_MM, months in Asia/Shanghai time), built in bulk."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from db.sql import load_sql, query, quote_ident
from etl.tracks.times import fixed_offset

ZONE = ZoneInfo("Asia/Shanghai")  # the bureau's months: a local day never straddles two partitions
OFFSET = fixed_offset(ZONE) or dt.timedelta(hours=8)  # China has kept +8 h since 1991


def month_of(ts: dt.datetime) -> dt.datetime:
    """Start (naive, local) of the local month of a naive UTC timestamp."""
    local = ts + OFFSET
    return dt.datetime(local.year, local.month, 1)


def next_month(month: dt.datetime) -> dt.datetime:
    """Start of the following month."""
    return month.replace(year=month.year + month.month // 12, month=month.month % 12 + 1)


def months_of(rows: list[tuple]) -> set[dt.datetime]:
    """Local months of the naive UTC timestamps (third field) of some rows; cheap when they share one."""
    if not rows:
        return set()
    first, last = month_of(min(r[2] for r in rows)), month_of(max(r[2] for r in rows))
    return {first} if first == last else {month_of(r[2]) for r in rows}


def partition_name(month: dt.datetime) -> str:
    """track_point_2024_03 for March 2024."""
    return f"track_point_{month:%Y_%m}"


def _ddl(name: str, table: str) -> sa.TextClause:
    """A statement from db/sql whose only variable part is the table identifier."""
    return sa.text(load_sql(name).format(table=quote_ident(table)))


def build_missing(conn: sa.Connection, months: Iterable[dt.datetime]) -> tuple[int, list[dt.datetime]]:
    """Build and attach a partition, with the staged points, for each month that has none: (points, months)."""
    existing = set(conn.execute(query("track_partitions")).scalars())
    inserted, built = 0, []
    for month in sorted(months):
        table = partition_name(month)
        if table in existing:
            continue
        bounds = {"lo": month.replace(tzinfo=ZONE), "hi": next_month(month).replace(tzinfo=ZONE)}
        staged = {"lo": month - OFFSET, "hi": next_month(month) - OFFSET}  # the staging table holds UTC
        conn.execute(_ddl("track_partition_table", table))
        moved = conn.execute(_ddl("track_partition_move", table), bounds).rowcount
        if moved:
            conn.execute(_ddl("track_partition_analyze", table))
        fill = "track_partition_fill_rest" if moved else "track_partition_fill"
        inserted += conn.execute(_ddl(fill, table), staged).rowcount
        attach = conn.execute(query("track_partition_attach"), {"name": table, **bounds}).scalar_one()
        conn.exec_driver_sql(attach)
        built.append(month)
    return inserted, built
