"""Reference data: which traffic signs a school zone needs, per county; township seats for the map."""

from __future__ import annotations

import sqlalchemy as sa
from geoalchemy2 import Geometry
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class SignRule(Base):
    """A sign kind a school gate near a road needs; county NULL means everywhere."""

    __tablename__ = "sign_rule"
    __table_args__ = (sa.UniqueConstraint("kind", "county_adcode", postgresql_nulls_not_distinct=True),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str]
    county_adcode: Mapped[str | None] = mapped_column(sa.ForeignKey("county.adcode"))
    required: Mapped[bool] = mapped_column(server_default=sa.true())
    note: Mapped[str | None]


class Township(Base):
    """A township seat (镇/乡政府驻地), named on the basemap."""

    __tablename__ = "township"
    __table_args__ = (sa.UniqueConstraint("county_adcode", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    county_adcode: Mapped[str] = mapped_column(sa.ForeignKey("county.adcode"))
    name: Mapped[str]
    geom = mapped_column(Geometry("POINT", srid=4326, spatial_index=True), nullable=False)
