"""The school gate in UTM 47N as a stored generated column with a GiST index: presence joins paths to it.

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from geoalchemy2 import Geometry

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add school.gate_utm and its index."""
    op.add_column("school", sa.Column(
        "gate_utm", Geometry(geometry_type="POINT", srid=32647, spatial_index=False),
        sa.Computed("ST_Transform(gate_geom, 32647)", persisted=True), nullable=True))
    op.create_index("idx_school_gate_utm", "school", ["gate_utm"], postgresql_using="gist")


def downgrade() -> None:
    """Drop them."""
    op.drop_index("idx_school_gate_utm", table_name="school", postgresql_using="gist")
    op.drop_column("school", "gate_utm")
