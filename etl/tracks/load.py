"""Loading one track file as one transaction: stage, drop in-file repeats, register vehicles, partition, insert."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import sqlalchemy as sa

from db.analytics import plan_check, presence
from db.settings import get_settings
from db.sql import query
from etl.load import Dataset, LoadResult
from etl.options import LoadOptions
from etl.report import Report
from etl.runner import finish_run, record_run
from etl.tracks import partitions
from etl.tracks.area import Area
from etl.tracks.check import Checker
from etl.tracks.points import Retry
from etl.tracks.progress import file_progress
from etl.tracks.sources import read_points
from etl.tracks.stage import stage
from etl.tracks.staged import Staged
from etl.tracks.times import zone

SHOWN_VEHICLES = 10
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def load_tracks(conn: sa.Connection, dataset: Dataset, path: Path, digest: str, report: Report,
          options: LoadOptions, dry_run: bool) -> LoadResult:
    """The body of one track load, inside load_file's transaction (lock and unchanged check done)."""
    conn.execute(query("track_memory"))
    staged, checker, direct = _stage(conn, path, report, Area.from_db(conn), options, direct=not dry_run)
    repeats = 0 if direct else _drop_repeats(conn, report, checker.tz)
    report.rejects.sort(key=lambda r: r.row)
    names = sorted(checker.vehicles.names[c] for c in staged.vehicles)
    missing = list(conn.execute(query("vehicle_missing"), {"ids": names}).scalars())
    result = LoadResult(dataset.name, path, "dry_run" if dry_run else _status(report, staged), report,
                        rows_read=staged.read, message=_warning(missing, dry_run))
    result.details = {"duplicates_in_file": repeats, "vehicles_registered": len(missing)}
    if dry_run:
        return result
    result.run_id = record_run(conn, dataset, path, digest, result, options)
    if missing:
        conn.execute(query("vehicle_register"), {"ids": missing, "run_id": result.run_id})
    for month in sorted(staged.direct):
        partitions.attach(conn, month)
    result.inserted, built = partitions.build_missing(conn, staged.months)
    if staged.months - set(built):
        result.inserted += conn.execute(query("track_insert"), {"fresh": built}).rowcount
    result.inserted += sum(staged.direct.values())
    result.details |= {"duplicates_in_db": staged.staged - repeats - result.inserted,
                       "partitions_created": len(built) + len(staged.direct)}
    if result.inserted and staged.span:
        first, last = (EPOCH + dt.timedelta(microseconds=t) for t in staged.span)
        result.details["presence_rows"] = presence.refresh_after_load(conn, first, last)
        result.details["plan_checks"] = plan_check.refresh_after_load(conn, first, last)
        result.message = "\n".join(filter(None, [result.message, _pruned_warning(conn, first, last)]))
    result.settle()
    finish_run(conn, result)
    return result


def _stage(conn: sa.Connection, path: Path, report: Report, area: Area, options: LoadOptions,
           direct: bool) -> tuple[Staged, Checker, bool]:
    """Stage the file the fast way, or again a slower way when the fast one gives up (see stage.py)."""
    fast = True
    while True:
        checker = Checker(report, area, zone(options.timezone), options.crs)
        try:
            with conn.begin_nested(), file_progress(path) as progress:
                return stage(conn, read_points(path, options, fast), checker, direct, progress), checker, direct
        except Retry as retry:
            if not (fast if retry.what == "reader" else direct):
                raise RuntimeError(f"the {retry.what} retry came twice") from retry
            report.rejects.clear()
            fast, direct = (False, direct) if retry.what == "reader" else (fast, False)


def _drop_repeats(conn: sa.Connection, report: Report, tz: dt.tzinfo) -> int:
    """Report and unstage every later copy of a (vehicle, time) the file already had; return how many."""
    repeats = conn.execute(query("track_duplicates")).all()
    for r in repeats:
        report.add(r.row_no, "车辆/时间", f"{r.vehicle_id} {r.ts.replace(tzinfo=dt.UTC).astimezone(tz).isoformat(' ')}",
                   f"duplicate (vehicle, time) inside the file (first on row {r.first_row})")
    if repeats:
        conn.execute(query("track_unstage"), {"rows": [r.row_no for r in repeats]})
    return len(repeats)


def _status(report: Report, staged: Staged) -> str:
    """loaded, partial (some rows rejected) or rejected (every row)."""
    if not report.rejects:
        return "loaded"
    return "partial" if staged.staged else "rejected"


def _pruned_warning(conn: sa.Connection, first: dt.datetime, last: dt.datetime) -> str:
    """The warning for points on days before the retention horizon: stored, but their presence stays as kept."""
    kept = presence.horizon(conn)
    if kept is None:
        return ""
    days = conn.execute(query("local_days_between"), {"a": first, "b": last, "gap_s": 0,
                                                      "tz": get_settings().timezone}).one()
    if days.first_day >= kept:
        return ""
    until = min(days.last_day, kept - dt.timedelta(days=1))
    return (f"warning: points of {days.first_day} … {until} are before {kept}, where tracks were pruned "
            "(xiaoan tracks prune): they are stored, but the presence of those days is kept as it was, not "
            "recomputed")


def _warning(missing: list[str], dry_run: bool) -> str:
    """The warning about vehicles the vehicle table lacked (registered, not rejected)."""
    if not missing:
        return ""
    names = ", ".join(missing[:SHOWN_VEHICLES]) + (" …" if len(missing) > SHOWN_VEHICLES else "")
    verb = "would be" if dry_run else "were"
    return (f"warning: {len(missing)} vehicle(s) not in the vehicle table {verb} registered automatically "
            f"(auto_registered): {names}")
