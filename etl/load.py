"""Running a load: one transaction per file, COPY into a staging table, one set-based upsert."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

from db.sql import quote_ident
from etl.options import LoadOptions
from etl.report import Report

Validator = Callable[[Path, Report, sa.Connection, LoadOptions], list[tuple]]
Loader = Callable[..., "LoadResult"]


@dataclass(frozen=True)
class Dataset:
    """How one kind of file is validated and where its rows go."""

    name: str
    stem: str
    validate: Validator | None
    columns: list[str]
    loader: Loader | None = None  # a dataset that streams (tracks) brings its own body for load_file

    @property
    def stage_table(self) -> str:
        """Name of the temporary staging table (created by db/sql/stage_<stem>.sql)."""
        return f"stage_{self.stem}"


@dataclass
class LoadResult:
    """What became of one file."""

    dataset: str
    path: Path
    status: str
    report: Report
    rows_read: int = 0
    inserted: int = 0
    updated: int = 0
    message: str = ""
    run_id: int | None = None
    details: dict[str, int] = field(default_factory=dict)

    @property
    def rows_rejected(self) -> int:
        """Rows with at least one problem."""
        return len(self.report.rejected_rows)

    @property
    def rows_loaded(self) -> int:
        """Rows that passed validation and went into the core table."""
        return 0 if self.status in {"failed", "dry_run", "unchanged"} else self.rows_read - self.rows_rejected

    def settle(self) -> None:
        """A load that inserted, updated and deleted no row (and registered nothing) is `unchanged`."""
        if self.status == "loaded" and not (self.inserted or self.updated or self.details.get("vehicles_registered")):
            self.status = "unchanged"
            self.message = "\n".join(filter(None, [self.message, "no row inserted, updated or deleted"]))

    @property
    def reject_file_name(self) -> str:
        """File name of this load's reject report: the etl_run id first, so a later file never overwrites it."""
        run = f"run{self.run_id:06d}" if self.run_id else "dry-run"
        return f"{run}-{self.path.stem}.rejects.csv"

    @property
    def exit_code(self) -> int:
        """0 all rows loaded (or unchanged), 1 some rejected, 2 nothing loaded."""
        if self.status == "failed" or (self.rows_read and self.rows_rejected == self.rows_read):
            return 2
        return 1 if self.rows_rejected else 0


SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".cpg", ".prj")


def parts(path: Path) -> list[Path]:
    """The files that make up one dataset file: a shapefile's sidecars, else the file itself."""
    if path.suffix.lower() != ".shp":
        return [path]
    return [p for p in sorted(path.parent.glob(path.stem + ".*")) if p.suffix.lower() in SHAPEFILE_PARTS]


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes (of all its parts, for a shapefile)."""
    digest = hashlib.sha256()
    for part in parts(path):
        with part.open("rb") as fh:
            for block in iter(lambda fh=fh: fh.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def copy_rows(conn: sa.Connection, table: str, columns: list[str], rows: list[tuple]) -> None:
    """COPY rows into a table through the psycopg connection under SQLAlchemy."""
    cols = ", ".join(quote_ident(c) for c in columns)
    with conn.connection.driver_connection.cursor() as cur, cur.copy(
            f"COPY {quote_ident(table)} ({cols}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
