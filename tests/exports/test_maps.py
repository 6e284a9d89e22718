"""Print maps: Chinese in Noto Sans CJK SC with no missing glyph, true scale in UTM 47N, a golden image.

Regenerate the golden image after an intended change of the map with XIAOAN_REGEN_GOLDEN=1 (then look at it).
"""

import io
import logging
import os
import re
import warnings
from pathlib import Path

import numpy as np
import pytest
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from PIL import Image

from dashboard.exports import fonts, maps
from db.errors import MissingSoftware
from tests.exports import fixture as fx

GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "exports" / "overview_zh_80dpi.png"
GOLDEN_DPI = 80
MEAN_TOLERANCE = 1.5  # mean absolute difference per channel, 0–255
PIXEL_TOLERANCE = 0.005  # share of pixels differing by more than 64 in some channel


def font_family(text: Text) -> str:
    """The family of the font file matplotlib draws this text with."""
    return font_manager.get_font(font_manager.findfont(text.get_fontproperties(), fallback_to_default=False)
                                 ).family_name


def render(fig: Figure, dpi: int, caplog: pytest.LogCaptureFixture) -> tuple[bytes, list[str]]:
    """The PNG and every glyph or font warning raised while drawing it."""
    with warnings.catch_warnings(record=True) as caught, caplog.at_level(logging.WARNING, "matplotlib"):
        warnings.simplefilter("always")
        png = maps.png(fig, dpi)
    messages = [str(w.message) for w in caught] + [r.getMessage() for r in caplog.records]
    return png, [m for m in messages if re.search(r"missing from font|findfont|Glyph", m)]


def test_every_text_is_drawn_in_noto_sans_cjk_sc_with_no_glyph_missing(conn, caplog):
    fig = maps.draw_map(conn, "overview", None, fx.P_FROM, fx.P_TO, "zh")
    texts = [t for t in fig.findobj(Text) if t.get_text().strip()]
    assert any("学校综合状况分布图" in t.get_text() for t in texts) and len(texts) > 20
    assert {font_family(t) for t in texts} == {fonts.FAMILY}
    _, problems = render(fig, 60, caplog)
    assert problems == []


def test_the_glyph_check_catches_a_character_the_font_lacks(caplog):
    with fonts.drawing():
        fig = Figure()
        fig.text(0.5, 0.5, "学校 😀")
    _, problems = render(fig, 30, caplog)
    assert problems and "Noto Sans CJK SC" in problems[0]


def test_a_missing_font_is_a_clear_error_naming_the_debian_package():
    with pytest.raises(MissingSoftware, match="fonts-noto-cjk"):
        fonts.cjk_font("No Such Font CJK")
    assert font_manager.get_font(fonts.cjk_font()).family_name == fonts.FAMILY


def test_the_map_is_in_utm_metres_and_its_scale_bar_is_true(conn):
    fig = maps.draw_map(conn, "signs", ["533301"], fx.P_FROM, fx.P_TO, "en")
    ax = fig.axes[0]
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    six = conn.exec_driver_sql("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT "
                               "ST_Extent(ST_Transform(geom, 32647)) e FROM county WHERE adcode = '533301') q").one()
    assert x0 < six[0] < six[2] < x1 and y0 < six[1] < six[3] < y1
    width_px, height_px = ax.get_window_extent().width, ax.get_window_extent().height
    assert abs((x1 - x0) / width_px - (y1 - y0) / height_px) < 1e-6 * (x1 - x0)  # equal scale both ways
    bar = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_zorder() == 30]
    label = next(t.get_text() for t in ax.texts if t.get_text().endswith(" km"))
    assert len(bar) == 4 and sum(p.get_width() for p in bar) == pytest.approx(float(label.split()[0]) * 1000)
    assert any(t.get_text() == "N" for t in ax.texts)


@pytest.mark.parametrize("view", maps.VIEWS)
def test_each_view_renders_an_a4_landscape_png(conn, view):
    png = maps.render_map(conn, view, None, fx.P_FROM, fx.P_TO, "zh", dpi=50)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size == (int(11.69 * 50), int(8.27 * 50))


def test_unknown_view_is_an_error(conn):
    with pytest.raises(ValueError, match="unknown map view"):
        maps.render_map(conn, "weather", None, fx.P_FROM, fx.P_TO)


def test_overview_matches_the_golden_image(conn):
    png = maps.render_map(conn, "overview", None, fx.P_FROM, fx.P_TO, "zh", dpi=GOLDEN_DPI)
    if os.environ.get("XIAOAN_REGEN_GOLDEN"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_bytes(png)
    assert GOLDEN.is_file(), f"no golden image: run with XIAOAN_REGEN_GOLDEN=1 to write {GOLDEN}"
    now = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)
    then = np.asarray(Image.open(GOLDEN).convert("RGB"), dtype=np.int16)
    assert now.shape == then.shape
    diff = np.abs(now - then)
    assert diff.mean() < MEAN_TOLERANCE, f"mean difference {diff.mean():.2f}"
    assert (diff.max(axis=2) > 64).mean() < PIXEL_TOLERANCE
