"""Where a track CSV's columns are: the cell index of each field, and how a record becomes a raw point."""

from __future__ import annotations

from dataclasses import dataclass

from etl.tracks.points import RawPoint


@dataclass(frozen=True)
class Layout:
    """Cell index of vehicle, time, lon, lat, speed and heading (-1: no such column); cells a record needs."""

    index: list[int]
    width: int

    def point(self, number: int, cells: list[str]) -> RawPoint | None:
        """The raw point of a csv record, stripped; None for a blank record."""
        if len(cells) < self.width:
            cells = cells + [""] * (self.width - len(cells))
        if not cells[self.index[0]] and not cells[self.index[1]] and not any(c.strip() for c in cells):
            return None
        return number, *(cells[i].strip() if i >= 0 else "" for i in self.index)
