"""Reader for track CSV (vehicle, time, lon, lat[, speed, heading]), streamed in batches in any Chinese encoding."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from pathlib import Path

from db.errors import UnreadableFile
from etl.columns import Column, match_headers
from etl.readers.tabular import Table
from etl.tracks.points import BATCH_SIZE, PointBatch

BLOCK = 1 << 20
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


def read_track_csv(path: Path, overrides: dict[str, str] | None = None,
                   batch_size: int = BATCH_SIZE) -> Iterator[PointBatch]:
    """Batches of raw points; a missing required column or undecodable bytes make the file unreadable."""
    if not path.is_file():
        raise UnreadableFile(f"{path}: no such file")
    encoding = sniff_encoding(path)
    with path.open("rb") as raw, io.TextIOWrapper(raw, encoding=encoding, newline="") as text:
        try:
            yield from _batches(path.name, raw, csv.reader(text), overrides, batch_size)
        except UnicodeDecodeError as exc:
            raise UnreadableFile(f"{path.name}: bytes that are not {encoding} after {raw.tell()} bytes "
                                 f"({exc.reason}); save the file in one encoding, preferably UTF-8") from exc


def _header(name: str, reader: Iterator[list[str]]) -> tuple[int, list[str]]:
    """The number and cells of the first record that is not blank."""
    for number, cells in enumerate(reader, start=1):
        if any(c.strip() for c in cells):
            return number, [c.strip() for c in cells]
    raise UnreadableFile(f"{name}: the file has no header row and no data")


def _batches(name: str, raw: io.BufferedReader, reader: Iterator[list[str]],
             overrides: dict[str, str] | None, batch_size: int) -> Iterator[PointBatch]:
    """Find the header row, then cut the data records (numbered as rows, header = 1) into batches."""
    try:
        number, header = _header(name, reader)
    except csv.Error as exc:
        raise UnreadableFile(f"{name}: the header row is not readable CSV ({exc})") from exc
    found = match_headers(Table(header, []), COLUMNS, name, overrides)
    iv, it, ix, iy = (found[c] for c in ("vehicle", "time", "lon", "lat"))
    isp, ih = found.get("speed", -1), found.get("heading", -1)  # -1: the "" appended to every record
    width = max(found.values()) + 1
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
        if len(cells) < width:
            cells += [""] * (width - len(cells))
        if not cells[iv] and not cells[it] and not any(c.strip() for c in cells):
            continue  # a blank line, or one of empty cells
        cells.append("")
        batch.points.append((number, cells[iv].strip(), cells[it].strip(), cells[ix].strip(), cells[iy].strip(),
                             cells[isp].strip(), cells[ih].strip()))
        if len(batch.points) >= batch_size:
            batch.position = raw.tell()
            yield batch
            batch = PointBatch()
    batch.position = raw.tell()
    yield batch
