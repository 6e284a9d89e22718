"""Number formats, markdown escaping and period parsing (pure)."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.analysis import fmt
from dashboard.frame.filters import MAX_DAYS, Filters, parse_date, parse_period
from dashboard.frame.urlstate import encode, parse_list
from texts import CATALOGUE, PARTS, label, short_county

D = dt.date
LATEST = D(2026, 12, 31)
DEFAULT_TO = D(2025, 3, 16)


@pytest.mark.parametrize(("value", "shown"), [(0, "0"), (1234, "1,234"), (1234567.4, "1,234,567"), (None, "—"),
                                              (float("nan"), "—"), ("x", "—")])
def test_counts(value: object, shown: str) -> None:
    assert fmt.num(value) == shown


def test_shares_and_changes() -> None:
    assert fmt.pct(0.875) == "87.5%" and fmt.pct(1) == "100.0%" and fmt.pct(None) == "—"
    assert fmt.delta_count(5, 3) == "+2" and fmt.delta_count(3, 5) == "-2" and fmt.delta_count(2, 2) == "0"
    assert fmt.delta_count(1500, 200) == "+1,300" and fmt.delta_count(None, 2) is None
    assert fmt.delta_rate(7 / 9, 6 / 9, "zh") == "+11.1 个百分点" and fmt.delta_rate(0.5, 0.5, "en") == "0.0 pp"
    assert fmt.delta_rate(None, 0.5, "zh") is None
    assert fmt.metres(300.4) == "300 m" and fmt.day(D(2025, 3, 4)) == "2025-03-04" and fmt.day(None) == "—"


def test_markdown_escape_keeps_text_literal() -> None:
    assert fmt.md("<img src=x onerror=alert(1)>") == r"\<img src=x onerror=alert\(1\)\>"
    assert fmt.md("**bold** [link](javascript:x) `code`\nnext") == (
        r"\*\*bold\*\* \[link\]\(javascript\:x\) \`code\` next")


@pytest.mark.parametrize(("raw_from", "raw_to", "expected"), [
    ("2025-03-03", "2025-03-16", (D(2025, 3, 3), D(2025, 3, 16))),
    (None, None, (D(2025, 2, 15), DEFAULT_TO)),
    ("2025-03-16", "2025-03-03", (D(2025, 3, 3), D(2025, 3, 16))),
    ("garbage", "2025-01-31", (D(2025, 1, 2), D(2025, 1, 31))),
    ("2025-01-01", "'; DROP", (D(2025, 1, 1), DEFAULT_TO)),
    ("2014-12-31", "2099-01-01", (D(2025, 2, 15), DEFAULT_TO)),
    ("2025-06-01", None, (D(2025, 6, 1), D(2025, 6, 30))),
    ("2016-01-01", "2025-03-16", (DEFAULT_TO - dt.timedelta(days=MAX_DAYS - 1), DEFAULT_TO)),
])
def test_period_parsing(raw_from: object, raw_to: object, expected: tuple[dt.date, dt.date]) -> None:
    assert parse_period(raw_from, raw_to, DEFAULT_TO, LATEST) == expected


def test_dates_and_filters() -> None:
    assert parse_date("2025-02-30", LATEST) is None and parse_date(["2025-01-01"], LATEST) is None
    f = Filters(("533301",), D(2025, 3, 3), D(2025, 3, 16), ("小学",))
    assert f.previous == (D(2025, 2, 17), D(2025, 3, 2))
    assert f.county_arg == ["533301"] and Filters((), D(2025, 1, 1), D(2025, 1, 1)).county_arg is None
    assert f.keeps("小学") and not f.keeps("高中") and Filters((), f.date_from, f.date_to).keeps("高中")


def test_url_lists_and_encoding() -> None:
    assert parse_list(["小学,高中", "夜校", "小学"], ["小学", "高中"]) == ["小学", "高中"]
    assert encode([D(2025, 1, 2), "x"]) == ["2025-01-02", "x"] and encode(D(2025, 1, 2)) == "2025-01-02"


def test_catalogue_parts_do_not_collide_and_labels() -> None:
    assert sum(len(part) for part in PARTS) == len(CATALOGUE), "a key is defined in two catalogue parts"
    assert label("hazard_status", "open", "en") == "Open" and label("hazard_status", "weird", "zh") == "weird"
    assert short_county("兰坪白族普米族自治县") == "兰坪县" and short_county("泸水市") == "泸水市"


def test_a_clicked_school_is_found_in_any_layer_and_nothing_else_is() -> None:
    from dashboard.frame.page import picked_school

    assert picked_school({"objects": {"patrol-paths": [{"title": "V1"}], "schools": [{"school_code": "S1"}]}}) == "S1"
    assert picked_school({"objects": {"hazards": [{"title": "x"}]}, "indices": {}}) is None
    assert picked_school({"objects": {"schools": [{"school_code": ""}, "junk"]}}) is None
    assert picked_school(None) is None and picked_school({}) is None
