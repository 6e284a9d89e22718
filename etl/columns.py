"""Column specs and header matching: Chinese or English headers map to one canonical name."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from db.errors import UnreadableFile
from etl.readers.tabular import Table


@dataclass(frozen=True)
class Column:
    """A canonical column, the headers that name it, and how its cells are parsed."""

    name: str
    aliases: tuple[str, ...]
    parse: Callable[[str], object]
    required: bool = False


def normalise(header: str) -> str:
    """Header key: no blanks, half-width brackets, lower case."""
    header = header.replace("（", "(").replace("）", ")")
    return re.sub(r"\s+", "", header).lower()


def match_headers(table: Table, columns: list[Column], file: str,
                  overrides: dict[str, str] | None = None) -> dict[str, int]:
    """Position of each known column in the file; a missing required column is a file error."""
    positions = {normalise(h): i for i, h in enumerate(table.header) if h}
    for source, target in (overrides or {}).items():
        if normalise(source) in positions:
            positions[normalise(target)] = positions[normalise(source)]
    found: dict[str, int] = {}
    missing = []
    for column in columns:
        names = [column.name, *column.aliases]
        hit = next((positions[normalise(n)] for n in names if normalise(n) in positions), None)
        if hit is not None:
            found[column.name] = hit
        elif column.required:
            missing.append(f"{column.aliases[0]} ({column.name})")
    if missing:
        raise UnreadableFile(f"{file}: required column(s) missing: {', '.join(missing)}; "
                             f"headers found: {', '.join(table.header)}")
    return found
