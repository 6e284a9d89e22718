"""The one clock: Nujiang's now and today, whatever the machine's zone."""

import datetime as dt

import time_machine

from db import clock
from db.settings import get_settings

UTC = dt.UTC


def test_today_is_nujiangs_while_the_utc_date_is_a_day_behind():
    with time_machine.travel(dt.datetime(2026, 12, 6, 22, 30, tzinfo=UTC), tick=False):
        assert dt.datetime.now(UTC).date() == dt.date(2026, 12, 6)
        assert clock.today() == dt.date(2026, 12, 7)
        assert clock.now().isoformat() == "2026-12-07T06:30:00+08:00"


def test_after_eight_local_time_both_agree():
    with time_machine.travel(dt.datetime(2026, 12, 7, 3, 0, tzinfo=UTC), tick=False):
        assert clock.today() == dt.date(2026, 12, 7) and clock.now().hour == 11


def test_the_zone_is_a_setting(monkeypatch):
    monkeypatch.setenv("XIAOAN_TIMEZONE", "Europe/London")
    get_settings.cache_clear()
    try:
        with time_machine.travel(dt.datetime(2026, 12, 6, 22, 30, tzinfo=UTC), tick=False):
            assert clock.today() == dt.date(2026, 12, 6)
    finally:
        get_settings.cache_clear()


def test_end_of_a_day_is_the_next_local_midnight():
    assert clock.end_of(dt.date(2026, 12, 7)) == dt.datetime(2026, 12, 7, 16, 0, tzinfo=UTC)
