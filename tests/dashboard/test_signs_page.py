"""The traffic-signs page: schools missing required signs, signs by status, signs not put back after works."""

from __future__ import annotations

from dashboard.analysis.signs import NOT_REINSTALLED_RING
from tests.dashboard import fixture_data as fx
from tests.dashboard.apptest import clean, deck, delta, layer, metric, run_page, table


def signs(**params: str | list[str]):  # noqa: ANN201
    """The signs page for the fixture period P."""
    return run_page("signs", **{**fx.PERIOD, **params})


def test_figures_lists_and_map(field_db: str) -> None:
    at = signs()
    clean(at)
    assert metric(at, "临路学校") == "2"
    assert metric(at, "缺标志学校") == str(fx.MISSING_SIGNS_P) and delta(at, "缺标志学校") == "-1"
    assert metric(at, "缺失或损坏的标志") == "1" and metric(at, "施工后未恢复") == "2"
    missing = table(at, 0)
    assert missing["学校"].tolist() == ["六库镇中心小学"]
    assert missing["缺少的标志"].iloc[0] == "注意儿童/学校区域（损坏）、减速带（未设置/未调查）"
    assert missing["道路"].iloc[0] == "滨江路"
    late = table(at, 1)
    assert late["标志编号"].tolist() == fx.NOT_REINSTALLED
    assert set(late["附近学校"]) == {"福贡县第一中学"} and set(late["施工"]) == {"上帕大街管网改造"}
    spec = deck(at)
    points = {p["title"].split(" · ")[1]: p for p in layer(spec, "signs")["data"]}
    assert set(points) == {"T1", "T2", "T3", "T4", "T5"}
    assert points["T2"]["detail"].startswith("损坏")
    assert points["T3"]["line"][:3] == list(NOT_REINSTALLED_RING) and points["T1"]["line"][:3] == [255, 255, 255]
    schools = {p["school_code"]: p for p in layer(spec, "schools")["data"]}
    assert set(schools) == {"2153330101", "2153332301"}
    assert schools["2153332301"]["detail"].endswith("标志齐全")


def test_before_the_speed_bump_was_put_in(field_db: str) -> None:
    at = run_page("signs", **{"from": "2025-02-17", "to": "2025-03-02"})
    clean(at)
    assert metric(at, "缺标志学校") == str(fx.MISSING_SIGNS_Q)


def test_county_type_and_english(field_db: str) -> None:
    at = signs(county="533323", lang="en")
    clean(at)
    assert metric(at, "Schools near a road") == "1" and metric(at, "Schools missing signs") == "0"
    assert any(i.value == "Every school near a road has its required signs." for i in at.info)
    at = signs(type="幼儿园")
    assert metric(at, "临路学校") == "0"
    assert any(i.value.startswith("所选范围内没有临近道路的学校") for i in at.info)
