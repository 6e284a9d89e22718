"""Patrol paths (pure pydeck): one feature per vehicle, its runs already simplified and rounded in SQL; written as
JSON once per selection of paths and spliced into each map that draws them (see fill_paths)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

import pydeck as pdk

from dashboard.analysis import fmt
from dashboard.maps.basemap import compact_json
from texts import t

PALETTE = [(31, 78, 140), (0, 128, 128), (110, 60, 160), (20, 110, 60), (150, 80, 20), (60, 60, 60)]
LEGEND_COLOUR = PALETTE[0]
SLOT = "xiaoan:patrol-paths"  # the path layer's data in a deck until fill_paths() puts the features' JSON there


def path_features(paths: Iterable[Mapping[str, Any]], lang: str) -> dict[str, Any]:
    """A FeatureCollection: per vehicle its (Multi)LineString, colour and the tooltip's plain texts."""
    features = []
    for i, vehicle in enumerate(paths):
        geometry = vehicle["geojson"]
        geometry = geometry if isinstance(geometry, Mapping) else json.loads(str(geometry))
        km = vehicle.get("km") or 0
        features.append({"type": "Feature", "geometry": geometry, "properties": {
            "title": str(vehicle.get("plate") or vehicle["vehicle_id"]),
            "detail": t("paths.route_km", lang).format(km=fmt.num(km) if km >= 10 else km,
                                                       runs=fmt.num(vehicle.get("runs"))),
            "color": [*PALETTE[i % len(PALETTE)], 200]}})
    return {"type": "FeatureCollection", "features": features}


def features_json(features: Mapping[str, Any]) -> str:
    """The features as a deck's JSON writes them (basemap.compact_json), ready for fill_paths()."""
    return compact_json(features)


def fill_paths(spec: str, written: str) -> str:
    """A deck's JSON with its path layer's SLOT replaced by the features written by features_json()."""
    slot = json.dumps(SLOT)
    if spec.count(slot) != 1:
        raise ValueError(f"a deck with one patrol-path slot expected, found {spec.count(slot)}")
    return spec.replace(slot, written, 1)


def path_layer(features: Mapping[str, Any] | str = SLOT) -> pdk.Layer:
    """Patrol routes over the basemap, under the school points (by default, SLOT: filled by fill_paths())."""
    return pdk.Layer("GeoJsonLayer", features, id="patrol-paths", stroked=True, filled=False,
                     get_line_color="properties.color", get_line_width=3, line_width_units='"pixels"',
                     line_width_min_pixels=2, line_cap_rounded=True, line_joint_rounded=True, pickable=True)
