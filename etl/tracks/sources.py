"""Which reader a track file needs: GPX by its extension, CSV/TXT otherwise."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from db.errors import UnreadableFile
from etl.options import LoadOptions
from etl.tracks.csv.read import read_track_csv
from etl.tracks.gpx.read import read_gpx
from etl.tracks.points import PointBatch


def read_points(path: Path, options: LoadOptions, fast: bool = True) -> Iterator[PointBatch]:
    """The raw point batches of a .gpx, .csv or .txt track file (`fast`: columns where the file allows)."""
    suffix = path.suffix.lower()
    if suffix == ".gpx":
        return read_gpx(path, vehicle=(options.vehicle or "").strip() or None, fast=fast)
    if suffix in {".csv", ".txt"}:
        return read_track_csv(path, overrides=options.headers, fast=fast)
    raise UnreadableFile(f"{path.name}: unsupported track format {suffix!r}; expected .csv or .gpx")
