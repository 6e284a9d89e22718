"""Rebuilding the network from `road`: noded, gaps snapped, costed by road class, pieces numbered."""

from __future__ import annotations

import json
from dataclasses import dataclass

import sqlalchemy as sa

from db.settings import Settings, get_settings
from db.sql import query


@dataclass(frozen=True)
class NetworkSize:
    """What a rebuild produced."""

    edges: int
    vertices: int
    pieces: int
    km: float
    main_share: float  # share of vertices in piece 1, the largest


def rebuild_network(conn: sa.Connection, settings: Settings | None = None) -> NetworkSize:
    """Replace road_vertex and road_edge by the network of the roads now in `road` (inside conn's transaction)."""
    settings = settings or get_settings()
    conn.execute(query("routing_clear"))
    conn.execute(query("routing_build"), {"snap_m": settings.road_snap_m,
                                          "speeds": json.dumps(settings.road_speeds_kmh, ensure_ascii=False),
                                          "default_kmh": settings.road_speed_default_kmh})
    conn.execute(query("routing_pieces"))
    return network_size(conn)


def network_size(conn: sa.Connection) -> NetworkSize:
    """Edges, vertices, pieces and kilometres of the stored network."""
    row = conn.execute(query("routing_summary")).one()
    return NetworkSize(row.edges, row.vertices, row.pieces, float(row.km), float(row.main_share))
