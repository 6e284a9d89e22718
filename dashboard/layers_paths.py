"""Patrol paths (pure pydeck): each vehicle's route, already merged, simplified and rounded in SQL."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

import pydeck as pdk

from dashboard import fmt
from dashboard.i18n import t

PALETTE = [(31, 78, 140), (0, 128, 128), (110, 60, 160), (20, 110, 60), (150, 80, 20), (60, 60, 60)]
LEGEND_COLOUR = PALETTE[0]


def _parts(geojson: object) -> list[list[list[float]]]:
    """The line parts of a LineString or MultiLineString (GeoJSON text or dict)."""
    geometry = geojson if isinstance(geojson, Mapping) else json.loads(str(geojson))
    coords = geometry.get("coordinates") or []
    return coords if geometry.get("type") == "MultiLineString" else [coords]


def path_rows(paths: Iterable[Mapping[str, Any]], lang: str) -> list[dict[str, Any]]:
    """One row per line part: path, vehicle colour, and the tooltip's plain texts."""
    rows = []
    for i, vehicle in enumerate(paths):
        colour = [*PALETTE[i % len(PALETTE)], 200]
        name = str(vehicle.get("plate") or vehicle["vehicle_id"])
        detail = t("paths.route_km", lang).format(km=fmt.num(vehicle.get("km")) if (vehicle.get("km") or 0) >= 10
                                                  else vehicle.get("km"))
        rows += [{"path": part, "color": colour, "title": name, "detail": detail}
                 for part in _parts(vehicle["geojson"]) if len(part) > 1]
    return rows


def path_layer(rows: list[dict[str, Any]]) -> pdk.Layer:
    """Patrol routes over the basemap, under the school points."""
    return pdk.Layer("PathLayer", rows, id="patrol-paths", get_path="path", get_color="color", get_width=3,
                     width_units='"pixels"', width_min_pixels=2, cap_rounded=True, joint_rounded=True, pickable=True)
