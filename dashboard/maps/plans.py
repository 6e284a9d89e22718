"""A patrol plan on the map (pure pydeck): each vehicle's route on the roads, numbered stops, uncovered gates."""

from __future__ import annotations

import json
from typing import Any

import geopandas as gpd
import pydeck as pdk
import shapely

from dashboard.maps.layers import point
from dashboard.maps.legend import Entry
from dashboard.maps.paths import PALETTE
from texts import label, t

REASON_COLOURS: dict[str, tuple[int, int, int]] = {
    "unreachable": (120, 0, 0), "too_far": (215, 48, 39), "no_capacity": (244, 109, 67)}
POST_COLOUR = (40, 160, 90)


def colour_of(route_no: int) -> list[int]:
    """The route's colour (the palette of the patrol paths, by route number)."""
    return [*PALETTE[(route_no - 1) % len(PALETTE)], 220]


def route_features(routes: gpd.GeoDataFrame, lang: str) -> dict[str, Any]:
    """One feature per route with geometry: its line, colour and the tooltip's plain texts."""
    features = []
    for r, line in zip(routes.itertuples(), routes.geometry, strict=True):
        if line is None or line.is_empty:
            continue
        features.append({"type": "Feature", "geometry": json.loads(shapely.to_geojson(line)), "properties": {
            "title": str(r.vehicle_id), "detail": t("plan.route_detail", lang).format(
                unit=r.unit_code, minutes=round(r.travel_s / 60)), "color": colour_of(int(r.route_no))}})
    return {"type": "FeatureCollection", "features": features}


def stop_points(stops: gpd.GeoDataFrame, routes: gpd.GeoDataFrame, lang: str) -> list[dict[str, Any]]:
    """Each stop at its gate: the route's colour, its number along the route, arrive–depart in the tooltip."""
    number = dict(zip(routes["vehicle_id"], routes["route_no"], strict=True))
    return [{"position": point(at.x, at.y), "label": str(s.seq), "school_code": s.school_code,
             "title": str(getattr(s, "school_name", s.school_code)),
             "detail": t("plan.stop_detail", lang).format(vehicle=s.vehicle_id, seq=s.seq,
                                                          arrive=s.arrive.strftime("%H:%M"),
                                                          depart=s.depart.strftime("%H:%M")),
             "color": colour_of(int(number[s.vehicle_id]))}
            for s, at in zip(stops.itertuples(), stops.geometry, strict=True) if at is not None]


def uncovered_points(uncovered: gpd.GeoDataFrame, lang: str) -> list[dict[str, Any]]:
    """Each uncovered gate in red by its reason."""
    return [{"position": point(at.x, at.y), "school_code": u.school_code,
             "title": str(getattr(u, "school_name", u.school_code)),
             "detail": label("plan_reason", u.reason, lang), "color": [*REASON_COLOURS[u.reason], 230]}
            for u, at in zip(uncovered.itertuples(), uncovered.geometry, strict=True) if at is not None]


def plan_layers(routes: gpd.GeoDataFrame, stops: gpd.GeoDataFrame, uncovered: gpd.GeoDataFrame,
                lang: str) -> list[pdk.Layer]:
    """Routes under stops under their numbers; uncovered gates on top."""
    stops_at = stop_points(stops, routes, lang)
    return [
        pdk.Layer("GeoJsonLayer", route_features(routes, lang), id="plan-routes", stroked=True, filled=False,
                  get_line_color="properties.color", get_line_width=4, line_width_units='"pixels"',
                  line_width_min_pixels=2, pickable=True),
        pdk.Layer("ScatterplotLayer", stops_at, id="plan-stops", get_position="position", get_fill_color="color",
                  get_radius=9, radius_units='"pixels"', stroked=True, get_line_color=[255, 255, 255, 255],
                  line_width_min_pixels=2, pickable=True),
        pdk.Layer("TextLayer", stops_at, id="plan-stop-numbers", get_position="position", get_text="label",
                  get_size=12, get_color=[255, 255, 255, 255], font_weight='"bold"', character_set=list("0123456789"),
                  font_family='"sans-serif"'),
        pdk.Layer("ScatterplotLayer", uncovered_points(uncovered, lang), id="plan-uncovered",
                  get_position="position", get_fill_color="color", get_radius=6, radius_units='"pixels"',
                  stroked=True, get_line_color=[255, 255, 255, 255], line_width_min_pixels=1, pickable=True)]


def plan_legend(routes: gpd.GeoDataFrame, stops: gpd.GeoDataFrame, uncovered: gpd.GeoDataFrame,
                lang: str) -> list[Entry]:
    """A line per route with its number of stops, a dot per uncovered reason with its count."""
    per_vehicle = stops["vehicle_id"].value_counts() if len(stops) else {}
    entries: list[Entry] = [(tuple(colour_of(int(r.route_no))[:3]), str(r.vehicle_id),
                             int(per_vehicle.get(r.vehicle_id, 0)), "line") for r in routes.itertuples()]
    counts = uncovered["reason"].value_counts() if len(uncovered) else {}
    entries += [(REASON_COLOURS[k], label("plan_reason", k, lang), int(counts.get(k, 0)), "dot")
                for k in REASON_COLOURS if int(counts.get(k, 0))]
    return entries
