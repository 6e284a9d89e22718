"""Record who ran each load and the source coordinate system it was given.

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add etl_run.loaded_by and etl_run.source_crs."""
    op.add_column("etl_run", sa.Column("loaded_by", sa.String(), nullable=True))
    op.add_column("etl_run", sa.Column("source_crs", sa.String(), nullable=True))


def downgrade() -> None:
    """Drop them again."""
    op.drop_column("etl_run", "source_crs")
    op.drop_column("etl_run", "loaded_by")
