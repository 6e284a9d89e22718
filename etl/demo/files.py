"""Writing demo files the way counties hand them over: Excel with Chinese headers, CSV in UTF-8 or GBK."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from openpyxl import Workbook

EPOCH = dt.datetime(2026, 9, 1)  # noqa: DTZ001 (Excel cells hold naive dates)


def write_xlsx(path: Path, header: list[str], rows: list[list[object]], text_columns: int) -> Path:
    """A workbook with Chinese headers; the first text_columns columns are stored as text."""
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    for column in sheet.iter_cols(min_col=1, max_col=text_columns, min_row=2):
        for cell in column:
            cell.number_format = "@"
    book.properties.created = book.properties.modified = EPOCH
    book.save(path)
    return path


def write_csv(path: Path, header: list[str], rows: list[list[object]], encoding: str = "utf-8") -> Path:
    """A CSV file in the given encoding (gb18030 for an export from a GBK system), CRLF line ends."""
    with path.open("w", newline="", encoding=encoding) as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def split(rng: object, total: int, parts: int, minimum: int = 1) -> list[int]:
    """total split into parts random whole numbers of at least minimum that add up exactly."""
    spare = total - minimum * parts
    cuts = sorted(rng.randint(0, spare) for _ in range(parts - 1))
    bounds = [0, *cuts, spare]
    return [minimum + b - a for a, b in zip(bounds, bounds[1:], strict=False)]
