"""The overview page run by AppTest against a real PostGIS holding the fixture prefecture."""

from __future__ import annotations

import socket

import pytest
from sqlalchemy.engine import make_url

from dashboard.maps.marks import MARK_IDS
from db.settings import get_settings
from tests.dashboard import fixture_data as fx
from tests.dashboard.apptest import clean, data_layers, deck, delta, layer, metric, run_page, table
from tests.users import add_users


def overview(**params: str | list[str]):  # noqa: ANN201
    """The overview for the fixture period P."""
    return run_page("overview", **{**fx.PERIOD, **params})


def points(at) -> list[dict]:  # noqa: ANN001
    """The school points on the map."""
    return layer(deck(at), "schools")["data"]


def test_map_has_no_basemap_provider_and_all_layers(field_db: str) -> None:
    at = overview()
    clean(at)
    spec = deck(at)
    raw = at.get("deck_gl_json_chart")[0].proto.json
    # map_provider=None: pydeck leaves out mapProvider and keeps its sentinel, which Streamlit drops.
    assert "mapProvider" not in spec and spec["mapStyle"] == "__MAP_STYLE__"
    assert "cartocdn" not in raw and "mapbox" not in raw
    assert [(item["id"], item["@@type"]) for item in data_layers(spec)] == [
        ("counties", "GeoJsonLayer"), ("roads", "PathLayer"), ("towns", "TextLayer"),
        ("county-labels", "TextLayer"), ("schools", "ScatterplotLayer")]
    assert len(layer(spec, "counties")["data"]["features"]) == 4
    assert {d["label"] for d in layer(spec, "county-labels")["data"]} == {"泸水市", "福贡县", "贡山县", "兰坪县"}
    assert {d["label"] for d in layer(spec, "towns")["data"]} == {"六库镇", "上帕镇", "金顶镇"}
    assert len(layer(spec, "roads")["data"]) == 2
    assert len(points(at)) == 9
    assert data_layers(spec)[-1]["pickable"] is True
    assert [item["id"] for item in spec["layers"][-len(MARK_IDS):]] == list(MARK_IDS)  # drawn on top


def test_headline_figures_against_the_previous_period(field_db: str) -> None:
    at = overview()
    clean(at)
    assert metric(at, "学校总数") == "9"
    assert metric(at, "挂钩民警覆盖率") == f"{fx.COVERAGE_P:.1%}" == "77.8%"
    assert delta(at, "挂钩民警覆盖率") == "+11.1 个百分点"
    assert metric(at, "高峰见警率") == f"{fx.PRESENCE_P:.1%}" == "37.0%"
    assert delta(at, "高峰见警率") == "+3.7 个百分点"
    assert metric(at, "四个100%达标率") == "77.8%"
    # the backlog on the period's last day, whenever found: H1, H3, H4 and H7 (found in February, overdue);
    # on the previous period's last day only H7
    assert metric(at, "未完成整改") == "4" and delta(at, "未完成整改") == "+3"
    assert metric(at, "逾期未改") == "2" and delta(at, "逾期未改") == "+1"
    assert metric(at, "已整改隐患") == "2" and delta(at, "已整改隐患") == "+1"
    assert metric(at, "缺交通标志学校") == str(fx.MISSING_SIGNS_P) and delta(at, "缺交通标志学校") == "-1"
    assert any("2025-02-17 至 2025-03-02" in c.value for c in at.caption)


def test_schools_are_coloured_by_their_worst_status(field_db: str) -> None:
    status = {p["school_code"]: p["detail"].split("\n")[-1] for p in points(overview())}
    assert status["2153330101"] == "隐患逾期未改"
    assert status["2153330102"] == status["2153332302"] == "无挂钩民警"
    assert status["2153332401"] == status["2153332503"] == "四个100%未达标"
    assert [status[c] for c in ("2153330103", "2153332301", "2153332501", "2153332502")] == ["正常"] * 4
    legend = next(m.value for m in overview().markdown if "xa-legend" in m.value)
    assert "无挂钩民警</td><td style='text-align:right'>2</td>" in legend
    assert "正常</td><td style='text-align:right'>4</td>" in legend


def test_county_comparison(field_db: str) -> None:
    shown = table(overview()).set_index("县（市）")
    lushui = shown.loc["泸水市"]
    assert lushui["学校数"] == "3" and lushui["挂钩覆盖率"] == "66.7%" and lushui["见警率"] == "44.4%"
    assert (lushui["发现隐患"], lushui["未整改"], lushui["逾期"], lushui["整改率"]) == ("3", "1", "1", "33.3%")
    assert lushui["缺标志学校"] == "1" and shown.loc["福贡县", "缺标志学校"] == "0"


