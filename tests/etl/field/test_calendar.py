"""The calendar: terms and holidays files, official holidays from chinese-calendar, school days."""

import datetime as dt

import pytest
import sqlalchemy as sa

from db.sql import query
from etl.public_holidays import UnknownYear, fill_holidays, official_days
from tests.etl.field.conftest import FIELD, load, reasons, rows


def school_days(engine, start, end):
    with engine.connect() as conn:
        return conn.execute(query("school_days"), {"date_from": start, "date_to": end}).scalars().all()


def test_a_terms_file(engine):
    result = load(engine, "calendar", FIELD / "terms.csv")
    assert reasons(result) == {(4, "date logic")}
    assert rows(engine, "SELECT name, starts_on, ends_on FROM school_term ORDER BY starts_on") == [
        ("2025-2026学年第一学期", dt.date(2025, 9, 1), dt.date(2026, 1, 16)),
        ("2025-2026学年第二学期", dt.date(2026, 3, 2), dt.date(2026, 7, 10))]


def test_a_holidays_file(engine):
    result = load(engine, "calendar", FIELD / "holidays.csv")
    assert reasons(result) == {(4, "date logic"), (5, "duplicate key inside the file")}
    assert "2026-02-18 is a weekday" in next(r.reason for r in result.report.rejects if r.row == 4)
    assert rows(engine, "SELECT day, kind, name FROM holiday ORDER BY 1") == [
        (dt.date(2026, 2, 14), "workday", "春节调休上班"), (dt.date(2026, 2, 16), "holiday", "春节")]


def test_a_file_that_is_neither_loads_nothing(engine, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("名称,备注\n春节,\n", encoding="utf-8")
    result = load(engine, "calendar", path)
    assert result.status == "failed" and "neither a terms file" in result.message


def test_official_days_from_chinese_calendar(engine):
    days = {d: (k, n) for d, k, n in official_days([2025])}
    assert days[dt.date(2025, 10, 1)] == ("holiday", "国庆节")
    assert days[dt.date(2025, 9, 28)] == ("workday", "国庆节调休上班")
    assert all(d.year == 2025 for d in days)
    with pytest.raises(UnknownYear, match="load a holidays file"):
        official_days([1999])


def test_filling_holidays_keeps_loaded_days(engine):
    load(engine, "calendar", FIELD / "holidays.csv")
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE holiday SET name = '本地名称' WHERE day = '2026-02-16'"))
    added = fill_holidays(engine, [2026])
    assert added == len([d for d, _, _ in official_days([2026]) if d not in {dt.date(2026, 2, 14),
                                                                                dt.date(2026, 2, 16)}])
    assert rows(engine, "SELECT name FROM holiday WHERE day = '2026-02-16'") == [("本地名称",)]
    assert fill_holidays(engine, [2026]) == 0


def test_school_days_with_the_default_terms(engine):
    fill_holidays(engine, [2025, 2026])
    days = set(school_days(engine, dt.date(2025, 8, 25), dt.date(2026, 7, 20)))
    assert dt.date(2025, 8, 29) not in days and dt.date(2025, 9, 1) in days  # autumn term from 1 Sep
    assert dt.date(2025, 9, 6) not in days  # a Saturday
    assert dt.date(2025, 10, 1) not in days and dt.date(2025, 10, 8) not in days  # National Day holidays
    assert dt.date(2025, 9, 28) in days  # a Sunday made a workday for National Day
    assert dt.date(2026, 1, 15) in days and dt.date(2026, 1, 16) not in days  # autumn term to 15 Jan
    assert dt.date(2026, 2, 14) not in days  # a make-up Saturday in the winter holidays is not a school day
    assert dt.date(2026, 3, 2) in days and dt.date(2026, 7, 10) in days and dt.date(2026, 7, 13) not in days


def test_loaded_terms_replace_the_default(engine):
    load(engine, "calendar", FIELD / "terms.csv")
    days = school_days(engine, dt.date(2026, 1, 12), dt.date(2026, 3, 6))
    assert days == [dt.date(2026, 1, d) for d in (12, 13, 14, 15, 16)] + [dt.date(2026, 3, d) for d in range(2, 7)]
    assert school_days(engine, dt.date(2025, 6, 2), dt.date(2025, 6, 6)) == []  # default spring 2025: gone
