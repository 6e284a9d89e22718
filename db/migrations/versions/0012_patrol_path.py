"""Patrol paths: each vehicle's runs in each peak window of each local day, simplified once, for the map.

The dashboard draws patrol paths from this table instead of every GPS fix of the period; the presence
refresh keeps it current for the days it touches. County-scoped for xiaoan_web like `track_point`.

Revision ID: 0012
Revises: 0011
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from geoalchemy2 import Geometry
from sqlalchemy.dialects import postgresql

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WEB = "xiaoan_web"
S = "(SELECT xiaoan_scope())::text[]"  # a scalar subquery: computed once per query (InitPlan)
RULE = (f"'*' = ANY ({S}) OR vehicle_id IN (SELECT v.vehicle_id FROM vehicle v JOIN police_unit u "
        f"USING (unit_code) WHERE u.county_adcode = ANY ({S}))")


def upgrade() -> None:
    """Create the table, grant it to the dashboard's role and scope it by the vehicle's county."""
    op.create_table(
        "patrol_path",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("vehicle_id", sa.String(length=40), nullable=False),
        sa.Column("window_name", sa.String(), nullable=False),
        sa.Column("geom", Geometry(geometry_type="MULTILINESTRING", srid=4326, spatial_index=False,
                                   from_text="ST_GeomFromEWKT", name="geometry", nullable=False), nullable=False),
        sa.Column("counties", postgresql.ARRAY(sa.String(length=6)), nullable=False),
        sa.Column("tolerance_m", sa.Float(), nullable=False),
        sa.Column("length_m", sa.Float(), nullable=False),
        sa.Column("refreshed_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(["vehicle_id"], ["vehicle.vehicle_id"], name=op.f("patrol_path_vehicle_id_fkey"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("day", "vehicle_id", "window_name", name=op.f("patrol_path_pkey")),
    )
    op.execute(f"GRANT SELECT ON patrol_path TO {WEB}")
    op.execute("ALTER TABLE patrol_path ENABLE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY county_scope ON patrol_path FOR SELECT TO {WEB} USING ({RULE})")


def downgrade() -> None:
    """Drop it (with its policy)."""
    op.drop_table("patrol_path")
