"""Fast reading of track CSV: blocks of whole lines cut into columns of raw text by Arrow's CSV reader.

A block qualifies when it has no quote and no lone carriage return, so that each line is one record and
commas alone split cells, as the csv module would; each block is checked to be valid in the file's
encoding. A block whose lines have different numbers of cells, or a blank row, is read by the csv module.
The first block with a quote ends the fast part: the caller reads the rest record by record.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Generator

from db.errors import UnreadableFile
from etl.tracks.csv.columns import block_columns
from etl.tracks.csv.layout import Layout
from etl.tracks.points import PointBatch

BLOCK = 4 << 20
Handover = tuple[int, int, Layout | None]  # last row number read, byte offset, columns (None: header not read)


def read_blocks(name: str, raw: io.BufferedReader, encoding: str,
                make_layout: Callable[[list[str]], Layout]) -> Generator[PointBatch, None, Handover | None]:
    """Batches of the plain blocks of a file; returns where the csv module must go on, or None at the end."""
    start = 3 if encoding == "utf-8-sig" else 0
    raw.seek(start)
    pending = raw.read(BLOCK)
    header = _header(pending, encoding)
    if header is None:
        return 0, 0, None
    number, cells, end = header
    columns = make_layout(cells)
    position, pending, eof = start + end, pending[end:], False
    while pending or not eof:
        if not eof and (more := raw.read(BLOCK)):
            pending += more
        eof = eof or not more
        cut = len(pending) if eof else pending.rfind(b"\n") + 1
        if not cut:
            continue
        block, pending = pending[:cut], pending[cut:]
        if b'"' in block or (b"\r" in block and block.count(b"\r") != block.count(b"\r\n")):
            return number, position, columns
        lines = block if block.endswith(b"\n") else block + b"\n"
        count = lines.count(b"\n")
        try:
            batch = block_columns(lines, count, number, columns, encoding)
        except UnicodeDecodeError as exc:
            raise UnreadableFile(f"{name}: bytes that are not {encoding} after {position} bytes "
                                 f"({exc.reason}); save the file in one encoding, preferably UTF-8") from exc
        if batch is None:
            batch = _records(_decoded(name, block, encoding, position), number, columns)
        number += count
        position += cut
        batch.position = position
        yield batch
    return None


def _decoded(name: str, block: bytes, encoding: str, position: int) -> str:
    """The text of a block, or UnreadableFile saying where its bytes are not of the encoding."""
    try:
        return block.decode(encoding.replace("-sig", ""))
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"{name}: bytes that are not {encoding} after {position + exc.start} bytes "
                             f"({exc.reason}); save the file in one encoding, preferably UTF-8") from exc


def _header(head: bytes, encoding: str) -> tuple[int, list[str], int] | None:
    """Number, cells and end offset of the first line that is not blank, if it and the lines before are plain."""
    end = 0
    for number, line in enumerate(head.split(b"\n")[:-1], start=1):
        end += len(line) + 1
        if b'"' in line or b"\r" in line[:-1]:
            return None
        try:
            cells = [c.strip() for c in line.rstrip(b"\r").decode(encoding.replace("-sig", "")).split(",")]
        except UnicodeDecodeError:
            return None
        if any(cells):
            return number, cells, end
    return None


def _records(text: str, number: int, columns: Layout) -> PointBatch:
    """The block record by record (each line one record: the block has no quote)."""
    batch = PointBatch()
    reader = csv.reader(io.StringIO(text, newline=""))
    while True:
        number += 1
        try:
            cells = next(reader)
        except StopIteration:
            return batch
        except csv.Error as exc:  # e.g. a field over the size limit: this record only
            batch.problems.append((number, "", f"malformed CSV record: {exc}"))
            continue
        if (point := columns.point(number, cells)) is not None:
            batch.points.append(point)
