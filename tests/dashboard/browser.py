"""Serving the app and driving Debian Chromium for the browser tests: fixtures and helpers."""

from __future__ import annotations

import io
import json
import math
import re
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

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


@contextmanager
def chromium(served: str, token: str | None) -> Iterator[tuple[Page, dict[str, list]]]:
    """Debian Chromium on the served app (with the sign-in cookie when a token is given), recording requests,
    dialogs and websocket frames; afterwards, no dialog opened and no request left this host."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    seen: dict[str, list] = {"requests": [], "dialogs": [], "frames": []}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS, timeout=60_000)
        try:
            context = browser.new_context(viewport={"width": 1440, "height": 1100}, locale="zh-CN")
            if token:
                context.add_cookies([{"name": "xiaoan_token", "value": token, "url": served, "sameSite": "Strict"}])
            page = context.new_page()
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
