"""A block of plain CSV lines cut into columns of raw text by Arrow's CSV reader (see blocks.py)."""

from __future__ import annotations

import csv

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from etl.tracks.columns import text_layout
from etl.tracks.csv.layout import Layout
from etl.tracks.points import PointBatch, RawColumns

POOL = pa.system_memory_pool()  # freed memory goes back at once (mimalloc keeps it)
PARSE = pa_csv.ParseOptions(quote_char=False, double_quote=False, escape_char=False, newlines_in_values=False,
                            ignore_empty_lines=False)


def block_columns(block: bytes, lines: int, number: int, columns: Layout, encoding: str) -> PointBatch | None:
    """The block as columns, if all its lines have as many cells as the first and none is blank.

    Every cell is checked to be text of the encoding: a column of ASCII at a glance, others value by value.
    """
    width = block[:block.find(b"\n")].count(b",") + 1
    if width < columns.width:
        return None
    names = [f"c{i}" for i in range(width)]
    try:
        table = pa_csv.read_csv(pa.py_buffer(block), read_options=pa_csv.ReadOptions(
            column_names=names, use_threads=False, block_size=len(block) + 1), parse_options=PARSE,
            convert_options=pa_csv.ConvertOptions(column_types=dict.fromkeys(names, pa.binary()),
                                                  strings_can_be_null=False, quoted_strings_can_be_null=False),
            memory_pool=POOL)
    except pa.ArrowInvalid:
        return None
    if table.num_rows != lines:
        return None
    cells = [table.column(i).combine_chunks(memory_pool=POOL) for i in range(width)]
    lengths = [text_layout(c)[1] for c in cells]
    if max(int(n.max()) for n in lengths) > csv.field_size_limit():
        return None  # the csv module reports such a record as malformed
    values = [cells[i] if i >= 0 else None for i in columns.index]
    if ((lengths[columns.index[0]] == 0) & (lengths[columns.index[1]] == 0)).any():
        return None  # a blank row, or one without vehicle and time: the csv module's rules decide
    encoding = encoding.replace("-sig", "")
    for cell in cells:
        _check_text(cell, encoding)
    return PointBatch(columns=RawColumns(number + 1 + np.arange(lines), *values, encoding=encoding))


def _check_text(column: pa.Array, encoding: str) -> None:
    """UnicodeDecodeError unless every value of a column is text of the encoding (each distinct value once)."""
    starts, lengths, raw = text_layout(column)
    if lengths.sum() and raw[starts[0]:starts[0] + lengths.sum()].max() >= 0x80:
        for value in pc.unique(column).to_pylist():
            value.decode(encoding)
