"""URL parameter parsing and the text catalogue (pure)."""

from __future__ import annotations

import pytest

from dashboard.frame.sidebar import parse_counties
from db.models.base import SCHOOL_TYPES
from texts import CATALOGUE, county_label, language, t, translator, type_label

VALID = ["533301", "533323", "533324", "533325"]


@pytest.mark.parametrize(("values", "expected"), [
    ([], []),
    (["533301"], ["533301"]),
    (["533301", "533325"], ["533301", "533325"]),
    (["533301,533325"], ["533301", "533325"]),
    ([" 533323 , 533301", "533323"], ["533323", "533301"]),
    (["999999", "abc", "", ",,", "533301' OR 1=1"], []),
    (["533324", "x", "533324,533301"], ["533324", "533301"]),
])
def test_parse_counties(values: list[str], expected: list[str]) -> None:
    assert parse_counties(values, VALID) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("en", "en"), ("EN ", "en"), ("zh", "zh"), ("fr", "zh"), ("", "zh"), (None, "zh"), (["en"], "zh"),
])
def test_language(value: object, expected: str) -> None:
    assert language(value) == expected


def test_default_language_can_be_english() -> None:
    assert language(None, "en") == "en"
    assert language(None, "klingon") == "zh"


def test_catalogue_is_complete_in_both_languages() -> None:
    for key, texts in CATALOGUE.items():
        assert len(texts) == 2 and all(texts), key
    for kind in SCHOOL_TYPES:
        assert f"type.{kind}" in CATALOGUE


def test_lookups() -> None:
    assert t("metric.schools", "zh") == "学校总数"
    assert translator("en")("metric.schools") == "Schools"
    assert t("no.such.key", "en") == "no.such.key"
    assert type_label("九年一贯制", "en") == "Nine-year school"
    assert type_label("夜校", "en") == "夜校"
    row = {"name_zh": "泸水市", "name_en": "Lushui"}
    assert county_label(row, "zh") == "泸水市" and county_label(row, "en") == "Lushui"
    assert county_label({"county_zh": "福贡县", "county_en": None}, "en") == "福贡县"
