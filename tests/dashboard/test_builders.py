"""Pure tests of the map builders: what each layer carries, and payloads under 5 MB whatever the volume."""

from __future__ import annotations

import datetime as dt
import json
import random
import re

import pandas as pd
import pytest

from dashboard.maps import basemap, layers
from dashboard.maps import hazards as hazard_layers
from dashboard.maps import paths as path_layers
from dashboard.maps import signs as sign_layers
from dashboard.reads.geography import ROAD_VERTICES, within_budget
from dashboard.reads.patrols import PATH_VERTICES
from dashboard.views.hotspots import data as hotspots_data
from tests.dashboard.test_map_layers import COUNTIES

LIMIT = 5 * 1024 * 1024
RNG = random.Random(7)


def lonlat() -> tuple[float, float]:
    """A random position in the prefecture, with more decimals than a map needs."""
    return 98.1 + RNG.random() * 1.5, 25.6 + RNG.random() * 2.7


def hexagon(i: int, count: int, cls: str = "not_significant") -> dict:
    """A hexagon row as db.analytics.hotspots returns it."""
    x, y = lonlat()
    ring = [[round(x + 0.01 * dx, 5), round(y + 0.01 * dy, 5)] for dx, dy in
            ((1, 0), (0.5, 0.87), (-0.5, 0.87), (-1, 0), (-0.5, -0.87), (0.5, -0.87), (1, 0))]
    return {"hazard_count": count, "hotspot_class": cls, "gi_z": 1.5, "lon": x, "lat": y,
            "geojson": json.dumps({"type": "Polygon", "coordinates": [ring]})}


def hazard(i: int, overdue: bool = False) -> dict:
    """A hazard row as db.analytics.reports.hazards returns it."""
    x, y = lonlat()
    return {"hazard_id": f"H{i}", "kind": "campus", "category": "消防安全", "status": "open", "overdue": overdue,
            "found_on": dt.date(2025, 3, 1), "school_name": "<b>某校</b>", "description": "说明" * 10,
            "school_code": None, "lon": x, "lat": y}


def line(vertices: int) -> str:
    """A GeoJSON MultiLineString of this many vertices, rounded."""
    x, y = lonlat()
    return json.dumps({"type": "MultiLineString",
                       "coordinates": [[[round(x + i * 1e-4, 5), round(y, 5)] for i in range(vertices)]]})


def test_hexagons_drawn_are_those_with_hazards_or_significance() -> None:
    rows = hazard_layers.hexagon_rows([hexagon(0, 0), hexagon(1, 3), hexagon(2, 0, "cold_95")], "count", "zh")
    assert [r["count"] for r in rows] == [3, 0] and all(len(r["polygon"]) == 6 for r in rows)
    by_class = hazard_layers.hexagon_rows([hexagon(2, 0, "cold_95")], "class", "en")
    assert by_class[0]["color"][:3] == list(hazard_layers.CLASS_COLOURS["cold_95"])
    assert by_class[0]["detail"] == "Cold spot, 95% · Gi* z = 1.50"
    assert hazard_layers.count_bins(0) == [] and hazard_layers.count_bins(2) == [(1, 1), (2, 2)]
    assert hazard_layers.count_bins(100) == [(1, 20), (21, 40), (41, 60), (61, 80), (81, 100)]


def test_hazard_points_keep_the_overdue_when_capped() -> None:
    rows = [hazard(i, overdue=i % 1000 == 0) for i in range(60_000)]
    points = hazard_layers.hazard_points(rows, "zh")
    assert len(points) == layers.MAX_POINTS
    assert sum(p["line"][:3] == list(hazard_layers.OVERDUE_RING) for p in points) == 60
    assert points[-1]["line"][:3] == list(hazard_layers.OVERDUE_RING), "overdue hazards are drawn on top"
    assert points[0]["detail"].count("<b>某校</b>") == 1, "user text stays data; the tooltip escapes it"


def test_paths_signs_and_roads() -> None:
    paths = path_layers.path_features([
        {"vehicle_id": "V1", "plate": None, "km": 12.3, "runs": 3, "geojson": line(3)},
        {"vehicle_id": "V2", "plate": "云Q", "km": 0.4, "runs": 1,
         "geojson": '{"type":"LineString","coordinates":[[98.1,25.6],[98.2,25.7]]}'}], "en")["features"]
    assert [(p["properties"]["title"], p["properties"]["detail"]) for p in paths] == [
        ("V1", "3 drive(s), 12 km in all"), ("云Q", "1 drive(s), 0.4 km in all")]
    assert paths[0]["properties"]["color"] != paths[1]["properties"]["color"]
    sign = {"sign_code": "T1", "kind": "speed_bump", "status": "damaged", "surveyed_on": dt.date(2025, 1, 1),
            "road_name": "滨江路", "lon": 98.12345678, "lat": 25.1}
    point = sign_layers.sign_points([sign], {"T1"}, "zh")[0]
    assert point["title"] == "减速带 · T1" and point["position"] == [98.12346, 25.1]
    assert point["detail"] == "损坏\n调查日期 2025-01-01\n滨江路\n道路施工后未恢复"
    roads = basemap.road_paths([{"road_class": "primary", "geojson": line(4)}, {"road_class": None,
                                                                             "geojson": line(1)}])
    assert len(roads) == 1 and roads[0]["color"] == basemap.ROAD_COLOURS["primary"]


