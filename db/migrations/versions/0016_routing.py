"""Routing: the road network noded for pgRouting — vertices (with their connected piece) and costed edges.

Rebuilt from `road` by `db.routing.rebuild_network` whenever roads load. Roads cross counties, so the network
is shared like `road`: granted to xiaoan_web without a row policy.

Revision ID: 0016
Revises: 0015
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from geoalchemy2 import Geometry

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WEB = "xiaoan_web"


def geometry(kind: str) -> Geometry:
    """A WGS-84 geometry column; its GiST index is created below, as 0001 does."""
    return Geometry(geometry_type=kind, srid=4326, spatial_index=False, from_text="ST_GeomFromEWKT", name="geometry",
                    nullable=False)


def upgrade() -> None:
    """pgRouting, the two tables with their indexes, and the dashboard's read grant."""
    op.execute("CREATE EXTENSION IF NOT EXISTS pgrouting")
    op.create_table(
        "road_vertex",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("geom", geometry("POINT"), nullable=False),
        sa.Column("piece", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("road_vertex_pkey")),
    )
    op.create_geospatial_index("idx_road_vertex_geom", "road_vertex", ["geom"], unique=False, postgresql_using="gist",
                               postgresql_ops={})
    op.create_index(op.f("ix_road_vertex_piece"), "road_vertex", ["piece"])
    op.create_table(
        "road_edge",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("road_id", sa.String(length=40), nullable=False),
        sa.Column("source", sa.BigInteger(), nullable=False),
        sa.Column("target", sa.BigInteger(), nullable=False),
        sa.Column("road_class", sa.String(), nullable=True),
        sa.Column("length_m", sa.Float(), nullable=False),
        sa.Column("cost_s", sa.Float(), nullable=False),
        sa.Column("reverse_cost_s", sa.Float(), nullable=False),
        sa.Column("geom", geometry("LINESTRING"), nullable=False),
        sa.ForeignKeyConstraint(["road_id"], ["road.road_id"], name=op.f("road_edge_road_id_fkey"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["source"], ["road_vertex.id"], name=op.f("road_edge_source_fkey")),
        sa.ForeignKeyConstraint(["target"], ["road_vertex.id"], name=op.f("road_edge_target_fkey")),
        sa.PrimaryKeyConstraint("id", name=op.f("road_edge_pkey")),
    )
    op.create_geospatial_index("idx_road_edge_geom", "road_edge", ["geom"], unique=False, postgresql_using="gist",
                               postgresql_ops={})
    op.create_index(op.f("ix_road_edge_road_id"), "road_edge", ["road_id"])
    op.create_index(op.f("ix_road_edge_source"), "road_edge", ["source"])
    op.create_index(op.f("ix_road_edge_target"), "road_edge", ["target"])
    op.execute(f"GRANT SELECT ON road_vertex, road_edge TO {WEB}")


def downgrade() -> None:
    """Drop the network; the extension stays if anything else uses it, else goes too."""
    op.drop_table("road_edge")
    op.drop_table("road_vertex")
    op.execute("DROP EXTENSION IF EXISTS pgrouting")
