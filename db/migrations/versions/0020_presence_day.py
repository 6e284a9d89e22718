"""Marts for cold views: presence per school and day (kept by presence's own writes), roads indexed in UTM 47N.

`presence_day` holds, per school and school day, what the dashboard's headline reads of presence for every peak
window at the refresh's radius: windows held, windows present, closest approach. It is written by statement
triggers on `presence`: whatever writes presence rows (the refresh after a track load, `xiaoan refresh`, a
prune, a school's deletion cascading, a test's fixture) rewrites, in the same statement and transaction, the
mart rows of the schools and days it touched, so the mart never differs from the table it sums. Row-level
security as presence's.

The required-signs query finds each gate's nearest road with `ST_DWithin(ST_Transform(road.geom, 32647), …)`;
the expression index lets it probe the roads near each gate instead of transforming every road for every gate
(M: 5,326 gates × 401 roads, 2.9 s → 0.1 s), the query and its answers unchanged.

Revision ID: 0020
Revises: 0019
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WEB = "xiaoan_web"
S = "(SELECT xiaoan_scope())::text[]"  # a scalar subquery: computed once per query (InitPlan)
ALL = f"'*' = ANY ({S})"
IN_COUNTY = f"school_code IN (SELECT school_code FROM school WHERE county_adcode = ANY ({S}))"

# The school-days a statement touched ({keys}), summed again from presence (a key with no row left has none).
RESUM = """
DELETE FROM presence_day d USING ({keys}) k WHERE d.school_code = k.school_code AND d.day = k.day;
INSERT INTO presence_day (school_code, day, windows, present, min_distance_m)
SELECT p.school_code, p.day, count(*), count(*) FILTER (WHERE p.present), min(p.min_distance_m)
FROM presence p JOIN ({keys}) k ON k.school_code = p.school_code AND k.day = p.day
GROUP BY p.school_code, p.day;
"""
TRIGGERS = {  # event: its transition tables, the keys they touch
    "insert": ("NEW TABLE AS added", "SELECT DISTINCT school_code, day FROM added"),
    "update": ("OLD TABLE AS removed NEW TABLE AS added",
               "SELECT school_code, day FROM removed UNION SELECT school_code, day FROM added"),
    "delete": ("OLD TABLE AS removed", "SELECT DISTINCT school_code, day FROM removed"),
}
FILL = """INSERT INTO presence_day (school_code, day, windows, present, min_distance_m)
SELECT school_code, day, count(*), count(*) FILTER (WHERE present), min(min_distance_m)
FROM presence GROUP BY school_code, day"""


def upgrade() -> None:
    """The mart, its triggers, grants and policy, filled from presence; the road index."""
    op.create_table(
        "presence_day",
        sa.Column("school_code", sa.String(length=20), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("windows", sa.Integer(), nullable=False),
        sa.Column("present", sa.Integer(), nullable=False),
        sa.Column("min_distance_m", sa.Float(), nullable=True),
        sa.Column("refreshed_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(["school_code"], ["school.school_code"], name=op.f("presence_day_school_code_fkey"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("school_code", "day", name=op.f("presence_day_pkey")),
    )
    op.create_index(op.f("ix_presence_day_day"), "presence_day", ["day"], unique=False)
    for event, (referencing, keys) in TRIGGERS.items():
        op.execute(f"CREATE FUNCTION xiaoan_presence_day_{event}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                   f"BEGIN{RESUM.format(keys=keys)}RETURN NULL;\nEND $$")
        op.execute(f"CREATE TRIGGER presence_day_{event} AFTER {event.upper()} ON presence REFERENCING {referencing} "
                   f"FOR EACH STATEMENT EXECUTE FUNCTION xiaoan_presence_day_{event}()")
    op.execute(FILL)
    op.execute(f"GRANT SELECT ON presence_day TO {WEB}")
    op.execute("ALTER TABLE presence_day ENABLE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY county_scope ON presence_day FOR SELECT TO {WEB} USING ({ALL} OR {IN_COUNTY})")
    op.execute("CREATE INDEX ix_road_geom_utm ON road USING gist (ST_Transform(geom, 32647))")


def downgrade() -> None:
    """Drop them (the policy goes with the table)."""
    op.execute("DROP INDEX IF EXISTS ix_road_geom_utm")
    for event in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS presence_day_{event} ON presence")
        op.execute(f"DROP FUNCTION IF EXISTS xiaoan_presence_day_{event}()")
    op.drop_index(op.f("ix_presence_day_day"), table_name="presence_day")
    op.drop_table("presence_day")
