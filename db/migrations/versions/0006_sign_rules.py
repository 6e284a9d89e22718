"""Sign rules as data: 30 km/h limit, school-zone warning and speed bump everywhere; no-honking per county.

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DEFAULTS = [("speed_limit_30", "限速30公里/小时，附“学校区域”辅助标志"), ("school_zone", "注意儿童 / 学校区域警告标志"),
            ("speed_bump", "减速带")]


def upgrade() -> None:
    """Create sign_rule with the rules of the school-zone standard."""
    table = op.create_table(
        "sign_rule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("county_adcode", sa.String(length=6), nullable=True),
        sa.Column("required", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("note", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["county_adcode"], ["county.adcode"], name=op.f("sign_rule_county_adcode_fkey")),
        sa.PrimaryKeyConstraint("id", name=op.f("sign_rule_pkey")),
        sa.UniqueConstraint("kind", "county_adcode", name=op.f("sign_rule_kind_county_adcode_key"),
                            postgresql_nulls_not_distinct=True),
    )
    op.bulk_insert(table, [{"kind": kind, "county_adcode": None, "required": True, "note": note}
                           for kind, note in DEFAULTS])


def downgrade() -> None:
    """Drop sign_rule."""
    op.drop_table("sign_rule")