def test_vertex_budget_grows_the_tolerance() -> None:
    asked: list[float] = []

    def fetch(tolerance: float) -> pd.DataFrame:
        asked.append(tolerance)
        return pd.DataFrame({"vertices": [int(1_000_000 / tolerance)]})

    found, tolerance = within_budget(fetch, 40_000)
    assert asked == [20, 40] and tolerance == 40 and int(found["vertices"].sum()) <= 40_000
    never, _ = within_budget(lambda tol: pd.DataFrame({"vertices": [10**9]}), 10)
    assert never.empty


def test_the_heaviest_map_of_each_page_stays_under_five_megabytes() -> None:
    base = basemap.Basemap(COUNTIES, [{"road_class": "primary", "geojson": line(ROAD_VERTICES // 100)}] * 100,
                           [{"name": f"镇{i}", "lon": 98.5, "lat": 26.0} for i in range(100)])
    schools = layers.school_layer(layers.school_points(
        [{"school_code": f"S{i}", "name": f"学校{i}" * 3, "school_type": "小学", "county_zh": "泸水市",
          "county_en": "Lushui", "lon": lonlat()[0], "lat": lonlat()[1]} for i in range(30_000)], "zh",
        note=lambda s: "挂钩偏弱（超负荷或单位过远）"))
    cells = hazard_layers.hexagon_layer(hazard_layers.hexagon_rows(
        [hexagon(i, RNG.randint(1, 50)) for i in range(hotspots_data.MAX_CELLS)], "count", "zh"))
    paths = path_layers.path_layer(path_layers.path_features(
        [{"vehicle_id": f"V{i}", "plate": None, "km": 1.0, "runs": 1, "geojson": line(PATH_VERTICES // 100)}
         for i in range(100)], "zh"))
    hazards = hazard_layers.hazard_layer(hazard_layers.hazard_points([hazard(i) for i in range(30_000)], "zh"))
    sign = {"sign_code": "T1", "kind": "speed_bump", "status": "damaged", "surveyed_on": dt.date(2025, 1, 1),
            "road_name": "滨江路" * 3, "lon": 98.5, "lat": 26.0}
    signs = sign_layers.sign_layer(sign_layers.sign_points([sign] * 30_000, {"T1"}, "zh"))
    near = [hazard_layers.hazard_layer(hazard_layers.hazard_points([hazard(i) for i in range(30_000)], "zh", 2000)),
            sign_layers.sign_layer(sign_layers.sign_points([sign] * 30_000, {"T1"}, "zh", 2000))]
    for page_layers in ([schools], [paths, schools], [cells, hazards], [signs, schools], [schools, *near]):
        size = len(layers.map_deck(base, page_layers, [], "zh").to_json().encode())
        assert size < LIMIT, ([layer.id for layer in page_layers], size)
    assert len(schools.data) == len(hazards.data) == len(signs.data) == layers.MAX_POINTS


def test_hexagon_sizes_follow_the_area() -> None:
    assert hotspots_data.sizes(14_700) == [1000, 2000, 5000, 10000]  # 1 km: ~5,650 hexagons
    assert hotspots_data.sizes(3_200) == [500, 1000, 2000, 5000, 10000]
    assert hotspots_data.sizes(10**9) == [10000]


def test_intranet_style_and_tooltips() -> None:
    view = layers.view(basemap.Basemap(COUNTIES), [])
    assert json.loads(basemap.deck([], view, "http://10.0.0.5/tiles/style.json").to_json())["mapStyle"] == (
        "http://10.0.0.5/tiles/style.json")
    assert json.loads(basemap.deck([], view, "javascript:alert(1)").to_json())["mapStyle"] == "__MAP_STYLE__"
    html = basemap.TOOLTIP["html"]
    assert set(re.findall(r"\{(\w+)\}", html)) == {"title", "detail"}
    assert not re.search(r"<[^>]*\{", html), "a placeholder inside a tag would reach an attribute"


def test_paths_written_once_splice_into_the_deck_as_if_built_with_it() -> None:
    features = path_layers.path_features(
        [{"vehicle_id": f"V{i}", "plate": "云Q·警", "km": 1.0, "runs": 1, "geojson": line(5)} for i in range(3)], "zh")
    base = basemap.Basemap(COUNTIES)
    schools = layers.school_layer(layers.school_points(
        [{"school_code": "S1", "name": "学校", "school_type": "小学", "county_zh": "泸水市", "county_en": "Lushui",
          "lon": 98.8, "lat": 25.9}], "zh"))
    whole = layers.map_deck(base, [path_layers.path_layer(features), schools], [], "zh").to_json()
    slotted = layers.map_deck(base, [path_layers.path_layer(), schools], [], "zh").to_json()
    assert path_layers.fill_paths(slotted, path_layers.features_json(features)) == whole
    with pytest.raises(ValueError, match="found 0"):
        path_layers.fill_paths(whole, path_layers.features_json(features))
