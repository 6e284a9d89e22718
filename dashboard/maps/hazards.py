"""Hazard layers (pure pydeck): hexagons by count or by Gi* class, hazard points by status."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

import pydeck as pdk

from dashboard.analysis import fmt
from dashboard.maps.layers import MAX_POINTS, point
from dashboard.maps.legend import Entry
from db.analytics.hotspots import CLASSES
from texts import label, t

Row = Mapping[str, Any]
CLASS_COLOURS: dict[str, tuple[int, int, int]] = {
    "hot_99": (178, 24, 43), "hot_95": (239, 138, 98), "hot_90": (253, 219, 199),
    "not_significant": (200, 200, 200), "cold_90": (209, 229, 240), "cold_95": (103, 169, 207),
    "cold_99": (33, 102, 172)}
COUNT_RAMP = [(255, 237, 160), (254, 178, 76), (253, 141, 60), (240, 59, 32), (189, 0, 38)]
STATUS_COLOURS: dict[str, tuple[int, int, int]] = {
    "open": (215, 48, 39), "deadline": (244, 165, 30), "rectified": (26, 152, 80)}
OVERDUE_RING = (20, 20, 20)


def count_bins(top: int) -> list[tuple[int, int]]:
    """Up to five count ranges (low, high) from 1 to top, equal in width."""
    if top < 1:
        return []
    steps = min(5, top)
    edges = [1 + round(i * top / steps) for i in range(steps)] + [top + 1]
    return [(lo, hi - 1) for lo, hi in zip(edges, edges[1:], strict=False) if hi > lo]


def count_colour(count: int, bins: list[tuple[int, int]]) -> tuple[int, int, int]:
    """The ramp colour of a count."""
    return next((COUNT_RAMP[i] for i, (lo, hi) in enumerate(bins) if lo <= count <= hi), COUNT_RAMP[-1])


def hexagon_rows(grid: Iterable[Row], by: str, lang: str) -> list[dict[str, Any]]:
    """Hexagons worth drawing (a hazard in them or a significant class), coloured by count or by class."""
    shown = [h for h in grid if h["hazard_count"] > 0 or h["hotspot_class"] != "not_significant"]
    bins = count_bins(max((int(h["hazard_count"]) for h in shown), default=0))
    rows = []
    for h in shown:
        geometry = json.loads(h["geojson"]) if isinstance(h["geojson"], str) else h["geojson"]
        colour = CLASS_COLOURS[h["hotspot_class"]] if by == "class" else count_colour(int(h["hazard_count"]), bins)
        z = h.get("gi_z")
        detail = t("hotspots.cell_detail", lang).format(cls=label("hotspot", h["hotspot_class"], lang),
                                                         z=fmt.MISSING if z is None or z != z else f"{z:.2f}")
        rows.append({"polygon": geometry["coordinates"][0][:-1], "color": [*colour, 170],
                     "count": int(h["hazard_count"]), "detail": detail,
                     "title": t("hotspots.cell_title", lang).format(n=fmt.num(h["hazard_count"]))})
    return rows


def hexagon_layer(rows: list[dict[str, Any]]) -> pdk.Layer:
    """The hexagon grid, translucent, outlined in white."""
    return pdk.Layer("PolygonLayer", rows, id="hexagons", get_polygon="polygon", get_fill_color="color",
                     get_line_color=[255, 255, 255, 200], line_width_min_pixels=1, stroked=True, filled=True,
                     pickable=True)


def hazard_points(hazards: Iterable[Row], lang: str, limit: int = MAX_POINTS) -> list[dict[str, Any]]:
    """Hazard points by status, overdue ones ringed in black, kept first when capped and drawn on top."""
    rows = sorted(hazards, key=lambda h: (not h["overdue"], h["status"] == "rectified"))[:limit][::-1]
    return [{"title": f"{h['category']} · {label('hazard_kind', h['kind'], lang)}",
             "detail": "\n".join(str(x) for x in (
                 label("hazard_status", "overdue" if h["overdue"] else h["status"], lang),
                 f"{t('col.found_on', lang)} {fmt.day(h['found_on'])}", h.get("school_name") or "",
                 h.get("description") or "") if x),
             "color": [*STATUS_COLOURS.get(h["status"], (90, 90, 90)), 230],
             "line": [*(OVERDUE_RING if h["overdue"] else (255, 255, 255)), 255],
             "position": point(h["lon"], h["lat"])} for h in rows]


def hazard_layer(points: list[dict[str, Any]]) -> pdk.Layer:
    """Hazards as dots over the hexagons."""
    return pdk.Layer("ScatterplotLayer", points, id="hazards", get_position="position", get_fill_color="color",
                     get_line_color="line", get_radius=5, radius_units='"pixels"', radius_min_pixels=3,
                     stroked=True, line_width_min_pixels=2, pickable=True)


def hexagon_legend(grid: list[Row], by: str, lang: str) -> list[Entry]:
    """Legend entries of the hexagons: the Gi* classes with their counts, or the count ranges."""
    if by == "class":
        return [(CLASS_COLOURS[k], label("hotspot", k, lang), sum(1 for h in grid if h["hotspot_class"] == k),
                 "square") for k in CLASSES]
    bins = count_bins(max((int(h["hazard_count"]) for h in grid), default=0))
    return [(count_colour(lo, bins), t("hotspots.count_bin", lang).format(n=lo if lo == hi else f"{lo}–{hi}"),
             None, "square") for lo, hi in bins]


def point_legend(hazards: list[Row], lang: str) -> list[Entry]:
    """Legend entries of the hazard points: each stored status, and the overdue ring."""
    return [(STATUS_COLOURS[s], label("hazard_status", s, lang), sum(1 for h in hazards if h["status"] == s), "dot")
            for s in STATUS_COLOURS] + [(OVERDUE_RING, label("hazard_status", "overdue", lang),
                                         sum(1 for h in hazards if h["overdue"]), "ring")]
