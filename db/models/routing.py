"""The routable road network: vertices with their connected piece, and costed edges (rebuilt from `road`)."""

from __future__ import annotations

import sqlalchemy as sa
from geoalchemy2 import Geometry
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class RoadVertex(Base):
    """A node of the network: a road end or a junction; `piece` numbers the connected pieces, 1 the largest."""

    __tablename__ = "road_vertex"
    id: Mapped[int] = mapped_column(sa.BigInteger, primary_key=True, autoincrement=False)
    geom = mapped_column(Geometry("POINT", srid=4326, spatial_index=True), nullable=False)
    piece: Mapped[int | None] = mapped_column(index=True)


class RoadEdge(Base):
    """A piece of a road between two vertices, with its class, length and travel time both ways."""

    __tablename__ = "road_edge"
    id: Mapped[int] = mapped_column(sa.BigInteger, primary_key=True, autoincrement=False)
    road_id: Mapped[str] = mapped_column(sa.String(40), sa.ForeignKey("road.road_id", ondelete="CASCADE"), index=True)
    source: Mapped[int] = mapped_column(sa.BigInteger, sa.ForeignKey("road_vertex.id"), index=True)
    target: Mapped[int] = mapped_column(sa.BigInteger, sa.ForeignKey("road_vertex.id"), index=True)
    road_class: Mapped[str | None]
    length_m: Mapped[float]
    cost_s: Mapped[float]
    reverse_cost_s: Mapped[float]
    geom = mapped_column(Geometry("LINESTRING", srid=4326, spatial_index=True), nullable=False)
