"""The work-statistics page: totals against the previous period, the brief, per county, per month."""

from __future__ import annotations

from tests.dashboard import fixture_data as fx
from tests.dashboard.apptest import chart_data, clean, delta, metric, run_page, table

QUARTER = {"from": "2025-01-01", "to": "2025-03-31"}


def test_totals_brief_and_county_table(field_db: str) -> None:
    at = run_page("work", **QUARTER)
    clean(at)
    assert [metric(at, k) for k in ("出动警力（人次）", "出动警车（辆次）", "护学部署（次）", "安全检查（次）")] == [
        "10", "3", "2", "1"]
    more = ("法制教育（场）", "应急演练（次）", "发放宣传资料（份）", "受教育师生（人次）")
    assert [metric(at, k) for k in more] == ["1", "1", "500", "420"]
    brief = at.text[0].value
    assert brief.startswith("2025-01-01至2025-03-31，全州共出动警力10人次、警车3辆次")
    assert "发放宣传资料500份，受教育师生420人次" in brief
    counties = table(at).set_index("县（市）")
    assert counties.loc["泸水市", "出动警力（人次）"] == "10" and counties.loc["福贡县", "发放宣传资料（份）"] == "500"


def test_change_against_the_previous_period(field_db: str) -> None:
    at = run_page("work", **fx.PERIOD)
    assert metric(at, "出动警力（人次）") == "6" and delta(at, "出动警力（人次）") == "+2"
    assert metric(at, "护学部署（次）") == "1" and delta(at, "护学部署（次）") == "0"


def test_monthly_trend_has_every_month_and_county(field_db: str) -> None:
    at = run_page("work", **QUARTER, measure="participants")
    clean(at)
    trend = chart_data(at)
    assert len(trend) == 3 * 4
    lushui = trend[trend["county"] == "泸水市"].sort_values("month")
    assert lushui["participants"].tolist() == [0, 0, 300]


def test_county_filter_english_and_empty(field_db: str) -> None:
    at = run_page("work", **QUARTER, county="533325", lang="en")
    clean(at)
    assert metric(at, "Drills") == "1"
    assert "Lanping deployed 0 officer-times" in at.text[0].value
    at = run_page("work", **{"from": "2024-05-01", "to": "2024-05-31"})
    clean(at)
    assert any(i.value == "所选时段内没有工作记录。" for i in at.info)
    assert metric(at, "出动警力（人次）") == "0"
