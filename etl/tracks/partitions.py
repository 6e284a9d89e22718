"""Monthly partitions of track_point (track_point_YYYY_MM, months in Asia/Shanghai time), built in bulk.

A month without a partition gets a new plain table, filled (by COPY, or from the staging table) and then
attached: PostgreSQL builds its primary key and GiST index in bulk and checks the foreign key with one query.
A CHECK constraint equal to the partition bounds, added while the table is empty, spares ATTACH a scan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from db.sql import load_sql, query, quote_ident
from etl.tracks.times import fixed_offset

ZONE = ZoneInfo("Asia/Shanghai")  # the bureau's months: a local day never straddles two partitions
OFFSET = fixed_offset(ZONE) or dt.timedelta(hours=8)  # China has kept +8 h since 1991


def month_start(index: int) -> dt.datetime:
    """Start (naive, local) of a month counted from January 1970."""
    return dt.datetime(1970 + index // 12, index % 12 + 1, 1)  # noqa: DTZ001 (naive UTC month start)


def next_month(month: dt.datetime) -> dt.datetime:
    """Start of the following month."""
    return month.replace(year=month.year + month.month // 12, month=month.month % 12 + 1)


def partition_name(month: dt.datetime) -> str:
    """track_point_2024_03 for March 2024."""
    return f"track_point_{month:%Y_%m}"


def bounds(month: dt.datetime) -> dict[str, dt.datetime]:
    """The month's partition bounds, aware."""
    return {"lo": month.replace(tzinfo=ZONE), "hi": next_month(month).replace(tzinfo=ZONE)}


def _ddl(name: str, table: str) -> sa.TextClause:
    """A statement from db/sql whose only variable part is the table identifier."""
    return sa.text(load_sql(name).format(table=quote_ident(table)))


def _formatted(conn: sa.Connection, name: str, month: dt.datetime) -> None:
    """Run a statement the server quotes from the month's table name and bounds."""
    conn.exec_driver_sql(conn.execute(query(name), {"name": partition_name(month), **bounds(month)}).scalar_one())


def existing(conn: sa.Connection) -> set[str]:
    """Names of the partitions track_point has now."""
    return set(conn.execute(query("track_partitions")).scalars())


def create(conn: sa.Connection, month: dt.datetime) -> None:
    """A new, empty, detached month table bounded by a CHECK constraint, to be filled by COPY."""
    conn.execute(_ddl("track_partition_table", partition_name(month)))
    _formatted(conn, "track_partition_bounds", month)


def attach(conn: sa.Connection, month: dt.datetime, bounded: bool = True) -> None:
    """Attach a filled month table (indexes built, foreign key checked), then drop its CHECK constraint."""
    _formatted(conn, "track_partition_attach", month)
    if bounded:
        _formatted(conn, "track_partition_unbound", month)


def build_missing(conn: sa.Connection, months: Iterable[dt.datetime]) -> tuple[int, list[dt.datetime]]:
    """Build and attach, from the staging table, each month that has no partition: (points, months).

    Months the default partition holds points of take those points first (the stored point is kept); the
    others are filled together, in one scan of the staging table routed by a partitioned table.
    """
    present = existing(conn)
    new = [m for m in sorted(months) if partition_name(m) not in present]
    moved = [m for m in new if conn.execute(query("track_default_rows"), bounds(m)).scalar()]
    clean = [m for m in new if m not in moved]
    inserted = _fill(conn, clean)
    for month in moved:
        table = partition_name(month)
        staged = {"lo": month - OFFSET, "hi": next_month(month) - OFFSET}  # the staging table holds UTC
        conn.execute(_ddl("track_partition_table", table))
        conn.execute(_ddl("track_partition_move", table), bounds(month))
        conn.execute(_ddl("track_partition_analyze", table))
        inserted += conn.execute(_ddl("track_partition_fill_rest", table), staged).rowcount
        attach(conn, month, bounded=False)
    return inserted, new


def route(conn: sa.Connection, month: dt.datetime, first: bool) -> None:
    """A new bounded month table, attached to track_fill (created first if asked) so that inserts reach it."""
    if first:
        conn.execute(query("track_fill_table"))
    create(conn, month)
    _formatted(conn, "track_fill_attach", month)


def unroute(conn: sa.Connection, months: Iterable[dt.datetime]) -> None:
    """Take the month tables off track_fill and drop it."""
    for month in months:
        conn.execute(_ddl("track_fill_detach", partition_name(month)))
    conn.execute(query("track_fill_drop"))


def _fill(conn: sa.Connection, months: list[dt.datetime]) -> int:
    """New month tables filled from the staging table in one INSERT routed by track_fill, then attached."""
    if not months:
        return 0
    for i, month in enumerate(months):
        route(conn, month, first=not i)
    inserted = conn.execute(query("track_fill"), {"months": months}).rowcount
    unroute(conn, months)
    for month in months:
        attach(conn, month)
    return inserted
