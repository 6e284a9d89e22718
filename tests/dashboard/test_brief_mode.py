"""Brief mode (`?brief=1`) and the export buttons, by AppTest against the fixture prefecture."""

from __future__ import annotations

import pytest

from dashboard.maps.marks import MARK_IDS
from db import clock
from tests.dashboard import fixture_data as fx
from tests.dashboard.apptest import clean, deck, run_page

MAP_PAGES = ["overview", "gaps", "hotspots", "signs"]


def heading(at) -> str:  # noqa: ANN001
    """The text of the slide's title block."""
    return " ".join(h.proto.body for h in at.get("html"))


@pytest.mark.parametrize("name", MAP_PAGES)
def test_brief_mode_is_a_slide_with_title_period_and_as_of(field_db: str, name: str) -> None:
    at = run_page(name, brief="1", county="533301", **fx.PERIOD)
    clean(at)
    text = heading(at)
    today = clock.today().isoformat()  # the fixture's last load finished now, in Nujiang
    assert "泸水市" in text and f"{fx.P_FROM} 至 {fx.P_TO}" in text and f"数据截至 {today}" in text
    assert not at.title  # the slide's own title replaces the page title
    assert any("stSidebar" in m.value and "display: none" in m.value for m in at.markdown)
    spec = deck(at)
    assert [item["id"] for item in spec["layers"][-len(MARK_IDS):]] == list(MARK_IDS)
    assert not at.dataframe  # the slide ends with the map: no tables below it
    assert [b.label for b in at.button] == ["退出简报模式"]
    assert not at.get("download_button")


def test_whole_prefecture_and_english(field_db: str) -> None:
    at = run_page("overview", brief="1", lang="en", **fx.PERIOD)
    clean(at)
    text = heading(at)
    assert "Nujiang Prefecture" in text and f"{fx.P_FROM} to {fx.P_TO}" in text and "Data as of" in text


def test_normal_mode_offers_brief_mode_and_exports(field_db: str) -> None:
    at = run_page("gaps", county="533301", **fx.PERIOD)
    clean(at)
    assert at.title and at.dataframe
    assert "简报模式" in [b.label for b in at.sidebar.button]
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["本页地图（PNG）", "工作简报（Word）", "工作清单（Excel）"]
    at.sidebar.button[0].click().run()
    assert at.query_params["brief"] == "1"
    assert heading(at) and not at.dataframe


def test_leaving_brief_mode(field_db: str) -> None:
    at = run_page("signs", brief="1", **fx.PERIOD)
    at.button[0].click().run()
    assert "brief" not in at.query_params
    assert at.title and not at.get("html")
