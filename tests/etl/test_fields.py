"""Cell parsers say what they expected."""

import datetime as dt

import pytest

from etl import fields


@pytest.mark.parametrize("text", ["2021-05-31", "2021/5/31", "2021年5月31日", "44347"])
def test_dates_in_every_written_form(text):
    assert fields.date(text) == dt.date(2021, 5, 31)


def test_bad_values_say_what_was_expected():
    with pytest.raises(ValueError, match="whole number"):
        fields.count("很多")
    with pytest.raises(ValueError, match="whole number"):
        fields.count("-3")
    with pytest.raises(ValueError, match="是 or 否"):
        fields.flag("也许")
    with pytest.raises(ValueError, match="no such day"):
        fields.date("2021-02-30")


def test_counts_and_flags():
    assert fields.count("1,320") == 1320
    assert [fields.flag(w) for w in ("是", "否", "有", "无", "Y", "0", "√")] == [
        True, False, True, False, True, False, True]
