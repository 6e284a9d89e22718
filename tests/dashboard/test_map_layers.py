"""Pure tests of the map builders and the legend: no database, no Streamlit runtime."""

from __future__ import annotations

import json
import re
from typing import Any

from dashboard.maps import basemap, layers, viewport
from dashboard.maps.legend import TYPE_COLOURS, colour_of, counts_by_type, legend_html
from db.models.base import SCHOOL_TYPES

SQUARE = {"type": "MultiPolygon", "coordinates": [[[[98.5, 25.5], [99.0, 25.5], [99.0, 26.0],
                                                     [98.5, 26.0], [98.5, 25.5]]]]}
NORTH = {"type": "Polygon", "coordinates": [[[98.3, 27.5], [98.9, 27.5], [98.9, 28.3], [98.3, 27.5]]]}
COUNTIES = [
    {"adcode": "533301", "name_zh": "泸水市", "name_en": "Lushui", "geojson": SQUARE,
     "label_lon": 98.75, "label_lat": 25.75},
    {"adcode": "533324", "name_zh": "贡山独龙族怒族自治县", "name_en": "Gongshan", "geojson": NORTH,
     "label_lon": 98.6, "label_lat": 27.9},
]
SCHOOLS = [
    {"school_code": "S1", "name": "<img src=x onerror=alert(1)>", "school_type": "小学", "county_zh": "泸水市",
     "county_en": "Lushui", "lon": 98.8571234, "lat": 25.8519876, "pupils": 10},
    {"school_code": "S2", "name": "茨开幼儿园", "school_type": "幼儿园", "county_zh": "贡山独龙族怒族自治县",
     "county_en": "Gongshan", "lon": 98.666, "lat": 27.741, "pupils": None},
]


def spec(selected: tuple[str, ...] = (), lang: str = "zh") -> dict[str, Any]:
    """The deck JSON as Streamlit would send it."""
    return json.loads(layers.overview_deck(COUNTIES, SCHOOLS, selected, lang).to_json())


def by_id(deck: dict[str, Any], layer_id: str) -> dict[str, Any]:
    """One layer of the deck by id."""
    return next(item for item in deck["layers"] if item["id"] == layer_id)


def test_no_basemap_is_requested() -> None:
    deck = spec()
    assert "mapProvider" not in deck and deck["mapStyle"] == "__MAP_STYLE__"


def test_literal_strings_are_not_turned_into_expressions() -> None:
    deck = spec()
    labels = by_id(deck, "county-labels")
    assert labels["characterSet"] == "auto"
    assert labels["fontFamily"].startswith("'Noto Sans CJK SC'")
    assert by_id(deck, "schools")["radiusUnits"] == "pixels"
    assert by_id(deck, "schools")["getPosition"] == "@@=position"


def test_school_points_are_small_rounded_and_translated() -> None:
    points = by_id(spec(lang="en"), "schools")["data"]
    assert points[0] == {"school_code": "S1", "title": "<img src=x onerror=alert(1)>",
                         "detail": "Primary school · Lushui", "color": list(TYPE_COLOURS["小学"]),
                         "position": [98.85712, 25.85199]}
    assert by_id(spec(), "schools")["data"][1]["detail"] == "幼儿园 · 贡山独龙族怒族自治县"


def test_tooltip_puts_fields_only_in_element_content() -> None:
    html = basemap.TOOLTIP["html"]
    assert "{title}" in html and "{detail}" in html
    assert not re.search(r"<[^>]*\{", html), "a placeholder inside a tag would reach an attribute"


def test_selected_counties_are_highlighted_and_framed() -> None:
    features = by_id(spec(("533324",)), "counties")["data"]["features"]
    assert [f["properties"]["fill"] for f in features] == [basemap.OTHER_FILL, basemap.SELECTED_FILL]
    whole, north = spec()["initialViewState"], spec(("533324",))["initialViewState"]
    assert 27.5 < north["latitude"] < 28.3 and 98.3 < north["longitude"] < 98.9
    assert north["zoom"] > whole["zoom"]


def test_bounds_and_fit_view() -> None:
    assert viewport.bounds(COUNTIES, ["533301"]) == (98.5, 25.5, 99.0, 26.0)
    assert viewport.bounds([], []) == viewport.NUJIANG
    wide = viewport.fit_view((98.0, 25.5, 99.0, 25.6), width=512, height=512, margin=0)
    # One degree across 512 px of deck.gl's 512-px tiles: the world is 360 tiles wide, zoom log2(360).
    assert abs(wide.zoom - 8.49) < 0.01 and wide.longitude == 98.5
    tall = viewport.fit_view((98.0, 25.5, 98.1, 26.5), width=512, height=512, margin=0)
    assert tall.zoom < 8.49, "a degree of latitude is longer than one of longitude on the map"


def test_every_type_has_its_own_colour() -> None:
    colours = [colour_of(kind) for kind in SCHOOL_TYPES]
    assert len(set(colours)) == len(SCHOOL_TYPES)
    assert colour_of("unknown") not in colours


def test_counts_follow_the_vocabulary_order() -> None:
    rows = [{"school_type": k} for k in ["高中", "小学", "小学", "幼儿园", "其他"]]
    assert list(counts_by_type(rows).items()) == [("幼儿园", 1), ("小学", 2), ("高中", 1), ("其他", 1)]


def test_legend_is_escaped_and_translated() -> None:
    html = legend_html({"小学": 2, "<script>alert(1)</script>": 1}, "en")
    assert "Primary school" in html and "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "rgb(0,114,178)" in html