def test_colour_by_type_and_english(field_db: str) -> None:
    at = overview(lang="en", colour="type", county="533301")
    clean(at)
    assert at.title[0].value == "XiaoAn · campus safety at a glance"
    assert metric(at, "Schools") == "3"
    assert {p["detail"] for p in points(at)} == {"Primary school · Lushui", "Kindergarten · Lushui"}
    assert any("Kindergarten" in m.value for m in at.markdown)


@pytest.mark.parametrize(("params", "expected"), [
    ({"county": "533301"}, 3), ({"county": ["533301", "533325"]}, 6), ({"county": "533301,533325"}, 6),
    ({"county": ["533324", "999999", "abc"]}, 1), ({"type": "小学"}, 2), ({"type": "小学,高中", "county": "533323"}, 1),
])
def test_filters_from_the_url(field_db: str, params: dict, expected: int) -> None:
    at = overview(**params)
    clean(at)
    assert len(points(at)) == expected and metric(at, "学校总数") == str(expected)


def test_type_filter_restricts_the_figures(field_db: str) -> None:
    at = overview(type="小学")
    assert metric(at, "挂钩民警覆盖率") == "50.0%"
    assert metric(at, "未完成整改") == "1"  # H1 at 六库镇中心小学; H3 and H7 belong to no school


def test_bad_url_values_are_ignored_and_never_widen(field_db: str) -> None:
    at = run_page("overview", county=["999999", "'; DROP TABLE school; --"], lang="xx", type="<b>",
                  colour="neon", **{"from": "2025-13-45", "to": "yesterday"})
    clean(at)
    assert len(points(at)) == 9
    assert at.title[0].value == "校安图 · 学校安全总览"
    assert "county" not in at.query_params and "type" not in at.query_params
    assert at.sidebar.warning[0].value == "链接中的县（市）、学校类型、起始日期、截止日期取值无效，已忽略或更正。"
    at = overview(county="533301", type="nonsense")
    assert len(points(at)) == 3
    assert not overview(county="533301").sidebar.warning


def test_reversed_and_overlong_periods(field_db: str) -> None:
    at = run_page("overview", **{"from": "2025-03-16", "to": "2025-03-03"})
    clean(at)
    assert at.query_params["from"] in ("2025-03-03", ["2025-03-03"])
    at = run_page("overview", **{"from": "2016-01-01", "to": "2025-03-16"})
    assert at.query_params["from"] in ("2023-03-17", ["2023-03-17"])


def test_sidebar_widgets_write_the_url(field_db: str) -> None:
    at = overview()
    at.sidebar.multiselect[0].select("533323").run()
    assert at.query_params["county"] in ("533323", ["533323"])
    assert len(points(at)) == 2
    at.sidebar.radio[0].set_value("en").run()
    assert at.query_params["lang"] in ("en", ["en"])
    assert at.title[0].value == "XiaoAn · campus safety at a glance"
    assert at.sidebar.multiselect[0].value == ["533323"]
    at.sidebar.multiselect[1].select("高中").run()
    assert at.query_params["type"] in ("高中", ["高中"]) and len(points(at)) == 1


def test_empty_period_says_so(field_db: str) -> None:
    at = run_page("overview", **{"from": "2024-01-01", "to": "2024-01-31"})
    clean(at)
    assert any(i.value.startswith("所选时段内没有见警记录") for i in at.info)
    assert metric(at, "高峰见警率") == "—"


def test_database_down_shows_a_message(monkeypatch: pytest.MonkeyPatch, fresh_caches: None) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("XIAOAN_DATABASE_URL", f"postgresql+psycopg://nobody:secret@127.0.0.1:{port}/xiaoan")
    get_settings.cache_clear()
    try:
        at = run_page("overview", user=None, raw_token="leader:9999999999:00")
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
        at = run_page("overview", user=None, raw_token="leader:9999999999:00", lang="en")
    finally:
        get_settings.cache_clear()
    assert not at.exception
    assert at.error and at.error[0].value.startswith("The database cannot be read")
    assert "does not exist" in at.error[0].value  # the first of our objects asked for


def test_empty_database_says_so(use_db: str, engine, fresh_caches: None) -> None:  # noqa: ANN001
    add_users(engine, county_users=False)
    at = run_page("overview", lang="en")
    assert not at.exception and not at.error
    assert at.info[0].value.startswith("No county boundaries")


def test_counties_without_schools(use_db: str, seed, fresh_caches: None) -> None:  # noqa: ANN001
    seed([])
    at = overview()
    clean(at)
    assert any(i.value == "所选范围内还没有学校数据。" for i in at.info)
    assert points(at) == []
    assert metric(at, "学校总数") == "0"
