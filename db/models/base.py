"""Declarative base, shared column types and the vocabularies the tables check against."""

from __future__ import annotations

import sqlalchemy as sa
from geoalchemy2 import Geometry
from sqlalchemy.orm import DeclarativeBase

SCHOOL_TYPES = ("幼儿园", "小学", "初中", "高中", "九年一贯制", "完全中学", "特殊教育", "职业学校")
ROLES = ("挂钩民警", "护学岗")
HAZARD_KINDS = ("campus", "surrounding")
HAZARD_STATUSES = ("open", "deadline", "rectified")
ACTIVITY_KINDS = ("deployment", "inspection", "legal_education", "drill", "flyers")


def point() -> Geometry:
    """A WGS-84 point column type."""
    return Geometry("POINT", srid=4326, spatial_index=True)


def one_of(column: str, values: tuple[str, ...]) -> sa.CheckConstraint:
    """A CHECK that column holds one of values."""
    listed = ", ".join("'" + v + "'" for v in values)
    return sa.CheckConstraint(f"{column} IN ({listed})", name=f"{column}_allowed")


class Base(DeclarativeBase):
    """Declarative base with a naming convention so migrations name constraints the same."""

    metadata = sa.MetaData(naming_convention={
        "pk": "%(table_name)s_pkey", "fk": "%(table_name)s_%(column_0_name)s_fkey",
        "uq": "%(table_name)s_%(column_0_N_name)s_key", "ck": "%(table_name)s_%(constraint_name)s",
        "ix": "ix_%(table_name)s_%(column_0_N_name)s"})
