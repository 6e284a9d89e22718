"""Pure pieces of the exports: Chinese dates and sentences, wrapping, scale bars, framing, hexagon sizes."""

import datetime as dt

import pytest

from dashboard.exports import geo, legend, maps, sentences
from dashboard.maps import viewport
from tests.exports import fixture as fx

ZERO = {k: 0 for k in ("officer_times", "vehicle_times", "inspections", "legal_education", "drills", "flyers",
                       "participants", "campus_found", "surrounding_found")}


def test_chinese_period_repeats_the_year_only_when_it_changes():
    assert sentences.cn_period(fx.P_FROM, fx.P_TO) == "2025年3月3日至3月16日"
    assert sentences.cn_period(dt.date(2025, 12, 1), dt.date(2026, 1, 31)) == "2025年12月1日至2026年1月31日"


def test_work_sentence_leaves_out_what_was_not_done():
    figures = {**ZERO, "officer_times": 5, "drills": 2}
    assert sentences.work_sentence(figures, "福贡县", fx.P_FROM, fx.P_TO) == (
        "2025年3月3日至3月16日，福贡县公安机关共出动警力5人次；组织应急演练2次。")
    assert sentences.work_sentence(ZERO, "全州", fx.P_FROM, fx.P_TO).endswith("在本系统中没有工作开展记录。")


def test_wrap_counts_cjk_as_two_columns():
    assert legend.wrap("一二三四五六", 6) == "一二三\n四五六"
    assert legend.wrap("ab cd 一二", 6) == "ab cd\n一二"
    assert legend.wrap("a patrol path within", 12) == "a patrol\npath within"


@pytest.mark.parametrize(("span", "length"), [(1_000, 1_000), (33_000, 20_000), (49_999, 20_000), (72_000, 50_000),
                                              (120, 100)])
def test_scale_bar_lengths_are_round(span, length):
    assert viewport.nice_length(span) == length


def test_fit_box_keeps_the_area_and_takes_the_frame_ratio():
    box = geo.fit_box((0, 0, 100, 300), aspect=1.0, margin=0)
    assert box == (-100, 0, 200, 300)


def test_true_north_is_grid_north_on_the_central_meridian_and_turns_away_from_it():
    on = geo.to_utm([99.0], [26.0])[0]
    west = geo.to_utm([98.0], [26.0])[0]
    assert abs(geo.true_north(*on)) < 0.01
    assert abs(abs(geo.true_north(*west)) - 0.44) < 0.03  # |Δλ · sin φ| = 1° · sin 26°


def test_hexagons_grow_with_the_map():
    assert maps.hex_size((0, 0, 300_000, 330_000)) == 5000
    assert maps.hex_size((0, 0, 60_000, 100_000)) == 2000
    assert maps.hex_size((0, 0, 5_000, 5_000)) == 1000
