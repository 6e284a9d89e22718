"""Work lists as Excel workbooks (openpyxl): a sheet per list, bold frozen header, filters, sensible widths."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from dashboard.exports.privacy import mask_text
from dashboard.exports.texts import tx

HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
PERCENT_COLUMNS = {"col.rate"}


def cell(value: object) -> object:
    """A value as openpyxl writes it: text masked, NaN empty, numpy numbers plain."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return None
    if isinstance(value, str):
        return mask_text(value)
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value.item() if hasattr(value, "item") else value


def width(value: object) -> int:
    """Display width of a value: CJK characters count twice."""
    text = value.isoformat() if isinstance(value, dt.date) else str(value if value is not None else "")
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def fill_sheet(ws: Worksheet, frame: pd.DataFrame, lang: str) -> None:
    """Header from the text keys, then the rows; frozen header, autofilter, widths, date and % formats."""
    ws.append([tx(c, lang) for c in frame.columns])
    for row in frame.itertuples(index=False):
        ws.append([cell(v) for v in row])
    for i, column in enumerate(frame.columns, start=1):
        letter = get_column_letter(i)
        ws[f"{letter}1"].font = Font(bold=True)
        ws[f"{letter}1"].fill = HEADER_FILL
        ws[f"{letter}1"].alignment = Alignment(vertical="center", wrap_text=True)
        cells = ws[letter][1:]
        for c in cells:
            if isinstance(c.value, dt.date):
                c.number_format = "yyyy-mm-dd"
            elif column in PERCENT_COLUMNS and c.value is not None:
                c.number_format = "0.0%"
        widest = max([width(ws[f"{letter}1"].value)] + [width(c.value) for c in cells])
        ws.column_dimensions[letter].width = min(max(widest + 2, 8), 60)
    ws.freeze_panes = "A2"
    if frame.columns.size:
        ws.auto_filter.ref = f"A1:{get_column_letter(frame.columns.size)}{max(ws.max_row, 1)}"


def about_sheet(ws: Worksheet, about: Sequence[tuple[str, object]]) -> None:
    """A sheet of what the workbook is: title, period, selection, data time, masking note."""
    for key, value in about:
        ws.append([key, cell(value)])
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 70
    for row in ws.iter_rows(max_col=1):
        row[0].font = Font(bold=True)


def write_book(sheets: Mapping[str, pd.DataFrame], about: Sequence[tuple[str, object]], path: Path | IO[bytes],
               lang: str = "zh") -> None:
    """The sheets (name → frame with text-key columns), then the about sheet, saved to path or a stream."""
    book = Workbook()
    book.remove(book.active)
    for name, frame in sheets.items():
        fill_sheet(book.create_sheet(name[:31]), frame, lang)
    about_sheet(book.create_sheet(tx("worklist.about", lang)), about)
    book.save(path)
