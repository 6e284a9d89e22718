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
from PIL import Image, ImageStat
from playwright.sync_api import Page, sync_playwright

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
    """About twenty schools of every type in the four counties, one with a hostile name."""
    schools = []
    for i in range(20):
        county, lon, lat = SEATS[i % len(SEATS)]
        name = XSS_NAME if i == 0 else f"测试学校{i:02d}"
        schools.append((f"21533{i:05d}", name, TYPES[i % len(TYPES)], county,
                        lon + 0.1 * (i // len(SEATS)), lat - 0.08 * (i // len(SEATS)), 100 + i))
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
def served(db_url: str, seed: Callable[[list[tuple]], None], tmp_path: Path) -> Iterator[str]:
    """The dashboard served by `streamlit run` on a free port, reading a fresh fixture database."""
    seed(twenty_schools())
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


def open_map(page: Page, url: str, title: str) -> None:
    """Load the app and wait until the title, the map canvas and the figures are on screen."""
    page.goto(url, wait_until="domcontentloaded", timeout=30_000)
    page.get_by_text(title, exact=True).wait_for(state="visible", timeout=30_000)
    page.locator('[data-testid="stDeckGlJsonChart"] canvas').first.wait_for(state="visible", timeout=30_000)
    page.locator('[data-testid="stMetricValue"]').first.wait_for(state="visible", timeout=30_000)
    page.wait_for_timeout(3_000)  # let deck.gl draw its first frames (SwiftShader is slow)


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


@pytest.mark.browser
def test_overview_in_chromium(served: str) -> None:
    """Chinese and English views render the map offline, with no exception and no script injected."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    requests: list[str] = []
    dialogs: list[str] = []
    frames: list[bytes] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS,
                                     timeout=60_000)
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 1100}, locale="zh-CN")
            page.set_default_timeout(30_000)
            page.on("request", lambda r: requests.append(r.url))
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("websocket", lambda ws: ws.on(
                "framereceived", lambda p: frames.append(p if isinstance(p, bytes) else p.encode())))

            open_map(page, served + "/", "校安图 · 学校分布总览")
            colours, spread = canvas_is_drawn(page)
            assert colours > 8 and spread > 1.0, (colours, spread)
            assert page.get_by_text("学校总数").first.is_visible()
            assert page.locator('[data-testid="stException"]').count() == 0
            page.screenshot(path=str(SHOTS / "overview_zh.png"), full_page=True)

            box = page.locator('[data-testid="stDeckGlJsonChart"] canvas').first.bounding_box()
            page.mouse.move(*pixel_of(frames, box, *twenty_schools()[0][4:6]))
            tooltip = page.locator(".deck-tooltip")
            tooltip.filter(has_text="测试").or_(tooltip.filter(has_text="<img")).first.wait_for(
                state="visible", timeout=10_000)
            assert XSS_NAME in tooltip.first.inner_text()
            assert "&lt;img" in tooltip.first.inner_html()
            page.screenshot(path=str(SHOTS / "overview_tooltip.png"))

            open_map(page, served + "/?county=533325", "校安图 · 学校分布总览")
            assert page.locator('[data-testid="stMetricValue"]').first.inner_text() == "3"
            page.get_by_text("English", exact=True).click()
            page.get_by_text("XiaoAn · where the schools are", exact=True).wait_for(timeout=30_000)
            page.wait_for_function("location.search.includes('lang=en')", timeout=10_000)
            assert "county=533325" in page.url
            page.wait_for_timeout(3_000)
            page.screenshot(path=str(SHOTS / "overview_en_lanping.png"), full_page=True)

            open_map(page, served + "/?lang=en", "XiaoAn · where the schools are")
            colours, spread = canvas_is_drawn(page)
            assert colours > 8 and spread > 1.0, (colours, spread)
            assert page.locator('[data-testid="stException"]').count() == 0
            page.screenshot(path=str(SHOTS / "overview_en.png"), full_page=True)

            assert page.locator('img[src="x"]').count() == 0
        finally:
            browser.close()
    assert not dialogs, dialogs
    assert requests and not off_host(requests), off_host(requests)
    assert any(f'"name":"{XSS_NAME}"'.encode() in f for f in frames), "hostile name not sent as data"
