"""Reader for track CSV (vehicle, time, lon, lat[, speed, heading]), streamed in batches in any Chinese encoding.

Plain stretches of the file (no quotes) are cut into columns by Arrow (etl/tracks/csv/blocks.py); from the
first quote on, or for UTF-16 files, records are read one by one with the csv module.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from pathlib import Path

from db.errors import UnreadableFile
from etl.columns import Column, match_headers
from etl.readers.tabular import Table
from etl.tracks.csv.blocks import read_blocks
from etl.tracks.csv.layout import Layout
from etl.tracks.points import BATCH_SIZE, PointBatch

BLOCK = 1 << 20
FIELDS = ("vehicle", "time", "lon", "lat", "speed", "heading")
COLUMNS = [
    Column("vehicle", ("车辆", "车牌号", "终端号", "车牌", "车辆编号", "终端编号", "vehicle_id", "plate", "terminal"),
           str, required=True),
    Column("time", ("时间", "定位时间", "GPS时间", "采集时间", "ts", "timestamp", "datetime", "gps_time"),
           str, required=True),
    Column("lon", ("经度", "longitude", "lng", "x"), str, required=True),
    Column("lat", ("纬度", "latitude", "y"), str, required=True),
    Column("speed", ("速度", "速度(km/h)", "speed_kmh"), str),
    Column("heading", ("方向", "方向角", "航向", "course", "direction"), str),
]


def sniff_encoding(path: Path) -> str:
    """UTF-8 (BOM or not), UTF-16 with a BOM, else GB18030, decided on the first bytes that are not ASCII."""
    with path.open("rb") as fh:
        head = fh.read(4)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            return "utf-16"
        fh.seek(0)
        while block := fh.read(BLOCK):
            if block.isascii():
                continue
            for encoding in ("utf-8", "gb18030"):
                try:
                    codecs.getincrementaldecoder(encoding)().decode(block, final=False)
                    return encoding
                except UnicodeDecodeError:
                    continue
            raise UnreadableFile(f"{path.name}: the text is neither UTF-8 nor GB18030/GBK; save it as UTF-8 CSV")
    return "utf-8"


def layout(name: str, header: list[str], overrides: dict[str, str] | None) -> Layout:
    """Where each field is among a header's cells; a missing required column makes the file unreadable."""
    found = match_headers(Table(header, []), COLUMNS, name, overrides)
    return Layout([found.get(f, -1) for f in FIELDS], max(found.values()) + 1)


def read_track_csv(path: Path, overrides: dict[str, str] | None = None, batch_size: int = BATCH_SIZE,
                   fast: bool = True) -> Iterator[PointBatch]:
    """Batches of raw points; a missing required column or undecodable bytes make the file unreadable."""
    if not path.is_file():
        raise UnreadableFile(f"{path}: no such file")
    encoding = sniff_encoding(path)
    with path.open("rb") as raw:
        number, columns = 0, None
        if fast and encoding != "utf-16":
            handover = yield from read_blocks(path.name, raw, encoding, lambda h: layout(path.name, h, overrides))
            if handover is None:
                return
            number, offset, columns = handover
            raw.seek(offset)
            encoding = "utf-8" if encoding == "utf-8-sig" and offset else encoding
        with io.TextIOWrapper(raw, encoding=encoding, newline="") as text:
            try:
                yield from records(path.name, raw, csv.reader(text), overrides, batch_size, number, columns)
            except UnicodeDecodeError as exc:
                raise UnreadableFile(f"{path.name}: bytes that are not {encoding} after {raw.tell()} bytes "
                                     f"({exc.reason}); save the file in one encoding, preferably UTF-8") from exc


def records(name: str, raw: io.BufferedReader, reader: Iterator[list[str]], overrides: dict[str, str] | None,
            batch_size: int, number: int = 0, columns: Layout | None = None) -> Iterator[PointBatch]:
    """Raw points of csv records (numbered as rows, header = 1), after the header row unless its layout is given."""
    if columns is None:
        try:
            number, header = _header(name, reader)
        except csv.Error as exc:
            raise UnreadableFile(f"{name}: the header row is not readable CSV ({exc})") from exc
        columns = layout(name, header, overrides)
    batch = PointBatch()
    while True:
        number += 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:  # e.g. a field over the size limit: this record only
            batch.problems.append((number, "", f"malformed CSV record: {exc}"))
            continue
        if (point := columns.point(number, cells)) is not None:
            batch.points.append(point)
        if len(batch.points) >= batch_size:
            batch.position = raw.tell()
            yield batch
            batch = PointBatch()
    batch.position = raw.tell()
    yield batch


def _header(name: str, reader: Iterator[list[str]]) -> tuple[int, list[str]]:
    """The number and cells of the first record that is not blank."""
    for number, cells in enumerate(reader, start=1):
        if any(c.strip() for c in cells):
            return number, [c.strip() for c in cells]
    raise UnreadableFile(f"{name}: the file has no header row and no data")
