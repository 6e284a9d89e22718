"""Generic row validation: parse every cell, collect every problem, never stop at the first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from etl.columns import Column, match_headers
from etl.readers.tabular import Table
from etl.report import Report

REQUIRED = "required value missing"


@dataclass
class Row:
    """A parsed row with its file row number."""

    number: int
    values: dict[str, Any]


def parse_rows(table: Table, columns: list[Column], report: Report,
               overrides: dict[str, str] | None = None) -> list[Row]:
    """Typed rows; a cell that fails to parse or a missing required value goes into the report."""
    positions = match_headers(table, columns, report.file, overrides)
    parsed = []
    for offset, cells in enumerate(table.rows):
        number = table.first_row + offset
        if not any(cells):
            continue
        values: dict[str, Any] = {}
        ok = True
        for column in columns:
            raw = cells[positions[column.name]] if column.name in positions else ""
            if raw == "":
                values[column.name] = None
                if column.required:
                    report.add(number, column.aliases[0], raw, f"{REQUIRED}: {column.name}")
                    ok = False
                continue
            try:
                values[column.name] = column.parse(raw)
            except ValueError as exc:
                report.add(number, column.aliases[0], raw, f"wrong type: {exc}")
                ok = False
        if ok:
            parsed.append(Row(number, values))
    return parsed


def ends_in_order(report: Report, row: Row, start: str, end: str, label: str = "结束日期") -> bool:
    """Whether the row's end date is not before its start (an open end is fine); report it when it is."""
    first, last = row.values[start], row.values[end]
    if last is None or last >= first:
        return True
    report.add(row.number, label, last.isoformat(), f"date logic: valid_to is before valid_from {first.isoformat()} "
                                                    "(expected an end date on or after the start date)")
    return False


def drop_duplicates(rows: list[Row], key: str, label: str, report: Report) -> list[Row]:
    """Reject every row whose key appeared on an earlier row of the same file."""
    first_seen: dict[Any, int] = {}
    kept = []
    for row in rows:
        value = row.values[key]
        if value in first_seen:
            report.add(row.number, label, value, f"duplicate key inside the file (first on row "
                                                  f"{first_seen[value]})")
            continue
        first_seen[value] = row.number
        kept.append(row)
    return kept
