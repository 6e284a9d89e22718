"""The overview page run by AppTest against a real PostGIS holding fixture counties and schools."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import make_url
from streamlit.testing.v1 import AppTest

from db.settings import get_settings

OVERVIEW = Path(__file__).resolve().parents[2] / "dashboard" / "views" / "overview.py"


def run_page(**params: str | list[str]) -> AppTest:
    """Run the overview page once with the given URL query parameters."""
    at = AppTest.from_file(str(OVERVIEW), default_timeout=30)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def deck(at: AppTest) -> dict[str, Any]:
    """The deck JSON the page sends to the browser."""
    charts = at.get("deck_gl_json_chart")
    assert len(charts) == 1
    return json.loads(charts[0].proto.json)


def layer(spec: dict[str, Any], layer_id: str) -> dict[str, Any]:
    """One layer of the deck by id."""
    return next(item for item in spec["layers"] if item["id"] == layer_id)


def points(at: AppTest) -> list[dict[str, Any]]:
    """The school points on the map."""
    return layer(deck(at), "schools")["data"]


def metric(at: AppTest, label: str) -> str:
    """The value of the headline figure with this label."""
    return next(m.value for m in at.metric if m.label == label)


def test_map_has_no_basemap_and_all_layers(map_db: str, fixture_schools: list[tuple]) -> None:
    at = run_page()
    assert not at.exception
    assert not at.error
    spec = deck(at)
    raw = at.get("deck_gl_json_chart")[0].proto.json
    # map_provider=None: pydeck leaves out mapProvider and keeps its sentinel, which Streamlit drops.
    assert "mapProvider" not in spec
    assert spec["mapStyle"] == "__MAP_STYLE__"
    assert "cartocdn" not in raw and "mapbox" not in raw
    assert [item["@@type"] for item in spec["layers"]] == ["GeoJsonLayer", "TextLayer", "ScatterplotLayer"]
    assert len(layer(spec, "counties")["data"]["features"]) == 4
    labels = layer(spec, "county-labels")
    assert labels["characterSet"] == "auto" and "Noto Sans CJK SC" in labels["fontFamily"]
    assert {d["label"] for d in labels["data"]} == {"泸水市", "福贡县", "贡山独龙族怒族自治县",
                                                   "兰坪白族普米族自治县"}
    assert len(points(at)) == len(fixture_schools)
    tooltip = json.loads(at.get("deck_gl_json_chart")[0].proto.tooltip)
    assert tooltip["html"] == "<b>{name}</b><br/>{type_label} · {county_label}"


def test_headline_figures_and_legend(map_db: str, fixture_schools: list[tuple]) -> None:
    at = run_page()
    assert metric(at, "学校总数") == str(len(fixture_schools))
    assert metric(at, "在校学生") == f"{sum(s[6] for s in fixture_schools):,}"
    assert metric(at, "县（市）") == "4"
    legend = next(m.value for m in at.markdown if "xa-legend" in m.value)
    assert "小学</td><td style='text-align:right'>2</td>" in legend
    assert "职业学校</td><td style='text-align:right'>1</td>" in legend


@pytest.mark.parametrize(("county", "expected"), [
    ("533301", 3),
    (["533301", "533325"], 6),
    ("533301,533325", 6),
    (["533324", "999999", "abc", "533324"], 1),
])
def test_county_filter_from_url(map_db: str, county: str | list[str], expected: int) -> None:
    at = run_page(county=county)
    assert not at.exception
    assert len(points(at)) == expected
    assert metric(at, "学校总数") == str(expected)


def test_filter_fits_the_view_to_the_county(map_db: str) -> None:
    whole = deck(run_page())["initialViewState"]
    lushui = deck(run_page(county="533301"))["initialViewState"]
    assert lushui["zoom"] > whole["zoom"]
    assert 25.5 < lushui["latitude"] < 26.5 and 98.5 < lushui["longitude"] < 99.2


def test_invalid_url_values_are_ignored_and_dropped(map_db: str, fixture_schools: list[tuple]) -> None:
    at = run_page(county=["999999", "'; DROP TABLE school; --"], lang="xx")
    assert not at.exception
    assert len(points(at)) == len(fixture_schools)
    assert at.title[0].value == "校安图 · 学校分布总览"
    assert "county" not in at.query_params


def test_english_switch_from_url(map_db: str) -> None:
    at = run_page(lang="en", county="533301")
    assert not at.exception
    assert at.title[0].value == "XiaoAn · where the schools are"
    assert metric(at, "Schools") == "3"
    assert {p["type_label"] for p in points(at)} == {"Primary school", "Kindergarten"}
    assert {p["county_label"] for p in points(at)} == {"Lushui"}
    assert "Lushui" in {d["label"] for d in layer(deck(at), "county-labels")["data"]}
    assert any("Kindergarten" in m.value for m in at.markdown)


def test_sidebar_widgets_write_the_url(map_db: str) -> None:
    at = run_page()
    at.sidebar.multiselect[0].select("533323").run()
    assert at.query_params["county"] in ("533323", ["533323"])
    assert len(points(at)) == 2
    at.sidebar.radio[0].set_value("en").run()
    assert at.query_params["lang"] in ("en", ["en"])
    assert at.title[0].value == "XiaoAn · where the schools are"
    assert at.sidebar.multiselect[0].value == ["533323"]
    assert len(points(at)) == 2


def test_database_down_shows_a_message(monkeypatch: pytest.MonkeyPatch, fresh_caches: None) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("XIAOAN_DATABASE_URL", f"postgresql+psycopg://nobody:secret@127.0.0.1:{port}/xiaoan")
    get_settings.cache_clear()
    try:
        at = run_page()
    finally:
        get_settings.cache_clear()
    assert not at.exception
    assert at.error and at.error[0].value.startswith("无法读取数据库")
    assert "secret" not in at.error[0].value
    assert not at.get("deck_gl_json_chart")


def test_database_without_views_shows_a_message(db_url: str, monkeypatch: pytest.MonkeyPatch,
                                                 fresh_caches: None) -> None:
    monkeypatch.setenv("XIAOAN_DATABASE_URL", make_url(db_url).set(database="postgres")
                       .render_as_string(hide_password=False))
    get_settings.cache_clear()
    try:
        at = run_page(lang="en")
    finally:
        get_settings.cache_clear()
    assert not at.exception
    assert at.error and at.error[0].value.startswith("The database cannot be read")
    assert "v_county_map" in at.error[0].value


def test_empty_database_says_so(use_db: str, fresh_caches: None) -> None:
    at = run_page(lang="en")
    assert not at.exception and not at.error
    assert at.info[0].value.startswith("No county boundaries")


def test_counties_without_schools(use_db: str, seed, fresh_caches: None) -> None:  # noqa: ANN001
    seed([])
    at = run_page()
    assert not at.exception
    assert at.info[0].value == "所选范围内还没有学校数据。"
    assert points(at) == []
    assert metric(at, "学校总数") == "0"
