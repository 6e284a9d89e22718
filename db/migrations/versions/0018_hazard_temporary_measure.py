"""The temporary measure (临时措施) of a hazard that cannot be fixed at once: said in the 专报 list.

Revision ID: 0018
Revises: 0017
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add hazard.temporary_measure (optional text from the hazard file's 临时措施 column)."""
    op.add_column("hazard", sa.Column("temporary_measure", sa.String(), nullable=True))


def downgrade() -> None:
    """Drop it."""
    op.drop_column("hazard", "temporary_measure")
