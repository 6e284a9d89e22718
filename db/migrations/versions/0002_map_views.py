"""Views the dashboard reads for the overview map: county outlines and school points.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COUNTY_MAP = """
CREATE VIEW v_county_map AS
SELECT c.adcode, c.name_zh, c.name_en,
       ST_AsGeoJSON(ST_SimplifyPreserveTopology(c.geom, 0.0005), 5)::json AS geojson,
       round(ST_X(m.center)::numeric, 5)::float8 AS label_lon,
       round(ST_Y(m.center)::numeric, 5)::float8 AS label_lat
FROM county c
CROSS JOIN LATERAL ST_MaximumInscribedCircle(c.geom) AS m
"""

SCHOOL_MAP = """
CREATE VIEW v_school_map AS
SELECT s.school_code, s.name, s.school_type, s.county_adcode,
       c.name_zh AS county_zh, c.name_en AS county_en, s.township, s.pupils,
       round(ST_X(s.geom)::numeric, 5)::float8 AS lon,
       round(ST_Y(s.geom)::numeric, 5)::float8 AS lat
FROM school s JOIN county c ON c.adcode = s.county_adcode
"""


def upgrade() -> None:
    """Create the map views."""
    op.execute(COUNTY_MAP)
    op.execute(SCHOOL_MAP)


def downgrade() -> None:
    """Drop the map views."""
    op.execute("DROP VIEW IF EXISTS v_school_map")
    op.execute("DROP VIEW IF EXISTS v_county_map")
