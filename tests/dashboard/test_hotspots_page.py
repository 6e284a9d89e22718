"""The hazard-hotspots page: hexagons by count and Gi* class, points by status, filters, overdue list."""

from __future__ import annotations

import pytest

from dashboard.maps.hazards import OVERDUE_RING
from tests.dashboard import fixture_data as fx
from tests.dashboard.apptest import clean, data_layers, deck, layer, metric, run_page, table


def hotspots(**params: str | list[str]):  # noqa: ANN201
    """The hotspot page for the fixture period P."""
    return run_page("hotspots", **{**fx.PERIOD, **params})


def test_figures_layers_and_lists(field_db: str) -> None:
    at = hotspots()
    clean(at)
    # the backlog on 03-16 holds H7 too: found in February, still open, overdue since 02-28
    assert [metric(at, k) for k in ("发现隐患", "未完成整改", "逾期未改", "已整改隐患")] == ["5", "4", "2", "2"]
    spec = deck(at)
    assert [item["id"] for item in data_layers(spec)][-2:] == ["hexagons", "hazards"]
    cells = layer(spec, "hexagons")["data"]
    assert sum(c["count"] for c in cells) == 5 and max(c["count"] for c in cells) == 2  # H1 and H2 share a spot
    assert all(len(c["polygon"]) == 6 for c in cells)
    points = layer(spec, "hazards")["data"]
    assert len(points) == 6  # the five found in the period and H7, open since February
    overdue = [p for p in points if p["line"][:3] == list(OVERDUE_RING)]
    assert sorted(p["title"] for p in overdue) == ["占道经营 · 周边治安乱点", "消防安全 · 校园内部隐患"]
    h1 = next(p for p in overdue if "H1说明" in p["detail"])
    assert "逾期未整改" in h1["detail"]
    late = table(at, 0)
    assert late["编号"].tolist() == ["H7", "H1"] and late["逾期天数"].tolist() == ["16", "6"]
    assert any(i.value == "没有逾期超过 30 天的隐患。" for i in at.info)
    counties = table(at, 1).set_index("县（市）")
    states = ["发现隐患", "已整改", "限期整改中", "未整改", "逾期"]
    assert counties.loc["泸水市", states].tolist() == ["3", "1", "1", "1", "1"]


@pytest.mark.parametrize(("params", "found"), [
    ({"kind": "campus"}, 3), ({"status": "rectified"}, 2), ({"category": "网吧"}, 1),
    ({"kind": "surrounding", "status": ["open", "deadline"]}, 2), ({"kind": "x", "category": "<b>"}, 5),
])
def test_filters(field_db: str, params: dict, found: int) -> None:
    at = hotspots(**params)
    clean(at)
    assert metric(at, "发现隐患") == str(found)
    assert sum(c["count"] for c in layer(deck(at), "hexagons")["data"]) == found


def test_gi_classes_and_sizes(field_db: str) -> None:
    at = hotspots(show="class", hex="5000")
    clean(at)
    legend = next(m.value for m in at.markdown if "热点（99%置信）" in m.value)
    assert "冷点（99%置信）" in legend
    assert at.selectbox(key="hex_zh").value == "5000"
    # 500 m hexagons over the whole prefecture would be ~23,000 cells: not offered, the default is used.
    assert hotspots(hex="500").selectbox(key="hex_zh").value == "2000"
    assert hotspots(hex="500", county="533301").selectbox(key="hex_zh").value == "500"


def test_english(field_db: str) -> None:
    at = hotspots(lang="en", county="533325")
    clean(at)
    assert metric(at, "Hazards found") == "1"
    assert layer(deck(at), "hazards")["data"][0]["title"] == "网吧 · Disorder spot nearby"


def test_empty_period(field_db: str) -> None:
    at = run_page("hotspots", **{"from": "2024-01-01", "to": "2024-01-31"})
    clean(at)
    assert any(i.value == "所选时段和条件下没有隐患记录。" for i in at.info)
    assert layer(deck(at), "hexagons")["data"] == [] and layer(deck(at), "hazards")["data"] == []
