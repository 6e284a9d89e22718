"""The served app in Debian Chromium: map drawn, nothing fetched off-host, no exception, no XSS."""

from __future__ import annotations

import io
import json
import math
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
import sqlalchemy as sa
from PIL import Image, ImageStat
from playwright.sync_api import Page, sync_playwright

from tests.dashboard import fixture_data as fx
from tests.dashboard.conftest import SCHOOLS, add_field_data

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "artifacts" / "screenshots"
XSS_NAME = "<img src=x onerror=alert(1)>"
CHROMIUM_ARGS = ["--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--no-sandbox",
                 "--disable-background-networking", "--disable-component-update", "--no-first-run",
                 "--disable-sync"]
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}
SEATS = [("533301", 98.857, 25.851), ("533301", 98.780, 25.960), ("533301", 98.880, 25.560),
         ("533323", 98.867, 26.902), ("533323", 98.870, 26.520), ("533323", 98.830, 27.120),
         ("533324", 98.666, 27.741), ("533324", 98.620, 28.010), ("533324", 98.330, 27.780),
         ("533325", 99.420, 26.410), ("533325", 99.150, 26.800), ("533325", 99.260, 26.640)]
TYPES = ["小学", "幼儿园", "初中", "高中", "九年一贯制", "完全中学", "特殊教育", "职业学校"]


