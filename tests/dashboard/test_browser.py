"""The served app in Debian Chromium: map drawn, nothing fetched off-host, no exception, no XSS."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page

from db.routing import rebuild_network
from tests.dashboard import fixture_data as fx
from tests.dashboard.browser import (
    SHOTS,
    XSS_NAME,
    canvas_is_drawn,
    map_box,
    open_page,
    pixel_of,
    settle,
    shoot,
    twenty_schools,
)

PERIOD = f"from={fx.P_FROM.isoformat()}&to={fx.P_TO.isoformat()}"
# (path and query, title, has a map, screenshot name)
PAGES = [
    (f"/?{PERIOD}", "校安图 · 学校安全总览", True, "overview_zh"),
    (f"/gaps?{PERIOD}", "覆盖缺口 · 挂钩民警与高峰见警", True, "gaps_zh"),
    (f"/hotspots?{PERIOD}&show=class", "隐患热点 · 校园隐患与周边乱点", True, "hotspots_zh"),
    (f"/signs?{PERIOD}", "交通标志 · 校园周边道路安全设施", True, "signs_zh"),
    ("/work?from=2025-01-01&to=2025-03-31", "工作统计 · 校园安全工作开展情况", False, "work_zh"),
    ("/plan", "巡逻方案 · 高峰时段护学巡逻", False, "plan_zh"),
    (f"/school?{PERIOD}&school=2153330101", "学校详情", True, "school_zh"),
    (f"/data?{PERIOD}", "数据 · 导入记录与文件上传", False, "data_zh"),
    (f"/gaps?{PERIOD}&lang=en&county=533301", "Coverage gaps · liaison officers and peak-hour presence", True,
     "gaps_en_lushui"),
]


@pytest.mark.browser
def test_every_page_in_chromium(served: str, browser_page: tuple[Page, dict[str, list]]) -> None:
    """Each page renders offline, without an exception, its map drawn; a screenshot of each is kept."""
    page, _ = browser_page
    for path, title, has_map, shot in PAGES:
        open_page(page, served + path, title, has_map)
        assert page.locator('[data-testid="stException"]').count() == 0, path
        assert page.locator('[data-testid="stAlertContentError"]').count() == 0, path
        if has_map:
            colours, spread = canvas_is_drawn(page)
            assert colours > 8 and spread > 1.0, (path, colours, spread)
        shoot(page, shot)
    assert page.locator('img[src="x"]').count() == 0


PLAN_TABS = ["巡逻方案", "执行情况", "车辆测算", "一周轮巡"]


@pytest.mark.browser
def test_every_tab_of_the_plan_page_in_chromium(served: str, browser_page: tuple[Page, dict[str, list]],
                                                engine: sa.Engine) -> None:
    """Each tab of 巡逻方案 renders offline without an exception, an error or a failed request; the sizing tab
    draws its curve (Vega) on a school day of the fixture once its button is pressed (its roads made routable)."""
    page, _ = browser_page
    with engine.begin() as conn:
        rebuild_network(conn)
    open_page(page, served + "/plan", "巡逻方案 · 高峰时段护学巡逻", False)
    day = page.locator('[data-testid="stMainBlockContainer"] [data-testid="stDateInput"]').first
    for nth, typed in enumerate(("2025", "03", "11")):  # a Tuesday of the fixture's term, segment by segment
        day.locator('[role="spinbutton"]').nth(nth).click()
        page.keyboard.type(typed)
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")  # the calendar the click opened
    settle(page)
    assert [day.locator('[role="spinbutton"]').nth(k).inner_text() for k in range(3)] == ["2025", "03", "11"]
    for name in PLAN_TABS:
        page.get_by_role("tab", name=name, exact=True).click()
        settle(page)
        if name == "车辆测算":
            page.get_by_role("button", name="开始测算").click()
            page.locator('[data-testid="stVegaLiteChart"]:visible').first.wait_for(timeout=90_000)
            settle(page)
        assert page.locator('[data-testid="stException"]').count() == 0, name
        assert page.locator('[data-testid="stAlertContentError"]').count() == 0, name
        shoot(page, f"plan_tab_{PLAN_TABS.index(name)}")


@pytest.mark.browser
def test_hostile_names_stay_text(served: str, browser_page: tuple[Page, dict[str, list]]) -> None:
    """A school and a hazard named like an HTML tag show as text in tooltips and on the school page."""
    page, seen = browser_page
    open_page(page, served + f"/?{PERIOD}&county=533301", "校安图 · 学校安全总览")
    box = map_box(page)
    page.mouse.move(*pixel_of(seen["frames"], box, *twenty_schools()[0][4:6]))
    tooltip = page.locator(".deck-tooltip")
    tooltip.filter(has_text="<img").first.wait_for(state="visible", timeout=10_000)
    assert XSS_NAME in tooltip.first.inner_text() and "&lt;img" in tooltip.first.inner_html()
    page.screenshot(path=str(SHOTS / "overview_tooltip.png"))
    assert any(f'"title":"{XSS_NAME}"'.encode() in f for f in seen["frames"]), "hostile name sent as data"

    open_page(page, served + f"/hotspots?{PERIOD}&county=533301", "隐患热点 · 校园隐患与周边乱点")
    box = map_box(page)
    page.mouse.move(*pixel_of(seen["frames"], box, 98.857, 25.881))
    tooltip.filter(has_text="<img").first.wait_for(state="visible", timeout=10_000)
    assert tooltip.first.inner_text().startswith(XSS_NAME)

    open_page(page, served + f"/school?{PERIOD}&school=2153300000", "学校详情")
    heading = page.locator("h2").filter(has_text="onerror").first
    assert heading.inner_text().strip() == XSS_NAME
    shoot(page, "school_hostile_name")
    assert page.locator('img[src="x"]').count() == 0


@pytest.mark.browser
def test_click_a_school_and_follow_links(served: str, browser_page: tuple[Page, dict[str, list]]) -> None:
    """Clicking a school on a map opens its page; the sidebar links keep the county and the period."""
    page, seen = browser_page
    open_page(page, served + f"/?{PERIOD}&county=533325", "校安图 · 学校安全总览")
    box = map_box(page)
    spot = pixel_of(seen["frames"], box, 99.300, 26.480)
    page.mouse.move(*spot)  # the tooltip shows once the map picks objects: only then is a click taken
    page.locator(".deck-tooltip").filter(has_text="兰坪县特殊教育学校").first.wait_for(state="visible", timeout=60_000)
    page.mouse.click(*spot)
    page.wait_for_function("location.pathname.endsWith('/school')", timeout=60_000)
    page.get_by_text("兰坪县特殊教育学校", exact=True).wait_for(timeout=30_000)
    assert "school=2153332502" in page.url and "county=533325" in page.url and "from=2025-03-03" in page.url
    settle(page)
    shoot(page, "school_after_click")

    page.locator('[data-testid="stSidebarNav"], [data-testid="stSidebar"]').get_by_text("覆盖缺口").first.click()
    page.wait_for_function("location.pathname.endsWith('/gaps')", timeout=30_000)
    page.get_by_text("覆盖缺口 · 挂钩民警与高峰见警", exact=True).wait_for(timeout=30_000)
    assert "county=533325" in page.url and "to=2025-03-16" in page.url and "school=" not in page.url
    page.get_by_text("English", exact=True).click()
    page.get_by_text("Coverage gaps · liaison officers and peak-hour presence", exact=True).wait_for(timeout=30_000)
    page.wait_for_function("location.search.includes('lang=en')", timeout=10_000)
    settle(page)
    assert page.locator('[data-testid="stException"]').count() == 0


@pytest.mark.browser
def test_failed_requests_are_caught(served: str, signed_out_page: tuple[Page, dict[str, list]]) -> None:
    """The browser tests' watch records a 404 and its console error, but not Streamlit's base-URL guess."""
    page, seen = signed_out_page
    page.goto(f"{served}/gaps?{PERIOD}", wait_until="domcontentloaded")
    page.get_by_text("校安图 · 登录", exact=True).wait_for(state="visible")
    settle(page)
    page.evaluate("fetch('/_stcore/agent/no-such-route').catch(() => null)")
    page.wait_for_timeout(1_000)
    assert any("404 " in f and "/_stcore/agent/no-such-route" in f for f in seen["failures"]), seen["failures"]
    assert any("console error" in f for f in seen["failures"]), seen["failures"]
    assert not any("/gaps/_stcore/" in f for f in seen["failures"]), seen["failures"]
    seen["failures"].clear()
