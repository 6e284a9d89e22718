"""The reject report: every row that was not loaded, with where and why."""

from __future__ import annotations

import csv
from dataclasses import astuple, dataclass, field
from pathlib import Path

COLUMNS = ("file", "row", "column", "value", "reason")


@dataclass(frozen=True)
class Reject:
    """One problem in one cell (or row, when column is empty) of an input file."""

    file: str
    row: int
    column: str
    value: str
    reason: str


@dataclass
class Report:
    """All problems found in one file; rows are the file's own row numbers (header = 1)."""

    file: str
    rejects: list[Reject] = field(default_factory=list)

    def add(self, row: int, column: str, value: object, reason: str) -> None:
        """Record a problem."""
        self.rejects.append(Reject(self.file, row, column, "" if value is None else str(value), reason))

    @property
    def rejected_rows(self) -> set[int]:
        """Row numbers that have at least one problem."""
        return {r.row for r in self.rejects}

    def write_csv(self, path: Path) -> Path:
        """Write the report as UTF-8 CSV with a BOM so Excel opens the Chinese correctly."""
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", newline="", encoding="utf-8-sig") as fh:
            writer = csv.writer(fh)
            writer.writerow(COLUMNS)
            writer.writerows(astuple(r) for r in self.rejects)
        return path
