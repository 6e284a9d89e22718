"""A mart for the gaps map: each patrol path's segments simplified and snapped once per coarse tolerance.

Drawn at a prefecture or county view, the patrol paths of a period are too many vertices as stored (10 m): the
map reads them at a coarser tolerance t, each run simplified with t and snapped to a t grid in UTM 47N, cut into
segments, each segment drawn once per vehicle (dash_patrol_paths). Computing that per read cost 0.6 s at M for
each tolerance tried. `patrol_path_grid` holds, per path and per tolerance of `xiaoan_path_levels()` coarser
than the path's own, the distinct normalised segments as WKB in UTM 47N. A statement trigger on `patrol_path`
writes them for every path inserted (the refresh after a track load, `xiaoan refresh`, a test's fixture), in the
same statement and transaction, and others delete them with the paths deleted (a refresh's delete, a prune, a
vehicle's deletion cascading), updated or truncated. Triggers rather than a foreign key: checking the key row by
row cost more than writing the rows (0.27 s of 0.5 s a day at M).
The read computes any other tolerance as before, so the map never depends on which levels are kept. Row-level
security as patrol_path's.

Revision ID: 0021
Revises: 0020
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WEB = "xiaoan_web"
S = "(SELECT xiaoan_scope())::text[]"  # a scalar subquery: computed once per query (InitPlan)
RULE = (f"'*' = ANY ({S}) OR vehicle_id IN (SELECT v.vehicle_id FROM vehicle v JOIN police_unit u "
        f"USING (unit_code) WHERE u.county_adcode = ANY ({S}))")
LEVELS = "SELECT ARRAY[20, 40, 80, 160, 320]::float8[]"  # the map's tries after the stored 10 m (× 2 each)
# The grid rows of the paths in {source}: the same expression dash_patrol_paths computes for a tolerance not kept.
GRID = """INSERT INTO patrol_path_grid (day, vehicle_id, window_name, tolerance_m, segments)
SELECT p.day, p.vehicle_id, p.window_name, lv.t,
       ARRAY(SELECT DISTINCT ST_AsBinary(ST_Normalize(s.geom))
             FROM ST_DumpSegments(ST_RemoveRepeatedPoints(ST_SnapToGrid(ST_Simplify(u.m, lv.t), lv.t))) AS s)
FROM {source} p
CROSS JOIN LATERAL (SELECT ST_Transform(p.geom, 32647) AS m) AS u
CROSS JOIN unnest(xiaoan_path_levels()) AS lv(t)
WHERE p.tolerance_m < lv.t"""
REMOVED = ("DELETE FROM patrol_path_grid g USING removed r WHERE (g.day, g.vehicle_id, g.window_name) = "
           "(r.day, r.vehicle_id, r.window_name);\n")
TRIGGERS = {  # event: its transition tables, what its function does
    "insert": ("REFERENCING NEW TABLE AS added", GRID.format(source="added") + ";\n"),
    "update": ("REFERENCING OLD TABLE AS removed NEW TABLE AS added", REMOVED + GRID.format(source="added") + ";\n"),
    "delete": ("REFERENCING OLD TABLE AS removed", REMOVED),
    "truncate": ("", "TRUNCATE patrol_path_grid;\n"),
}


def upgrade() -> None:
    """The levels, the mart, its triggers, grant and policy, filled from the paths already stored."""
    op.execute(f"CREATE FUNCTION xiaoan_path_levels() RETURNS float8[] LANGUAGE sql IMMUTABLE AS $$ {LEVELS} $$")
    op.create_table(
        "patrol_path_grid",
        sa.Column("tolerance_m", sa.Float(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("vehicle_id", sa.String(length=40), nullable=False),
        sa.Column("window_name", sa.String(), nullable=False),
        sa.Column("segments", postgresql.ARRAY(sa.LargeBinary()), nullable=False),
        sa.PrimaryKeyConstraint("tolerance_m", "day", "vehicle_id", "window_name", name=op.f("patrol_path_grid_pkey")),
    )  # the key leads with the tolerance, which each read picks one of; the index serves the paths' deletes
    op.create_index("ix_patrol_path_grid_path", "patrol_path_grid", ["day", "vehicle_id", "window_name"])
    for event, (referencing, body) in TRIGGERS.items():
        op.execute(f"CREATE FUNCTION xiaoan_patrol_path_grid_{event}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                   f"BEGIN\n{body}RETURN NULL;\nEND $$")
        op.execute(f"CREATE TRIGGER patrol_path_grid_{event} AFTER {event.upper()} ON patrol_path {referencing} "
                   f"FOR EACH STATEMENT EXECUTE FUNCTION xiaoan_patrol_path_grid_{event}()")
    op.execute(GRID.format(source="patrol_path"))
    op.execute(f"GRANT SELECT ON patrol_path_grid TO {WEB}")
    op.execute("ALTER TABLE patrol_path_grid ENABLE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY county_scope ON patrol_path_grid FOR SELECT TO {WEB} USING ({RULE})")


def downgrade() -> None:
    """Drop them (the policy goes with the table)."""
    for event in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS patrol_path_grid_{event} ON patrol_path")
        op.execute(f"DROP FUNCTION IF EXISTS xiaoan_patrol_path_grid_{event}()")
    op.drop_index("ix_patrol_path_grid_path", table_name="patrol_path_grid")
    op.drop_table("patrol_path_grid")
    op.execute("DROP FUNCTION IF EXISTS xiaoan_path_levels()")
