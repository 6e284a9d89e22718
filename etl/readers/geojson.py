"""Reader for GeoJSON feature collections: properties and shapely geometries, one per feature."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry

from db.errors import UnreadableFile


@dataclass
class Feature:
    """One feature: its 1-based position in the file, properties, geometry (None if unreadable)."""

    number: int
    properties: dict[str, Any]
    geometry: BaseGeometry | None
    geometry_error: str | None = None


def read_geojson(path: Path) -> list[Feature]:
    """Read every feature of a GeoJSON file; a broken geometry is kept with its error."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UnreadableFile(f"{path.name}: not readable GeoJSON ({exc})") from exc
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise UnreadableFile(f"{path.name}: expected a GeoJSON FeatureCollection")
    features = []
    for number, item in enumerate(data.get("features") or [], start=1):
        props = dict(item.get("properties") or {})
        try:
            geom = shapely.from_geojson(json.dumps(item.get("geometry")))
            features.append(Feature(number, props, geom))
        except Exception as exc:  # shapely raises GEOSException for malformed geometry
            features.append(Feature(number, props, None, str(exc)))
    return features
