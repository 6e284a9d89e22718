"""Counties from GeoJSON: adcode, Chinese and English names, a valid (Multi)Polygon boundary."""

from __future__ import annotations

import re
from pathlib import Path

import shapely
import sqlalchemy as sa
from shapely.geometry import MultiPolygon, Polygon

from etl.options import LoadOptions
from etl.readers.geojson import read_geojson
from etl.report import Report

STAGED = ["adcode", "name_zh", "name_en", "geom"]


def validate(path: Path, report: Report, conn: sa.Connection | None = None,
             options: LoadOptions | None = None) -> list[tuple]:
    """Rows (adcode, name_zh, name_en, EWKB hex) for every good feature; problems to the report."""
    rows, seen = [], set()
    for feature in read_geojson(path):
        props, n = feature.properties, feature.number
        adcode = str(props.get("adcode") or "").strip()
        name_zh = str(props.get("name_zh") or props.get("name") or "").strip()
        name_en = str(props.get("name_en") or "").strip()
        problems = []
        if not re.fullmatch(r"\d{6}", adcode):
            problems.append(("adcode", adcode, "required value missing or not a 6-digit adcode"))
        elif adcode in seen:
            problems.append(("adcode", adcode, "duplicate key inside the file"))
        if not name_zh:
            problems.append(("name_zh", "", "required value missing: name_zh"))
        geom = feature.geometry
        if geom is None:
            problems.append(("geometry", "", f"invalid geometry: {feature.geometry_error}"))
        elif not isinstance(geom, Polygon | MultiPolygon):
            problems.append(("geometry", geom.geom_type, "invalid geometry: expected Polygon or MultiPolygon"))
        elif not geom.is_valid:
            problems.append(("geometry", geom.geom_type, f"invalid geometry: {shapely.is_valid_reason(geom)}"))
        for column, value, reason in problems:
            report.add(n, column, value, reason)
        if problems:
            continue
        seen.add(adcode)
        multi = geom if isinstance(geom, MultiPolygon) else MultiPolygon([geom])
        ewkb = shapely.to_wkb(shapely.set_srid(multi, 4326), hex=True, include_srid=True)
        rows.append((adcode, name_zh, name_en or name_zh, ewkb))
    return rows
