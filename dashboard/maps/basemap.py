"""The offline basemap (pure pydeck): county outlines and names, roads, township seats; optional tiles."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from texts import county_label, short_county

Row = Mapping[str, Any]
# pydeck turns every bare string keyword into a "@@=" expression; quoted strings stay literal.
CJK_FONT = "\"'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', sans-serif\""
SELECTED_FILL = [214, 226, 240, 210]
OTHER_FILL = [238, 238, 238, 120]
OUTLINE = [70, 90, 120, 255]
ROAD_COLOURS = {"motorway": [200, 120, 60, 220], "trunk": [200, 120, 60, 220], "primary": [214, 150, 90, 220],
                "secondary": [170, 150, 120, 200]}
ROAD_OTHER = [150, 150, 150, 180]
# Every pickable object carries a plain-text title and detail; Streamlit escapes them in element content.
TOOLTIP = {"html": "<b>{title}</b><br/>{detail}",
           "style": {"backgroundColor": "#1f2937", "color": "#ffffff", "fontSize": "13px",
                     "whiteSpace": "pre-line", "maxWidth": "320px"}}


@dataclass(frozen=True)
class Basemap:
    """What the basemap is drawn from: counties (outline GeoJSON, label point), roads, township seats."""

    counties: Sequence[Row]
    roads: Sequence[Row] = field(default_factory=list)
    towns: Sequence[Row] = field(default_factory=list)


def compact_json(value: Any) -> str:
    """JSON as a deck is sent: no indentation, keys sorted, Chinese as is, pydeck objects as pydeck writes them."""
    return json.dumps(value, sort_keys=True, default=default_serialize, separators=(",", ":"), ensure_ascii=False)


class CompactDeck(pdk.Deck):
    """A Deck whose JSON has no indentation (pydeck indents by 2, which makes maps ~4× larger)."""

    def to_json(self) -> str:
        """Compact JSON of the deck, as Streamlit sends it to the browser."""
        return compact_json(self)


class ReadyDeck(CompactDeck):
    """A deck already written as JSON (a cached map): Streamlit sends the JSON as given, nothing is rebuilt."""

    def __init__(self, spec: str) -> None:
        super().__init__(map_provider=None, layers=[], tooltip=TOOLTIP)  # every deck here has TOOLTIP
        self.spec = spec

    def to_json(self) -> str:
        """The stored JSON."""
        return self.spec


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
    # No SDF fontSettings: with them deck.gl mis-measures some CJK glyphs and leaves gaps in names.
    data = [{"label": short_county(county_label(c, lang)), "position": [c["label_lon"], c["label_lat"]]}
            for c in counties]
    return pdk.Layer("TextLayer", data, id="county-labels", get_text="label", get_position="position",
                     get_size=14, get_color=[30, 41, 59, 255], font_family=CJK_FONT,
                     character_set='"auto"', font_weight=700, pickable=False)


def road_paths(roads: Iterable[Row]) -> list[dict[str, Any]]:
    """One path per part of each road's (already simplified, rounded) MultiLineString."""
    paths = []
    for road in roads:
        geometry = road["geojson"] if isinstance(road["geojson"], Mapping) else json.loads(road["geojson"])
        parts = geometry["coordinates"] if geometry["type"] == "MultiLineString" else [geometry["coordinates"]]
        colour = ROAD_COLOURS.get(str(road.get("road_class") or ""), ROAD_OTHER)
        paths += [{"path": part, "color": colour} for part in parts if len(part) > 1]
    return paths


def road_layer(roads: Iterable[Row]) -> pdk.Layer:
    """Roads as thin lines under everything else."""
    return pdk.Layer("PathLayer", road_paths(roads), id="roads", get_path="path", get_color="color",
                     get_width=2, width_units='"pixels"', width_min_pixels=1, pickable=False)


def town_layer(towns: Iterable[Row]) -> pdk.Layer:
    """Township seats' names in grey, smaller than the county names."""
    data = [{"label": str(t["name"]), "position": [t["lon"], t["lat"]]} for t in towns]
    return pdk.Layer("TextLayer", data, id="towns", get_text="label", get_position="position", get_size=11,
                     get_color=[90, 90, 90, 230], font_family=CJK_FONT, character_set='"auto"',
                     get_pixel_offset=[0, -10], pickable=False)


def base_layers(base: Basemap, selected: Sequence[str], lang: str) -> list[pdk.Layer]:
    """Counties, roads, township names and county names, bottom to top."""
    return [county_layer(base.counties, selected), road_layer(base.roads), town_layer(base.towns),
            label_layer(base.counties, lang)]


def deck(layers: list[pdk.Layer], view: pdk.ViewState, style_url: str | None = None) -> CompactDeck:
    """A deck with no basemap provider (nothing fetched) unless an intranet style URL is configured."""
    style = style_url if style_url and style_url.startswith(("http://", "https://", "/")) else None
    if style:
        return CompactDeck(map_provider=None, map_style=style, layers=layers, initial_view_state=view,
                           tooltip=TOOLTIP)
    return CompactDeck(map_provider=None, layers=layers, initial_view_state=view, tooltip=TOOLTIP)