def twenty_schools() -> list[tuple]:
    """About twenty schools of every type in the four counties, one with a hostile name; they stand a few
    kilometres north of the fixture's schools so that no two points overlap."""
    schools = []
    for i in range(20):
        county, lon, lat = SEATS[i % len(SEATS)]
        name = XSS_NAME if i == 0 else f"测试学校{i:02d}"
        schools.append((f"21533{i:05d}", name, TYPES[i % len(TYPES)], county,
                        lon + 0.1 * (i // len(SEATS)), lat + 0.03 - 0.08 * (i // len(SEATS)), 100 + i))
    return schools


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(base: str, proc: subprocess.Popen, timeout_s: float = 60) -> None:
    """Poll /_stcore/health until the server answers ok (bounded)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early with code {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"streamlit did not answer at {base} within {timeout_s} s")


@pytest.fixture
def served(db_url: str, seed: Callable[[list[tuple]], None], engine: sa.Engine, tmp_path: Path) -> Iterator[str]:
    """The dashboard served by `streamlit run` on a free port, reading the fixture prefecture plus twenty
    schools (one named like an HTML tag, with a hazard whose texts are HTML too)."""
    seed(SCHOOLS + twenty_schools())
    add_field_data(engine)
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO hazard (hazard_id, kind, category, school_code, county_adcode, found_on, status, description, "
            "geom) VALUES ('X1', 'campus', :x, '2153300000', '533301', '2025-03-05', 'open', :x, "
            "ST_SetSRID(ST_MakePoint(98.857, 25.881), 4326))"), {"x": XSS_NAME})
    port = free_port()
    env = {**os.environ, "XIAOAN_DATABASE_URL": db_url}
    log = (tmp_path / "streamlit.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true",
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_healthy(base, proc)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
        log.close()
    assert b"Traceback" not in (tmp_path / "streamlit.log").read_bytes(), "the server logged an exception"


def off_host(urls: list[str]) -> list[str]:
    """The URLs among urls that leave this host (data: and blob: URLs stay inside the page)."""
    return [u for u in urls if urlparse(u).scheme not in {"data", "blob", "about", "chrome-error"}
            and urlparse(u).hostname not in LOCAL_HOSTS]


def canvas_is_drawn(page: Page) -> tuple[int, float]:
    """Distinct colours and grey-level spread of the map canvas as screenshotted."""
    png = page.locator('[data-testid="stDeckGlJsonChart"] canvas').first.screenshot(timeout=30_000)
    image = Image.open(io.BytesIO(png)).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20) or []
    return len(colours), ImageStat.Stat(image.convert("L")).stddev[0]


def open_page(page: Page, url: str, title: str, has_map: bool = True) -> None:
    """Load a page and wait until its title (and map canvas) are on screen and the run has finished."""
    page.goto(url, wait_until="domcontentloaded", timeout=30_000)
    page.get_by_text(title, exact=True).wait_for(state="visible", timeout=30_000)
    if has_map:
        page.locator('[data-testid="stDeckGlJsonChart"] canvas').first.wait_for(state="visible", timeout=30_000)
    settle(page)


def settle(page: Page) -> None:
    """Wait for the script run to end, then give deck.gl and Vega time to draw (SwiftShader is slow)."""
    page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)
    page.wait_for_timeout(3_000)


def map_box(page: Page) -> dict[str, float]:
    """The first map's canvas scrolled into view, and its box on the page."""
    canvas = page.locator('[data-testid="stDeckGlJsonChart"] canvas').first
    canvas.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    return canvas.bounding_box()


def shoot(page: Page, name: str) -> None:
    """A screenshot of the whole page: the viewport is made as tall as Streamlit's scrolling content."""
    height = page.evaluate("document.querySelector('[data-testid=\"stMainBlockContainer\"]').scrollHeight + 150")
    page.set_viewport_size({"width": 1440, "height": min(max(height + 40, 900), 8000)})
    page.wait_for_timeout(1_500)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    page.set_viewport_size({"width": 1440, "height": 1100})


def _merc(lat: float) -> float:
    """Web-Mercator y of a latitude, in radians."""
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def pixel_of(frames: list[bytes], box: dict[str, float], lon: float, lat: float) -> tuple[float, float]:
    """Page coordinates of (lon, lat) on the map, from the initial view state the server sent."""
    found = [m for f in frames for m in re.findall(rb'"initialViewState":(\{[^}]*\})', f)]
    view = json.loads(found[-1])
    world = 512 * 2 ** view["zoom"]
    x = box["width"] / 2 + world * (lon - view["longitude"]) / 360
    y = box["height"] / 2 - world * (_merc(lat) - _merc(view["latitude"])) / (2 * math.pi)
    return box["x"] + x, box["y"] + y


PERIOD = f"from={fx.P_FROM.isoformat()}&to={fx.P_TO.isoformat()}"
# (path and query, title, has a map, screenshot name)
PAGES = [
    (f"/?{PERIOD}", "校安图 · 学校安全总览", True, "overview_zh"),
    (f"/gaps?{PERIOD}", "覆盖缺口 · 挂钩民警与高峰见警", True, "gaps_zh"),
    (f"/hotspots?{PERIOD}&show=class", "隐患热点 · 校园隐患与周边乱点", True, "hotspots_zh"),
    (f"/signs?{PERIOD}", "交通标志 · 校园周边道路安全设施", True, "signs_zh"),
    ("/work?from=2025-01-01&to=2025-03-31", "工作统计 · 校园安全工作开展情况", False, "work_zh"),
    (f"/school?{PERIOD}&school=2153330101", "学校详情", True, "school_zh"),
    (f"/data?{PERIOD}", "数据 · 导入记录与文件上传", False, "data_zh"),
    (f"/gaps?{PERIOD}&lang=en&county=533301", "Coverage gaps · liaison officers and peak-hour presence", True,
     "gaps_en_lushui"),
]


@pytest.fixture
def browser_page(served: str) -> Iterator[tuple[Page, dict[str, list]]]:
    """A Chromium page on the served app that records requests, dialogs and websocket frames."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    seen: dict[str, list] = {"requests": [], "dialogs": [], "frames": []}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS, timeout=60_000)
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 1100}, locale="zh-CN")
            page.set_default_timeout(30_000)
            page.on("request", lambda r: seen["requests"].append(r.url))
            page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
            page.on("websocket", lambda ws: ws.on(
                "framereceived", lambda p: seen["frames"].append(p if isinstance(p, bytes) else p.encode())))
            yield page, seen
        finally:
            browser.close()
    assert not seen["dialogs"], seen["dialogs"]
    assert seen["requests"] and not off_host(seen["requests"]), off_host(seen["requests"])


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
    page.mouse.click(*pixel_of(seen["frames"], box, 99.300, 26.480))
    page.wait_for_function("location.pathname.endsWith('/school')", timeout=30_000)
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
