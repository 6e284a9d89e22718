"""Pure pydeck builders for the overview map: county basemap, county labels, school points."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from dashboard.i18n import county_label, type_label
from dashboard.legend import colour_of
from dashboard.viewport import bounds, fit_view

Row = Mapping[str, Any]

# pydeck turns every bare string keyword into a "@@=" expression; quoted strings stay literal.
CJK_FONT = "\"'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', sans-serif\""
SELECTED_FILL = [214, 226, 240, 210]
OTHER_FILL = [238, 238, 238, 120]
OUTLINE = [70, 90, 120, 255]
TOOLTIP = {
    "html": "<b>{name}</b><br/>{type_label} · {county_label}",
    "style": {"backgroundColor": "#1f2937", "color": "#ffffff", "fontSize": "13px"},
}


class CompactDeck(pdk.Deck):
    """A Deck whose JSON has no indentation (pydeck indents by 2, which makes maps ~4× larger)."""

    def to_json(self) -> str:
        """Compact JSON of the deck, as Streamlit sends it to the browser."""
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"),
                          ensure_ascii=False)


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
    data = [{"label": county_label(c, lang), "position": [c["label_lon"], c["label_lat"]]}
            for c in counties]
    return pdk.Layer("TextLayer", data, id="county-labels", get_text="label", get_position="position",
                     get_size=14, get_color=[30, 41, 59, 255], font_family=CJK_FONT,
                     character_set='"auto"', font_weight=700, pickable=False)


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
