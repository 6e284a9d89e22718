"""Township seats, named on the offline basemap.

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from geoalchemy2 import Geometry

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create township."""
    op.create_geospatial_table(
        "township",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("county_adcode", sa.String(length=6), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("geom", Geometry(geometry_type="POINT", srid=4326, spatial_index=False,
                                   from_text="ST_GeomFromEWKT", name="geometry", nullable=False), nullable=False),
        sa.ForeignKeyConstraint(["county_adcode"], ["county.adcode"], name=op.f("township_county_adcode_fkey")),
        sa.PrimaryKeyConstraint("id", name=op.f("township_pkey")),
        sa.UniqueConstraint("county_adcode", "name", name=op.f("township_county_adcode_name_key")),
    )
    op.create_geospatial_index("idx_township_geom", "township", ["geom"], unique=False,
                               postgresql_using="gist", postgresql_ops={})


def downgrade() -> None:
    """Drop township."""
    op.drop_geospatial_index("idx_township_geom", table_name="township", postgresql_using="gist",
                             column_name="geom")
    op.drop_geospatial_table("township")
