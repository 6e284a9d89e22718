"""The load of one file as one transaction, recorded in etl_run; nothing half-loaded, ever."""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa

from db.errors import LoadBusy, UnreadableFile
from db.routing import rebuild_network
from db.settings import get_settings
from db.sql import query
from etl.guard import check
from etl.load import Dataset, LoadResult, copy_rows, sha256
from etl.options import LoadOptions
from etl.report import Report
from etl.scope import check_dataset, check_rows


def load_file(engine: sa.Engine, dataset: Dataset, path: Path, dry_run: bool = False,
              options: LoadOptions | None = None) -> LoadResult:
    """Load one file in one transaction, recorded in etl_run: unchanged, loaded, partial, rejected or failed."""
    path, options = Path(path), options or LoadOptions()
    body = dataset.loader or _load_table
    report = Report(path.name)
    digest = sha256(path) if path.is_file() else ""
    try:
        check(path)  # content against extension, workbook bombs: refused before any reader runs
        check_dataset(dataset, options.counties)
        with engine.begin() as conn:
            lock_dataset(conn, dataset)
            if not dry_run and conn.execute(query("etl_last_sha"), {"dataset": dataset.name}).scalar() == digest:
                result = LoadResult(dataset.name, path, "unchanged", report, message="same file as the last load")
                result.run_id = record_run(conn, dataset, path, digest, result, options)
                audit_load(conn, result, options)
                return result
            result = body(conn, dataset, path, digest, report, options, dry_run)
            audit_load(conn, result, options)
            return result
    except UnreadableFile as exc:
        report.add(0, "", path.name, str(exc))
        result = LoadResult(dataset.name, path, "failed", report, message=str(exc))
        if not dry_run:
            with engine.begin() as conn:
                result.run_id = record_run(conn, dataset, path, digest, result, options)
                finish_run(conn, result)
                audit_load(conn, result, options)
        return result


def _load_table(conn: sa.Connection, dataset: Dataset, path: Path, digest: str, report: Report,
                options: LoadOptions, dry_run: bool) -> LoadResult:
    """Validate a table-like file and upsert its good rows (inside load_file's transaction)."""
    rows = dataset.validate(path, report, conn, options)
    check_rows(dataset, rows, options.counties)
    result = LoadResult(dataset.name, path, "dry_run" if dry_run else "loaded", report)
    result.rows_read = len(rows) + len(report.rejected_rows)
    if not dry_run:
        result.status = "partial" if report.rejects else "loaded"
        if not rows and report.rejects:
            result.status = "rejected"
        result.run_id = record_run(conn, dataset, path, digest, result, options)
        _upsert(conn, dataset, rows, result)
        if dataset.name == "roads":
            rebuild_network(conn)  # the routing network follows the roads, in the same transaction
        result.settle()
        finish_run(conn, result)
    return result


def _upsert(conn: sa.Connection, dataset: Dataset, rows: list[tuple], result: LoadResult) -> None:
    """Stage the rows by COPY and merge them into the core table in one statement."""
    conn.execute(query(f"stage_{dataset.stem}"))
    copy_rows(conn, dataset.stage_table, dataset.columns, rows)
    flags = conn.execute(query(f"upsert_{dataset.stem}"), {"run_id": result.run_id}).scalars().all()
    result.inserted = sum(1 for f in flags if f)
    result.updated = len(flags) - result.inserted


def lock_dataset(conn: sa.Connection, dataset: Dataset) -> None:
    """One load per dataset at a time: a second one waits, then gives up with a clear message."""
    seconds = get_settings().load_lock_timeout_s
    conn.execute(sa.text("SELECT set_config('lock_timeout', :t, true)"), {"t": f"{seconds}s"})
    try:
        conn.execute(query("etl_lock"), {"key": f"xiaoan.load.{dataset.name}"})
    except sa.exc.OperationalError as exc:
        raise LoadBusy(f"another load of {dataset.name} is still running after {seconds} s of waiting; "
                       "try again when it has finished") from exc


def record_run(conn: sa.Connection, dataset: Dataset, path: Path, digest: str, result: LoadResult,
            options: LoadOptions) -> int:
    """Insert the etl_run row for this file."""
    return conn.execute(query("etl_run_start"), {
        "dataset": dataset.name, "file_name": path.name, "sha256": digest, "status": result.status,
        "message": result.message or None, "loaded_by": options.loaded_by,
        "source_crs": options.crs}).scalar_one()


def audit_load(conn: sa.Connection, result: LoadResult, options: LoadOptions) -> None:
    """An audit record of the load: who, which dataset and file, how it ended, how many rows were stored."""
    if result.status == "dry_run":
        return
    detail = json.dumps({"status": result.status, "run": result.run_id})
    conn.execute(query("audit_insert"), {"u": options.loaded_by[:64], "a": "load", "r": result.rows_loaded,
                                         "t": f"{result.dataset}:{result.path.name}", "d": detail})


def finish_run(conn: sa.Connection, result: LoadResult) -> None:
    """Write the counts and the final status of a run."""
    conn.execute(query("etl_run_finish"), {
        "id": result.run_id, "status": result.status, "rows_read": result.rows_read,
        "rows_loaded": result.rows_loaded, "rows_rejected": result.rows_rejected,
        "message": result.message or None})
