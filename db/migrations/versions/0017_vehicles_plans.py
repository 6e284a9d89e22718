"""Vehicles and patrol plans: the vehicle register's type and in-service flag, days a vehicle is unavailable,
and stored patrol plans (header, routes, stops, uncovered schools).

Row-level security for xiaoan_web, as for every county table: `vehicle_unavailable` by the vehicle's unit's
county (like `track_point`); a plan by its `county_adcode`, its routes, stops and uncovered schools by their own
county and only while their plan is visible. A whole-prefecture plan (`county_adcode` NULL) is visible to
leaders and administrators only, rows and header alike: it weighs every county's schools against each other,
and a planner of one county sees the plans of their county. xiaoan_web may INSERT (never UPDATE or DELETE) a
plan made by its signed-in user (`made_by` is the user's name) when the user is a planner of the plan's county,
or a leader or administrator (any county, or the whole prefecture); the rows of a plan only into a plan that
user made and may see, and (for a planner) of their county. The owner (CLI) writes freely.

Revision ID: 0017
Revises: 0016
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from geoalchemy2 import Geometry
from sqlalchemy.dialects.postgresql import JSONB

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WEB = "xiaoan_web"
S = "(SELECT xiaoan_scope())::text[]"  # a scalar subquery: computed once per query (InitPlan)
ALL = f"'*' = ANY ({S})"
ME = "(SELECT u.{} FROM xiaoan_current_user() u)"
BOSS = f"{ME.format('role')} IN ('leader', 'admin')"
PLANNER_HERE = f"({ME.format('role')} = 'planner' AND county_adcode = {ME.format('county_adcode')})"
UNAVAILABLE = ("vehicle_id IN (SELECT v.vehicle_id FROM vehicle v JOIN police_unit u USING (unit_code) "
               f"WHERE u.county_adcode = ANY ({S}))")
VISIBLE_PLAN = "plan_id IN (SELECT p.plan_id FROM patrol_plan p)"  # patrol_plan's own policy applies inside
MY_PLAN = f"plan_id IN (SELECT p.plan_id FROM patrol_plan p WHERE p.made_by = {ME.format('user_name')})"
READ = {"patrol_plan": f"{ALL} OR county_adcode = ANY ({S})",
        **{t: f"{ALL} OR (county_adcode = ANY ({S}) AND {VISIBLE_PLAN})"
           for t in ("patrol_plan_route", "patrol_plan_stop", "patrol_plan_uncovered")}}
WRITE = {"patrol_plan": f"made_by = {ME.format('user_name')} AND ({BOSS} OR {PLANNER_HERE})",
         **{t: f"{MY_PLAN} AND ({BOSS} OR {PLANNER_HERE})"
            for t in ("patrol_plan_route", "patrol_plan_stop", "patrol_plan_uncovered")}}
REASONS = "reason IN ('unreachable', 'too_far', 'no_capacity')"


def _plans() -> None:
    """The four plan tables."""
    op.create_table(
        "patrol_plan",
        sa.Column("plan_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("made_by", sa.String(), nullable=False),
        sa.Column("service_date", sa.Date(), nullable=False),
        sa.Column("window_name", sa.String(), nullable=False),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("window_end", sa.DateTime(timezone=True), nullable=False),
        sa.Column("county_adcode", sa.String(length=6), nullable=True),
        sa.Column("dwell_min", sa.Integer(), nullable=False),
        sa.Column("params", JSONB(), server_default=sa.text("'{}'::jsonb"), nullable=False),
        sa.Column("inputs", JSONB(), server_default=sa.text("'{}'::jsonb"), nullable=False),
        sa.Column("schools", sa.Integer(), nullable=False),
        sa.Column("covered", sa.Integer(), nullable=False),
        sa.Column("prize_total", sa.Float(), nullable=False),
        sa.Column("prize_covered", sa.Float(), nullable=False),
        sa.CheckConstraint("window_end > window_start", name=op.f("patrol_plan_window_order")),
        sa.CheckConstraint("covered BETWEEN 0 AND schools AND dwell_min > 0", name=op.f("patrol_plan_counts")),
        sa.ForeignKeyConstraint(["county_adcode"], ["county.adcode"], name=op.f("patrol_plan_county_adcode_fkey")),
        sa.PrimaryKeyConstraint("plan_id", name=op.f("patrol_plan_pkey")),
    )
    op.create_index(op.f("ix_patrol_plan_service_date"), "patrol_plan", ["service_date"])
    op.create_table(
        "patrol_plan_route",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("vehicle_id", sa.String(length=40), nullable=False),
        sa.Column("unit_code", sa.String(length=20), nullable=False),
        sa.Column("county_adcode", sa.String(length=6), nullable=False),
        sa.Column("route_no", sa.Integer(), nullable=False),
        sa.Column("travel_s", sa.Integer(), nullable=False),
        sa.Column("geom", Geometry(geometry_type="MULTILINESTRING", srid=4326, spatial_index=False,
                                   from_text="ST_GeomFromEWKT", name="geometry"), nullable=True),
        sa.ForeignKeyConstraint(["plan_id"], ["patrol_plan.plan_id"], name=op.f("patrol_plan_route_plan_id_fkey"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["vehicle_id"], ["vehicle.vehicle_id"],
                                name=op.f("patrol_plan_route_vehicle_id_fkey")),
        sa.ForeignKeyConstraint(["unit_code"], ["police_unit.unit_code"],
                                name=op.f("patrol_plan_route_unit_code_fkey")),
        sa.ForeignKeyConstraint(["county_adcode"], ["county.adcode"],
                                name=op.f("patrol_plan_route_county_adcode_fkey")),
        sa.PrimaryKeyConstraint("plan_id", "vehicle_id", name=op.f("patrol_plan_route_pkey")),
        sa.UniqueConstraint("plan_id", "route_no", name=op.f("patrol_plan_route_plan_id_route_no_key")),
    )
    op.create_table(
        "patrol_plan_stop",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("vehicle_id", sa.String(length=40), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("school_code", sa.String(length=20), nullable=False),
        sa.Column("county_adcode", sa.String(length=6), nullable=False),
        sa.Column("arrive", sa.DateTime(timezone=True), nullable=False),
        sa.Column("depart", sa.DateTime(timezone=True), nullable=False),
        sa.Column("travel_s", sa.Integer(), nullable=False),
        sa.Column("priority", sa.Float(), nullable=False),
        sa.Column("priority_parts", JSONB(), nullable=True),
        sa.CheckConstraint("depart >= arrive AND seq >= 1", name=op.f("patrol_plan_stop_order")),
        sa.ForeignKeyConstraint(["plan_id", "vehicle_id"],
                                ["patrol_plan_route.plan_id", "patrol_plan_route.vehicle_id"], name=op.f("patrol_plan_stop_plan_id_fkey"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["school_code"], ["school.school_code"],
                                name=op.f("patrol_plan_stop_school_code_fkey")),
        sa.ForeignKeyConstraint(["county_adcode"], ["county.adcode"],
                                name=op.f("patrol_plan_stop_county_adcode_fkey")),
        sa.PrimaryKeyConstraint("plan_id", "vehicle_id", "seq", name=op.f("patrol_plan_stop_pkey")),
        sa.UniqueConstraint("plan_id", "school_code", name=op.f("patrol_plan_stop_plan_id_school_code_key")),
    )
    op.create_table(
        "patrol_plan_uncovered",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("school_code", sa.String(length=20), nullable=False),
        sa.Column("county_adcode", sa.String(length=6), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("priority", sa.Float(), nullable=False),
        sa.Column("priority_parts", JSONB(), nullable=True),
        sa.Column("detail", sa.String(), nullable=True),
        sa.CheckConstraint(REASONS, name=op.f("patrol_plan_uncovered_reason_allowed")),
        sa.ForeignKeyConstraint(["plan_id"], ["patrol_plan.plan_id"],
                                name=op.f("patrol_plan_uncovered_plan_id_fkey"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["school_code"], ["school.school_code"],
                                name=op.f("patrol_plan_uncovered_school_code_fkey")),
        sa.ForeignKeyConstraint(["county_adcode"], ["county.adcode"],
                                name=op.f("patrol_plan_uncovered_county_adcode_fkey")),
        sa.PrimaryKeyConstraint("plan_id", "school_code", name=op.f("patrol_plan_uncovered_pkey")),
    )


def upgrade() -> None:
    """Vehicle columns, unavailability, the plan tables, their grants and policies."""
    op.add_column("vehicle", sa.Column("vehicle_type", sa.String(), nullable=True))
    op.add_column("vehicle", sa.Column("in_service", sa.Boolean(), server_default=sa.true(), nullable=False))
    op.create_table(
        "vehicle_unavailable",
        sa.Column("vehicle_id", sa.String(length=40), nullable=False),
        sa.Column("date_from", sa.Date(), nullable=False),
        sa.Column("date_to", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("etl_run_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("date_to >= date_from", name=op.f("vehicle_unavailable_dates_in_order")),
        sa.ForeignKeyConstraint(["vehicle_id"], ["vehicle.vehicle_id"],
                                name=op.f("vehicle_unavailable_vehicle_id_fkey"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["etl_run_id"], ["etl_run.id"], name=op.f("vehicle_unavailable_etl_run_id_fkey")),
        sa.PrimaryKeyConstraint("vehicle_id", "date_from", name=op.f("vehicle_unavailable_pkey")),
    )
    _plans()
    op.execute(f"GRANT SELECT ON vehicle_unavailable TO {WEB}")
    op.execute("ALTER TABLE vehicle_unavailable ENABLE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY county_scope ON vehicle_unavailable FOR SELECT TO {WEB} "
               f"USING ({ALL} OR {UNAVAILABLE})")
    op.execute(f"GRANT USAGE ON SEQUENCE patrol_plan_plan_id_seq TO {WEB}")
    for table in READ:
        op.execute(f"GRANT SELECT, INSERT ON {table} TO {WEB}")
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY county_scope ON {table} FOR SELECT TO {WEB} USING ({READ[table]})")
        op.execute(f"CREATE POLICY planner_insert ON {table} FOR INSERT TO {WEB} WITH CHECK ({WRITE[table]})")


def downgrade() -> None:
    """Drop the plans and the unavailability (with their policies) and the two vehicle columns."""
    for table in ("patrol_plan_uncovered", "patrol_plan_stop", "patrol_plan_route", "patrol_plan",
                  "vehicle_unavailable"):
        op.drop_table(table)
    op.drop_column("vehicle", "in_service")
    op.drop_column("vehicle", "vehicle_type")
