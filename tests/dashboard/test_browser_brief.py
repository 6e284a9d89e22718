"""Brief mode as a 1920 × 1080 slide, and the export buttons, in Debian Chromium (nothing fetched off-host)."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import openpyxl
import pytest
from PIL import Image
from playwright.sync_api import Page

from tests.dashboard import fixture_data as fx
from tests.dashboard.browser import SHOTS, open_page, settle

PERIOD = f"from={fx.P_FROM.isoformat()}&to={fx.P_TO.isoformat()}"
SLIDE = {"width": 1920, "height": 1080}
BRIEF_PAGES = [("/", "overview"), ("/gaps", "gaps"), ("/hotspots", "hotspots"), ("/signs", "signs")]


def ink_in_scale_bar_band(canvas_png: bytes) -> int:
    """Near-black pixels where the scale bar is drawn: a band 30–42 px above the map's bottom-left corner."""
    image = Image.open(io.BytesIO(canvas_png)).convert("RGB")
    w, h = image.size
    band = image.crop((20, h - 44, 20 + int(w * 0.25), h - 28))
    return sum(1 for r, g, b in band.get_flattened_data() if max(r, g, b) < 60)


@pytest.mark.browser
def test_brief_mode_fills_a_slide(served: str, browser_page: tuple[Page, dict[str, list]]) -> None:
    """No sidebar or toolbar; title with county, period and data time; map, legend and scale bar within 1080."""
    page, _ = browser_page
    page.set_viewport_size(SLIDE)
    for path, name in BRIEF_PAGES:
        page.goto(f"{served}{path}?{PERIOD}&county=533301&brief=1", wait_until="domcontentloaded")
        title = page.locator("h1.xa-brief")
        title.wait_for(state="visible")
        page.locator('[data-testid="stDeckGlJsonChart"] canvas').first.wait_for(state="visible")
        settle(page)
        assert page.locator('[data-testid="stException"]').count() == 0, path
        sub = page.locator("p.xa-brief-sub").inner_text()
        assert "泸水市" in sub and f"{fx.P_FROM} 至 {fx.P_TO}" in sub and "数据截至" in sub, sub
        assert not page.locator('[data-testid="stSidebar"]').is_visible()
        assert not page.locator('[data-testid="stHeader"]').is_visible()
        assert not page.locator('[data-testid="stToolbar"]').is_visible()
        canvas = page.locator('[data-testid="stDeckGlJsonChart"] canvas').first
        box, legend = canvas.bounding_box(), page.locator("table.xa-legend").first.bounding_box()
        assert box and legend and box["y"] + box["height"] <= SLIDE["height"], (path, box)
        assert legend["y"] + legend["height"] <= SLIDE["height"] and legend["x"] > box["x"] + box["width"] - 5
        assert box["width"] >= 1200, box
        assert ink_in_scale_bar_band(canvas.screenshot()) > 40, path
        shot = page.screenshot(path=str(SHOTS / f"brief_{name}.png"))
        assert Image.open(io.BytesIO(shot)).size == (1920, 1080)


@pytest.mark.browser
def test_export_buttons_download_real_files(served: str, browser_page: tuple[Page, dict[str, list]]) -> None:
    """The sidebar's export buttons make a PNG map, a Word brief and an Excel work list on click."""
    page, _ = browser_page
    open_page(page, f"{served}/gaps?{PERIOD}&county=533301", "覆盖缺口 · 挂钩民警与高峰见警")
    page.locator('[data-testid="stSidebar"]').get_by_text("导出", exact=True).click()
    files = {}
    for label in ("本页地图（PNG）", "工作简报（Word）", "工作清单（Excel）"):
        with page.expect_download(timeout=120_000) as info:
            page.get_by_role("button", name=label).click()
        files[label] = (info.value.suggested_filename, Path(info.value.path()).read_bytes())
    name, png = files["本页地图（PNG）"]
    assert name == f"xiaoan_533301_{fx.P_FROM}_{fx.P_TO}_gaps.png"
    assert Image.open(io.BytesIO(png)).size[0] > 1500
    name, raw = files["工作简报（Word）"]
    brief = docx.Document(io.BytesIO(raw))
    assert name.endswith("_brief.docx") and "泸水市" in brief.paragraphs[0].text and brief.tables
    assert brief.inline_shapes, "the brief holds the maps"
    name, raw = files["工作清单（Excel）"]
    book = openpyxl.load_workbook(io.BytesIO(raw))
    assert name.endswith("_signs.xlsx") and len(book.sheetnames) >= 2
    assert page.locator('[data-testid="stException"]').count() == 0


@pytest.mark.browser
def test_sign_in_in_chromium_survives_a_reload(served: str, signed_out_page: tuple[Page, dict[str, list]]) -> None:
    """The sign-in form, a wrong and a right password; the cookie keeps the sign-in across a reload."""
    page, _ = signed_out_page
    page.goto(f"{served}/?{PERIOD}", wait_until="domcontentloaded")
    page.get_by_text("校安图 · 登录", exact=True).wait_for(state="visible")
    settle(page)
    page.get_by_label("用户名").fill("lushui")
    page.get_by_label("密码").fill("not-the-password")
    page.get_by_role("button", name="登录").click()
    page.get_by_text("用户名或密码不正确，或账号已停用。").wait_for(state="visible")
    page.get_by_label("密码").fill("test-password")
    page.get_by_role("button", name="登录").click()
    page.get_by_text("校安图 · 学校安全总览", exact=True).wait_for(state="visible")
    settle(page)
    page.reload(wait_until="domcontentloaded")
    page.get_by_text("校安图 · 学校安全总览", exact=True).wait_for(state="visible")
    settle(page)
    assert page.get_by_text("已登录：lushui（县（市）业务人员）").is_visible()
    assert "xiaoan_token" not in page.url and "test-password" not in page.content()
    shoot_name = SHOTS / "signed_in_planner.png"
    page.screenshot(path=str(shoot_name))


@pytest.mark.browser
def test_sign_out_in_chromium_clears_the_cookie(served: str, browser_page: tuple[Page, dict[str, list]]) -> None:
    """After signing out, a reload shows the sign-in form again: the cookie is gone."""
    page, _ = browser_page
    open_page(page, f"{served}/?{PERIOD}", "校安图 · 学校安全总览")
    page.get_by_role("button", name="退出登录").click()
    page.get_by_text("校安图 · 登录", exact=True).wait_for(state="visible")
    page.wait_for_function("!document.cookie.includes('xiaoan_token=')", timeout=10_000)
    page.reload(wait_until="domcontentloaded")
    page.get_by_text("校安图 · 登录", exact=True).wait_for(state="visible")
    settle(page)
