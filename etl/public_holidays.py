"""China's public holidays and make-up workdays from the chinese-calendar package, as holiday rows."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable

import sqlalchemy as sa
from chinese_calendar import constants

from db import clock
from db.errors import XiaoAnError
from db.sql import query

NAMES = {"New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节", "Labour Day": "劳动节",
         "Dragon Boat Festival": "端午节", "National Day": "国庆节", "Mid-autumn Festival": "中秋节",
         "Anti-Fascist 70th Day": "抗战胜利70周年纪念日"}


class UnknownYear(XiaoAnError):
    """A year the installed chinese-calendar has no official schedule for."""


def known_years() -> range:
    """The years chinese-calendar has the State Council's schedule for."""
    return range(min(constants.holidays).year, max(constants.holidays).year + 1)


def official_days(years: Iterable[int]) -> list[tuple[dt.date, str, str]]:
    """(day, 'holiday' or 'workday', Chinese name) for the given years, in date order."""
    years = set(years)
    missing = sorted(years - set(known_years()))
    if missing:
        raise UnknownYear(f"chinese-calendar knows the holidays of {known_years().start}–"
                          f"{known_years().stop - 1}, not {', '.join(map(str, missing))}; "
                          "load a holidays file (日期, 类型, 名称) for those years")
    rows = [(day, "holiday", NAMES.get(name, name)) for day, name in constants.holidays.items()]
    rows += [(day, "workday", f"{NAMES.get(name, name)}调休上班") for day, name in constants.workdays.items()]
    return sorted(row for row in rows if row[0].year in years)


def fill_holidays(engine: sa.Engine, years: Iterable[int]) -> int:
    """Insert the official days of the years that the holiday table lacks; loaded days win. Returns the count."""
    days = official_days(years)
    with engine.begin() as conn:
        inserted = conn.execute(query("fill_holidays"), {
            "days": [d for d, _, _ in days], "kinds": [k for _, k, _ in days], "names": [n for _, _, n in days]})
        return len(inserted.all())


def main(argv: list[str]) -> int:
    """`python -m etl.public_holidays 2025 2026`: fill the holidays of those years into the database."""
    from db.engine import database_url, make_engine

    years = [int(a) for a in argv] or [clock.today().year]
    count = fill_holidays(make_engine(database_url()), years)
    print(f"{count} public holiday(s) and make-up workday(s) added for {', '.join(map(str, years))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
