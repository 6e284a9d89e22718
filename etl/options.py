"""Options of a load that the user sets on the command line or the upload page."""

from __future__ import annotations

import csv
import getpass
import os
from dataclasses import dataclass, field
from pathlib import Path

from db.errors import UnreadableFile
from etl.crs import canonical
from etl.readers.tabular import decode


def current_user() -> str:
    """Who runs the load (recorded in etl_run)."""
    try:
        return os.environ.get("XIAOAN_USER") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


@dataclass(frozen=True)
class LoadOptions:
    """Source CRS, header overrides, the vehicle of a GPX file, the zone of naive timestamps, who."""

    crs: str = "EPSG:4326"
    headers: dict[str, str] = field(default_factory=dict)
    vehicle: str | None = None
    timezone: str = "Asia/Shanghai"
    loaded_by: str = field(default_factory=current_user)
    counties: tuple[str, ...] | None = None  # a data clerk's county: rows elsewhere refuse the file

    def __post_init__(self) -> None:
        object.__setattr__(self, "crs", canonical(self.crs))


def read_header_map(path: Path) -> dict[str, str]:
    """A two-column CSV (source header, XiaoAn column) that renames a source's own headers."""
    if not path.is_file():
        raise UnreadableFile(f"{path}: no such header mapping file")
    rows = list(csv.reader(decode(path.read_bytes(), path.name).splitlines()))
    mapping = {r[0].strip(): r[1].strip() for r in rows if len(r) >= 2 and r[0].strip() and r[1].strip()}
    mapping.pop("source", None)
    mapping.pop("表头", None)
    return mapping
