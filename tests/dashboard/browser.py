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
from playwright.sync_api import ConsoleMessage, Page, Response, sync_playwright

from dashboard.frame import nav

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
# Streamlit's frontend, opened on a page's own URL (/gaps?…), first takes that path for the server's base URL
# (getPossibleBaseUris in its bundled static/js/index.*.js: "/gaps", then "/"): it asks /gaps/_stcore/health and
# /gaps/_stcore/host-config, which Streamlit answers 404 on purpose (_RESERVED_STATIC_PATH_SUFFIXES in
# streamlit/web/server/starlette/starlette_static_routes.py) so that it falls back to "/". No config option
# changes the guess; only window.__streamlit.BACKEND_BASE_URL would, and Streamlit's index.html never sets it.
# Those two 404s on a page's path, and Chromium's console line for each, are the only failures allowed.
PAGE_PATHS = "|".join(key for key, _ in nav.PAGES if key != "overview")
BASE_URL_GUESS = re.compile(rf"^https?://[^/]+/(?:{PAGE_PATHS})/_stcore/(?:health|host-config)$")
NOT_FOUND = "Failed to load resource: the server responded with a status of 404 (Not Found)"
# What chromium records, by page, for settle to check.
SEEN: dict[Page, dict[str, list]] = {}
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


def _bad_response(response: Response) -> bool:
    """An HTTP error other than Streamlit's base-URL guess."""
    return response.status >= 400 and not (response.status == 404 and BASE_URL_GUESS.match(response.url))


def _bad_console(message: ConsoleMessage) -> bool:
    """A console error other than Chromium's line about Streamlit's base-URL guess."""
    return message.type == "error" and not (
        message.text == NOT_FOUND and BASE_URL_GUESS.match(message.location.get("url", "")))


def _cancelled(url: str, failure: str | None) -> bool:
    """A request of this host the browser itself cancelled (a reload drops the chunks still loading): not a failure.

    A file really missing answers 404 (caught as an HTTP error), and every request leaving the host is caught by
    off_host whatever became of it.
    """
    return failure == "net::ERR_ABORTED" and not off_host([url])


def watch(page: Page, failures: list[str]) -> None:
    """Record on failures every failed request, HTTP status >= 400, console error and uncaught exception."""
    page.on("requestfailed", lambda r: _cancelled(r.url, r.failure) or failures.append(
        f"{page.url}: {r.method} {r.url} failed: {r.failure}"))
    page.on("response", lambda r: _bad_response(r) and failures.append(f"{page.url}: {r.status} {r.url}"))
    page.on("console", lambda m: _bad_console(m) and failures.append(
        f"{page.url}: console error {m.text} at {m.location.get('url')}"))
    page.on("pageerror", lambda e: failures.append(f"{page.url}: uncaught {e}"))


def assert_clean(seen: dict[str, list]) -> None:
    """No failed request, HTTP error or console error so far, and no request left this host."""
    assert not seen["failures"], seen["failures"]
    assert not off_host(seen["requests"]), off_host(seen["requests"])


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
    """Wait for the run to end and for deck.gl and Vega to draw (SwiftShader is slow); nothing failed so far."""
    page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)
    page.wait_for_timeout(3_000)
    assert_clean(SEEN[page])


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
    """Chromium on the served app (signed in with token), recording; settle and the end check nothing failed."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    seen: dict[str, list] = {"requests": [], "failures": [], "dialogs": [], "frames": []}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS, timeout=60_000)
        page = None
        try:
            context = browser.new_context(viewport={"width": 1440, "height": 1100}, locale="zh-CN")
            if token:
                context.add_cookies([{"name": "xiaoan_token", "value": token, "url": served, "sameSite": "Strict"}])
            page = context.new_page()
            page.set_default_timeout(30_000)
            SEEN[page] = seen
            page.on("request", lambda r: seen["requests"].append(r.url))
            watch(page, seen["failures"])
            page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
            page.on("websocket", lambda ws: ws.on(
                "framereceived", lambda p: seen["frames"].append(p if isinstance(p, bytes) else p.encode())))
            yield page, seen
            page.wait_for_timeout(1_000)  # late events of the last page
        finally:
            SEEN.pop(page, None)
            browser.close()
    assert not seen["dialogs"], seen["dialogs"]
    assert seen["requests"]
    assert_clean(seen)
