"""Points on the network: where each attaches, the travel-time matrix between them, the paths of legs."""

from __future__ import annotations

import json
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
import sqlalchemy as sa

from db.settings import Settings, get_settings
from db.sql import query

Point = tuple[Hashable, float, float]  # key, lon, lat (WGS-84)


@dataclass(frozen=True)
class Attachment:
    """Where a point joins the roads: the edge, the fraction along it, metres off-road, its piece; None if none."""

    key: Hashable
    edge_id: int | None
    fraction: float | None
    offroad_m: float | None
    piece: int | None

    @property
    def attached(self) -> bool:
        """Whether a road edge lies within the access distance."""
        return self.edge_id is not None


def attachment(conn: sa.Connection, points: Sequence[Point], settings: Settings | None = None) -> list[Attachment]:
    """Per point, the nearest point on a road edge within plan_access_m (in the order given)."""
    settings = settings or get_settings()
    if not points:
        return []
    rows = conn.execute(query("routing_attach"), {"lons": [float(p[1]) for p in points],
                                                  "lats": [float(p[2]) for p in points],
                                                  "access_m": settings.plan_access_m}).all()
    return [Attachment(p[0], r.edge_id, r.fraction, r.offroad_m, r.piece) for p, r in zip(points, rows, strict=True)]


def _use(conn: sa.Connection, points: Sequence[Point], found: list[Attachment], legs: list[tuple[int, int]]) -> None:
    """Hand the attached points (pid = position + 1) and the legs to this transaction's pgRouting queries."""
    data = [{"pid": i + 1, "edge_id": a.edge_id, "fraction": a.fraction, "lon": float(p[1]), "lat": float(p[2])}
            for i, (p, a) in enumerate(zip(points, found, strict=True)) if a.attached]
    conn.execute(query("routing_use_points"), {
        "points": json.dumps(data), "legs": json.dumps([{"source": -a, "target": -b} for a, b in legs])})


def travel_matrix(conn: sa.Connection, points: Sequence[Point],
                  settings: Settings | None = None) -> tuple[list[Hashable], np.ndarray]:
    """Keys and whole seconds from each point to each other (off-road at both ends); -1 where no path, 0 diagonal."""
    settings = settings or get_settings()
    found = attachment(conn, points, settings)
    size = len(points)
    matrix = np.full((size, size), -1, dtype=np.int64)
    np.fill_diagonal(matrix, 0)
    pids = [i + 1 for i, a in enumerate(found) if a.attached]
    if len(pids) >= 2:
        _use(conn, points, found, [])
        offroad = np.array([(a.offroad_m or 0.0) / (settings.plan_offroad_kmh / 3.6) for a in found])
        for start, end, cost in conn.execute(query("routing_matrix"), {"vids": [-p for p in pids]}):
            i, j = start - 1, end - 1
            if i != j:
                matrix[i, j] = round(offroad[i] + cost + offroad[j])
    return [p[0] for p in points], matrix


def route_geometry(conn: sa.Connection, legs: Sequence[tuple[Hashable, Hashable]], points: Sequence[Point],
                   settings: Settings | None = None) -> dict[tuple[Hashable, Hashable], shapely.LineString | None]:
    """Per (from_key, to_key) leg, its WGS-84 line along the roads with the off-road ends; None where no path."""
    settings = settings or get_settings()
    found = attachment(conn, points, settings)
    pid = {p[0]: i + 1 for i, p in enumerate(points)}
    wanted = sorted({(pid[a], pid[b]) for a, b in legs if pid[a] != pid[b]
                     and found[pid[a] - 1].attached and found[pid[b] - 1].attached})
    lines: dict[tuple[int, int], shapely.LineString] = {}
    if wanted:
        _use(conn, points, found, wanted)
        for row in conn.execute(query("routing_legs")):
            lines[(row.from_pid, row.to_pid)] = shapely.from_wkb(row.wkb)
    return {(a, b): lines.get((pid[a], pid[b])) for a, b in legs}
