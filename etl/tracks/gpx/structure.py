"""What the tags outside track points say: the element stack, and so the vehicle of each point."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from etl.tracks.gpx.tags import local_name
from etl.tracks.points import Retry


class Scanner:
    """State carried from block to block: element stack, vehicle, point count."""

    def __init__(self, path: Path, vehicle: str | None) -> None:
        """Start before the root element."""
        self.path, self.fixed, self.default = path, vehicle, vehicle or path.stem
        self.stack: list[str] = []
        self.vehicle, self.count, self.names = self.default, 0, {self.default: 0}

    def code(self, name: str) -> int:
        """Index of a vehicle name among the names seen so far."""
        return self.names.setdefault(name, len(self.names))

    def structure(self, buffer: bytes, index: np.ndarray, lt: np.ndarray, gt: np.ndarray,
                  closing: np.ndarray, empty: np.ndarray) -> tuple[list[int], list[int]]:
        """Walk the tags outside points; return (tag index, vehicle code) of each change of vehicle."""
        changes: tuple[list[int], list[int]] = ([], [])
        for i in index.tolist():
            name = local_name(buffer, int(lt[i]))
            if name == "trkpt" or (not self.stack and not closing[i] and name != "gpx"):
                raise Retry("reader")  # a prefixed point, or no <gpx> root: the lxml reader decides
            if not closing[i] and not empty[i]:
                self.stack.append(name)
                continue
            if closing[i]:
                self.stack.pop()
            parent = self.stack[-1] if self.stack else ""
            if name == "trk":
                self.vehicle = self.default
            elif name == "name" and parent == "trk" and not self.fixed:
                if closing[i] and (closing[i - 1] or empty[i - 1]):
                    raise Retry("reader")  # a name with children
                text = buffer[gt[i - 1] + 1:lt[i]].decode() if closing[i] else ""
                self.vehicle = text.strip()[:200] or self.default
            else:
                continue
            changes[0].append(i)
            changes[1].append(self.code(self.vehicle))
        return changes
