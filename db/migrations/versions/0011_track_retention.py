"""Track retention: one row per prune of track_point, the day before which presence is kept and never recomputed.

`xiaoan tracks prune` writes a row in the transaction that drops the months; the presence refresh reads the
latest day (the retention horizon) and leaves the presence of earlier days as it is: their tracks are gone.
The dashboard does not read this table, so xiaoan_web gets no grant on it (and it needs no row-level policy).

Revision ID: 0011
Revises: 0010
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the table."""
    op.create_table(
        "track_retention",
        sa.Column("etl_run_id", sa.Integer(), nullable=False),
        sa.Column("kept_before", sa.Date(), nullable=False),
        sa.Column("pruned_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(["etl_run_id"], ["etl_run.id"], name=op.f("track_retention_etl_run_id_fkey")),
        sa.PrimaryKeyConstraint("etl_run_id", name=op.f("track_retention_pkey")),
    )


def downgrade() -> None:
    """Drop it."""
    op.drop_table("track_retention")
