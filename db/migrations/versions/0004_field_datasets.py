"""Field datasets: officer rank, source CRS of roads and works, calendar lineage, date and vocabulary checks.

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHECKS = {
    ("hazard", "dates_consistent"): "(status <> 'rectified' OR rectified_on IS NOT NULL) AND "
                                    "(status <> 'deadline' OR deadline IS NOT NULL) AND "
                                    "(rectified_on IS NULL OR rectified_on >= found_on)",
    ("road_work", "dates_in_order"): "finished_on IS NULL OR finished_on >= started_on",
    ("traffic_sign", "kind_allowed"): "kind IN ('speed_limit_30', 'school_zone', 'speed_bump', 'no_honking')",
    ("liaison_assignment", "dates_in_order"): "valid_to IS NULL OR valid_to >= valid_from",
    ("school_term", "dates_in_order"): "ends_on >= starts_on",
}


def upgrade() -> None:
    """Add officer.rank, road/road_work.source_crs, school_term/holiday.etl_run_id and the checks."""
    op.add_column("officer", sa.Column("rank", sa.String(), nullable=True))
    for table in ("road", "road_work"):
        op.add_column(table, sa.Column("source_crs", sa.String(), server_default="EPSG:4326", nullable=False))
    for table in ("school_term", "holiday"):
        op.add_column(table, sa.Column("etl_run_id", sa.Integer(), nullable=True))
        op.create_foreign_key(op.f(f"{table}_etl_run_id_fkey"), table, "etl_run", ["etl_run_id"], ["id"])
    for (table, name), condition in CHECKS.items():
        op.create_check_constraint(op.f(f"{table}_{name}"), table, condition)


def downgrade() -> None:
    """Drop them again."""
    for (table, name) in reversed(CHECKS):
        op.drop_constraint(op.f(f"{table}_{name}"), table, type_="check")
    for table in ("holiday", "school_term"):
        op.drop_constraint(op.f(f"{table}_etl_run_id_fkey"), table, type_="foreignkey")
        op.drop_column(table, "etl_run_id")
    for table in ("road_work", "road"):
        op.drop_column(table, "source_crs")
    op.drop_column("officer", "rank")
