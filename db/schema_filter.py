"""Which database objects Alembic compares: not PostGIS' own tables, not track_point partitions."""

from __future__ import annotations

from geoalchemy2 import alembic_helpers

POSTGIS_TABLES = {"spatial_ref_sys", "topology", "layer"}


def include_object(obj, name, obj_type, reflected, compare_to) -> bool:  # noqa: ANN001
    """GeoAlchemy2's filter, plus partitions of track_point and PostGIS' own tables."""
    if obj_type == "table" and (name in POSTGIS_TABLES or name.startswith("track_point_")):
        return False
    return alembic_helpers.include_object(obj, name, obj_type, reflected, compare_to)
