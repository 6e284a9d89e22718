"""Four-100% history: each school's four flags as checked on a date, so the state on any date reads back.

`school_four100` holds a row where a school's flags changed (the schools loader writes it from the file's
检查日期, else the load date); the state on a date is the school's latest row on or before it. Every existing
school gets one row from its current flags, dated by the Nujiang day its row was last written: the finish of
its own etl_run (`school.etl_run_id`, the load whose file carried those flags), else the latest schools load,
else today. County-scoped for xiaoan_web like `presence`.

Revision ID: 0015
Revises: 0014
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db.settings import get_settings

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WEB = "xiaoan_web"
S = "(SELECT xiaoan_scope())::text[]"  # a scalar subquery: computed once per query (InitPlan)
RULE = f"'*' = ANY ({S}) OR school_code IN (SELECT school_code FROM school WHERE county_adcode = ANY ({S}))"
BACKFILL = """
INSERT INTO school_four100 (school_code, checked_on, full_time_guard, closed_management, alarm_video_linked,
                            guard_post, etl_run_id)
SELECT s.school_code,
       CAST(timezone(:tz, COALESCE(r.finished_at, r.started_at, latest.at, now())) AS date),
       s.full_time_guard, s.closed_management, s.alarm_video_linked, s.guard_post, r.id
FROM school s
LEFT JOIN etl_run r ON r.id = s.etl_run_id
CROSS JOIN (SELECT max(COALESCE(finished_at, started_at)) AS at FROM etl_run
            WHERE dataset = 'schools' AND status IN ('loaded', 'partial')) latest
"""


def upgrade() -> None:
    """Create the table, fill it from the schools' current flags, grant it and scope it by county."""
    op.create_table(
        "school_four100",
        sa.Column("school_code", sa.String(length=20), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column("full_time_guard", sa.Boolean(), nullable=True),
        sa.Column("closed_management", sa.Boolean(), nullable=True),
        sa.Column("alarm_video_linked", sa.Boolean(), nullable=True),
        sa.Column("guard_post", sa.Boolean(), nullable=True),
        sa.Column("etl_run_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["etl_run_id"], ["etl_run.id"], name=op.f("school_four100_etl_run_id_fkey")),
        sa.ForeignKeyConstraint(["school_code"], ["school.school_code"],
                                name=op.f("school_four100_school_code_fkey"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("school_code", "checked_on", name=op.f("school_four100_pkey")),
    )
    op.get_bind().execute(sa.text(BACKFILL), {"tz": get_settings().timezone})
    op.execute(f"GRANT SELECT ON school_four100 TO {WEB}")
    op.execute("ALTER TABLE school_four100 ENABLE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY county_scope ON school_four100 FOR SELECT TO {WEB} USING ({RULE})")


def downgrade() -> None:
    """Drop it (with its policy); the schools keep their current flags."""
    op.drop_table("school_four100")
