"""Reader for tables: .xlsx (calamine) and .csv in UTF-8, UTF-8 with BOM or GB18030/GBK."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from python_calamine import CalamineWorkbook

from db.errors import UnreadableFile

ENCODINGS = ("utf-8-sig", "gb18030")


@dataclass
class Table:
    """A header and data rows as text; `first_row` is the file row number of rows[0]."""

    header: list[str]
    rows: list[list[str]]
    first_row: int = 2


def cell_text(value: object) -> str:
    """A spreadsheet cell as text: 2153010001.0 → '2153010001', dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    return str(value).strip()


def decode(data: bytes, name: str) -> str:
    """Decode CSV bytes, trying UTF-8 (with or without BOM), then GB18030 (a superset of GBK)."""
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile(f"{name}: the text is neither UTF-8 nor GB18030/GBK; save it as UTF-8 CSV")


def _from_grid(grid: list[list[str]], name: str) -> Table:
    """Drop blank lines at the top and bottom, split off the header."""
    while grid and not any(grid[0]):
        grid = grid[1:]
    if not grid:
        raise UnreadableFile(f"{name}: the file has no header row and no data")
    header = [h.strip() for h in grid[0]]
    width = len(header)
    rows = [(r + [""] * width)[:width] for r in grid[1:]]
    while rows and not any(rows[-1]):
        rows.pop()
    return Table(header=header, rows=rows)


def read_csv(path: Path) -> Table:
    """Read a CSV file whatever its Chinese encoding."""
    text = decode(path.read_bytes(), path.name)
    reader = csv.reader(io.StringIO(text, newline=""))  # a lone \r ends a line, as in the file (fuzz: b"\r\0")
    try:
        grid = [[c.strip() for c in row] for row in reader]
    except csv.Error as exc:  # e.g. a field over the csv module's size limit
        raise UnreadableFile(f"{path.name}: not readable CSV at line {reader.line_num} ({exc})") from exc
    return _from_grid(grid, path.name)


def read_xlsx(path: Path, sheet: int = 0) -> Table:
    """Read the first sheet of an Excel workbook, every cell as text."""
    try:
        book = CalamineWorkbook.from_path(str(path))
        raw = book.get_sheet_by_index(sheet).to_python(skip_empty_area=False)
    except Exception as exc:  # calamine raises its own error types for broken files
        raise UnreadableFile(f"{path.name}: not a readable Excel workbook ({exc})") from exc
    return _from_grid([[cell_text(c) for c in row] for row in raw], path.name)


def read_table(path: Path) -> Table:
    """Read a .xlsx/.xls/.csv file into a Table."""
    if not path.is_file():
        raise UnreadableFile(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix in {".xlsx", ".xlsm", ".xls", ".ods"}:
        return read_xlsx(path)
    if suffix in {".csv", ".txt"}:
        return read_csv(path)
    raise UnreadableFile(f"{path.name}: unsupported table format {suffix!r}; expected .xlsx or .csv")
