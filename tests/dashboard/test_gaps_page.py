"""The coverage-gaps page: liaison and presence gaps with reasons, radius and window controls, paths, calendar."""

from __future__ import annotations

import pytest

from tests.dashboard import fixture_data as fx
from tests.dashboard.apptest import chart_data, clean, data_layers, deck, layer, metric, run_page, table


def gaps(**params: str | list[str]):  # noqa: ANN201
    """The gaps page for the fixture period P."""
    return run_page("gaps", **{**fx.PERIOD, **params})


def test_figures_and_the_gap_list(field_db: str) -> None:
    at = gaps()
    clean(at)
    labels = ("无挂钩民警", "挂钩偏弱", "从未见警学校", "高峰见警率")
    assert [metric(at, k) for k in labels] == ["2", "2", "1", "37.0%"]
    shown = table(at)
    assert shown["学校标识码"].tolist() == ["2153330102", "2153332302", "2153332401", "2153332503",
                                        "2153330103", "2153332301", "2153332501", "2153332502"]
    rows = shown.set_index("学校标识码")
    assert rows.loc["2153330102", "原因"] == "挂钩已到期" and rows.loc["2153330102", "挂钩到期日"] == "2025-03-05"
    assert rows.loc["2153332302", "原因"] == "从未挂钩"
    assert rows.loc["2153332401", "缺口"] == "挂钩偏弱（超负荷或单位过远）"
    assert rows.loc["2153332401", "原因"] == "所属单位距离过远"
    assert rows.loc["2153330103", ["高峰时段数", "见警时段数", "见警率"]].tolist() == ["30", "10", "33.3%"]
    assert rows.loc["2153330102", "最近距离"] == "300 m"
    assert any("100 米" in c.value and "50 米" in c.value for c in at.caption), "the stored radius is explained"


@pytest.mark.parametrize(("params", "rate"), [
    ({"window": "morning"}, "88.9%"), ({"radius": "50"}, "37.0%"), ({"radius": "300"}, "48.1%"),
    ({"window": "noon", "radius": "500"}, "22.2%"), ({"window": "bogus", "radius": "7"}, "37.0%"),
])
def test_window_and_radius_filter_the_presence(field_db: str, params: dict, rate: str) -> None:
    at = gaps(**params)
    clean(at)
    assert metric(at, "高峰见警率") == rate


def test_liaison_checked_on_another_day(field_db: str) -> None:
    at = gaps(on="2025-03-04")
    assert metric(at, "无挂钩民警") == "2"  # 福贡县高级中学 never, 兰坪县第一中学 not yet
    assert "2153332501" in table(at)["学校标识码"].tolist()
    assert metric(gaps(on="2030-01-01"), "无挂钩民警") == "2", "a day outside the period falls back to its end"


def test_map_has_paths_and_schools(field_db: str) -> None:
    spec = deck(gaps())
    assert [item["id"] for item in data_layers(spec)][-2:] == ["patrol-paths", "schools"]
    paths = {f["properties"]["title"]: f for f in layer(spec, "patrol-paths")["data"]["features"]}
    assert set(paths) == {"云Q·J0001", "云Q·J0002"}
    v1 = paths["云Q·J0001"]["geometry"]
    assert v1["type"] == "MultiLineString" and len(v1["coordinates"]) == 2  # broken at its ten-minute gap
    assert all(len(run) == 2 for run in v1["coordinates"]), "a straight drive simplifies to its ends"
    assert paths["云Q·J0001"]["properties"]["detail"] == "2 段，共 1.3 公里"
    assert all(len(str(x).split(".")[1]) <= 5 for run in v1["coordinates"] for pt in run for x in pt)
    morning = layer(deck(gaps(window="morning")), "patrol-paths")["data"]["features"]
    assert [f["properties"]["title"] for f in morning] == ["云Q·J0001"]
    colours = {p["school_code"]: p["color"][:3] for p in layer(spec, "schools")["data"]}
    assert colours["2153330101"] == [40, 160, 90] and colours["2153330102"] == [200, 30, 45]


def test_presence_calendar_of_the_worst_schools(field_db: str) -> None:
    cells = chart_data(gaps())
    assert cells["label"].iloc[0] == "鲁掌镇完小 · 2153330102"
    assert len(cells) == 8 * 10  # eight schools with a gap, ten school days
    assert set(cells.loc[cells["label"].str.endswith("2153330102"), "rate"]) == {0.0}


def test_english_and_type_filter(field_db: str) -> None:
    at = gaps(lang="en", type="高中")
    clean(at)
    assert metric(at, "No liaison officer") == "1"
    assert table(at)["Reason"].tolist() == ["Never assigned"]


def test_empty_period(field_db: str) -> None:
    at = run_page("gaps", **{"from": "2024-07-15", "to": "2024-08-15"})
    clean(at)
    assert any(i.value.startswith("所选时段内没有上学日的见警记录") for i in at.info)
    assert layer(deck(at), "patrol-paths")["data"]["features"] == []
