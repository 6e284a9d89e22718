"""Plans against what happened: each planned stop checked against the GPS (kept, late, kept by another vehicle).

One row per planned stop whose window the loaded GPS has passed (a stop without a row is still pending). Written
by the refresh that follows a track load, by `xiaoan refresh` and when a plan is saved; see db/plan_check.py for
the rule. Row-level security as the plan's stops: a county's rows while their plan is visible; xiaoan_web may
INSERT the checks of a plan its user made (a plan made on the page for a past date is checked at once).

Revision ID: 0019
Revises: 0018
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WEB = "xiaoan_web"
S = "(SELECT xiaoan_scope())::text[]"
ALL = f"'*' = ANY ({S})"
ME = "(SELECT u.{} FROM xiaoan_current_user() u)"
BOSS = f"{ME.format('role')} IN ('leader', 'admin')"
PLANNER_HERE = f"({ME.format('role')} = 'planner' AND county_adcode = {ME.format('county_adcode')})"
READ = f"{ALL} OR (county_adcode = ANY ({S}) AND plan_id IN (SELECT p.plan_id FROM patrol_plan p))"
MY_PLAN = f"plan_id IN (SELECT p.plan_id FROM patrol_plan p WHERE p.made_by = {ME.format('user_name')})"
WRITE = f"{MY_PLAN} AND ({BOSS} OR {PLANNER_HERE})"


def upgrade() -> None:
    """The check table, its grants and policies."""
    op.create_table(
        "patrol_plan_check",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("vehicle_id", sa.String(length=40), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("school_code", sa.String(length=20), nullable=False),
        sa.Column("county_adcode", sa.String(length=6), nullable=False),
        sa.Column("kept", sa.Boolean(), nullable=False),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("inside_min", sa.Float(), nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=True),
        sa.Column("kept_by", postgresql.ARRAY(sa.String()), nullable=False),
        sa.Column("radius_m", sa.Float(), nullable=False),
        sa.Column("kept_min", sa.Float(), nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("kept OR NOT late", name=op.f("patrol_plan_check_late_is_kept")),
        sa.ForeignKeyConstraint(["plan_id", "vehicle_id", "seq"],
                                ["patrol_plan_stop.plan_id", "patrol_plan_stop.vehicle_id", "patrol_plan_stop.seq"],
                                name=op.f("patrol_plan_check_plan_id_fkey"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["county_adcode"], ["county.adcode"],
                                name=op.f("patrol_plan_check_county_adcode_fkey")),
        sa.PrimaryKeyConstraint("plan_id", "vehicle_id", "seq", name=op.f("patrol_plan_check_pkey")),
    )
    op.execute(f"GRANT SELECT, INSERT ON patrol_plan_check TO {WEB}")
    op.execute("ALTER TABLE patrol_plan_check ENABLE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY county_scope ON patrol_plan_check FOR SELECT TO {WEB} USING ({READ})")
    op.execute(f"CREATE POLICY planner_insert ON patrol_plan_check FOR INSERT TO {WEB} WITH CHECK ({WRITE})")


def downgrade() -> None:
    """Drop it (policies go with it)."""
    op.drop_table("patrol_plan_check")
