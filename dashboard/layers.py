"""Pure pydeck builders for the overview map: county basemap, county labels, school points."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from dashboard.i18n import county_label, type_label
from dashboard.legend import colour_of

Row = Mapping[str, Any]
Bounds = tuple[float, float, float, float]

# pydeck turns every bare string keyword into a "@@=" expression; quoted strings stay literal.
CJK_FONT = "\"'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', sans-serif\""
SELECTED_FILL = [214, 226, 240, 210]
OTHER_FILL = [238, 238, 238, 120]
OUTLINE = [70, 90, 120, 255]
TOOLTIP = {
    "html": "<b>{name}</b><br/>{type_label} · {county_label}",
    "style": {"backgroundColor": "#1f2937", "color": "#ffffff", "fontSize": "13px"},
}
NUJIANG: Bounds = (98.08, 25.55, 99.65, 28.40)


class CompactDeck(pdk.Deck):
    """A Deck whose JSON has no indentation (pydeck indents by 2, which makes maps ~4× larger)."""

    def to_json(self) -> str:
        """Compact JSON of the deck, as Streamlit sends it to the browser."""
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


def _coords(geometry: Mapping[str, Any]) -> Iterable[Sequence[float]]:
    """Every position of a GeoJSON Polygon or MultiPolygon."""
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for poly in polys:
        for ring in poly:
            yield from ring


def bounds(counties: Iterable[Row], selected: Sequence[str] = ()) -> Bounds:
    """Bounding box of the selected counties (all when none is selected)."""
    xs: list[float] = []
    ys: list[float] = []
    for c in counties:
        if not selected or c["adcode"] in selected:
            for x, y, *_ in _coords(c["geojson"]):
                xs.append(x)
                ys.append(y)
    return (min(xs), min(ys), max(xs), max(ys)) if xs else NUJIANG


def _merc(lat: float) -> float:
    """Web-Mercator y of a latitude, in radians."""
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def fit_view(box: Bounds, width: int = 900, height: int = 640, margin: float = 0.3) -> pdk.ViewState:
    """A Web-Mercator view that shows the box in a width × height pixel map."""
    west, south, east, north = box
    dx = max(math.radians(east - west), 1e-6)
    dy = max(_merc(north) - _merc(south), 1e-6)
    zoom = min(math.log2(width * 2 * math.pi / (256 * dx)), math.log2(height * 2 * math.pi / (256 * dy)))
    lat = math.degrees(math.atan(math.sinh((_merc(north) + _merc(south)) / 2)))
    return pdk.ViewState(longitude=round((west + east) / 2, 5), latitude=round(lat, 5),
                         zoom=round(max(3.0, min(14.0, zoom - margin)), 2), pitch=0, bearing=0)


def county_layer(counties: Iterable[Row], selected: Sequence[str] = ()) -> pdk.Layer:
    """County outlines as the offline basemap; the selected counties are filled darker."""
    features = [{"type": "Feature", "geometry": c["geojson"],
                 "properties": {"fill": SELECTED_FILL if not selected or c["adcode"] in selected
                                else OTHER_FILL}} for c in counties]
    return pdk.Layer("GeoJsonLayer", {"type": "FeatureCollection", "features": features},
                     id="counties", stroked=True, filled=True, pickable=False,
                     get_fill_color="properties.fill", get_line_color=OUTLINE,
                     line_width_min_pixels=1.5, get_line_width=1)


def label_layer(counties: Iterable[Row], lang: str) -> pdk.Layer:
    """County names at a point inside each county, in a CJK font with the glyphs built on demand."""
    data = [{"label": county_label(c, lang), "position": [c["label_lon"], c["label_lat"]]}
            for c in counties]
    return pdk.Layer("TextLayer", data, id="county-labels", get_text="label", get_position="position",
                     get_size=16, get_color=[30, 41, 59, 255], font_family=CJK_FONT,
                     character_set='"auto"', font_weight=700, font_settings={"sdf": True},
                     outline_width=4, outline_color=[255, 255, 255, 230], pickable=False)


def school_points(schools: Iterable[Row], lang: str) -> list[dict[str, Any]]:
    """The few fields a school point needs: position, colour and the tooltip's texts."""
    return [{"name": s["name"], "type_label": type_label(s["school_type"], lang),
             "county_label": county_label(s, lang), "color": list(colour_of(s["school_type"])),
             "position": [round(float(s["lon"]), 5), round(float(s["lat"]), 5)]} for s in schools]


def school_layer(points: list[dict[str, Any]]) -> pdk.Layer:
    """Schools as dots coloured by type, with a white rim."""
    return pdk.Layer("ScatterplotLayer", points, id="schools", get_position="position",
                     get_fill_color="color", get_radius=6, radius_units='"pixels"',
                     radius_min_pixels=4, stroked=True, get_line_color=[255, 255, 255, 255],
                     line_width_min_pixels=1, pickable=True)


def overview_deck(counties: Sequence[Row], schools: Iterable[Row], selected: Sequence[str],
                  lang: str) -> pdk.Deck:
    """The overview map: no basemap at all (nothing fetched), counties, labels and schools."""
    return CompactDeck(
        map_provider=None,
        layers=[county_layer(counties, selected), label_layer(counties, lang),
                school_layer(school_points(schools, lang))],
        initial_view_state=fit_view(bounds(counties, selected)),
        tooltip=TOOLTIP,
    )
