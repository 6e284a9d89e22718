"""The 车辆测算 and 一周轮巡 tabs' data: sizing of the scope (nothing stored), a stored weekly rota, making one."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa
import streamlit as st

from dashboard.exports import week_cards
from dashboard.reads import core
from dashboard.reads.core import TTL_S, VIEW_ENTRIES
from dashboard.views.plan import data as plan_data
from db.analytics import reports
from db.errors import PlanError, XiaoAnError
from db.settings import get_settings
from patrol.inputs import Scope
from patrol.rota import StoredWeek, make_week, read_week
from patrol.sizing import CountySizing, sizing

WEEK_TIME_S = 4.0  # solver seconds a rota day on the page (README: the bench's week, about 22 s for the demo)


@dataclass(frozen=True)
class Sized:
    """Sizing of the scope's counties (nothing stored), with the names of the units and schools it names."""

    counties: tuple[CountySizing, ...]
    units: dict[str, str]  # unit_code → unit name
    schools: dict[str, str]  # school_code → school name, of the schools beyond reach


def sized(scope: Scope) -> Sized:
    """The scope's sizing through the user's own connection (cached per user and scope: it takes up to a minute).

    A PlanError (not a school day, no roads …) goes on, for the page to say in the user's language."""
    try:
        return _sized(core.reader(), scope.on, scope.window, scope.counties, scope.dwell_min)
    except PlanError:
        raise
    except (sa.exc.SQLAlchemyError, XiaoAnError, OSError) as exc:
        raise core.DataUnavailable(core.failure(exc)) from exc


@st.cache_data(ttl=TTL_S, max_entries=VIEW_ENTRIES, show_spinner=False)
def _sized(reader: core.Reader, on: dt.date, window: str, counties: tuple[str, ...] | None, dwell_min: int
           ) -> Sized:
    """sized() of the reader's user."""
    scope = Scope(on, window, counties, dwell_min)
    with core.connect(reader) as conn:
        found = sizing(conn, scope, get_settings())
        units = reports.frame(conn, "plan_units", counties=scope.county_arg)
        beyond = reports.frame(conn, "plan_school_names", codes=[u.school_code for c in found for u in c.beyond])
    return Sized(tuple(found), dict(zip(units["unit_code"], units["unit_name"], strict=True)),
                 dict(zip(beyond["school_code"], beyond["school_name"], strict=True)))


@dataclass(frozen=True)
class Week:
    """A stored weekly rota as the tab shows it: the week read back, its grid in words, its route cards."""

    week: StoredWeek
    grid: pd.DataFrame
    xlsx: bytes


def week(first: dt.date, window: str, county: str | None, lang: str) -> Week:
    """The newest stored rota from `first` for the window and county (None: the prefecture), cached per user."""
    return core.run(_week, first, window, county, lang)


@st.cache_data(ttl=TTL_S, max_entries=VIEW_ENTRIES, show_spinner=False)
def _week(reader: core.Reader, first: dt.date, window: str, county: str | None, lang: str) -> Week:
    """week() of the reader's user."""
    with core.connect(reader) as conn:
        stored = read_week(conn, first, window, county)
    book = io.BytesIO()
    if stored.plans:
        week_cards.write_xlsx(stored, book, lang)
    return Week(stored, week_cards.grid_table(stored, lang), book.getvalue())


def make_rota(first: dt.date, window: str, counties: tuple[str, ...] | None, dwell_min: int, made_by: str
              ) -> list[int]:
    """Make and store a weekly rota through the user's own connection; its plan ids in day order."""
    try:
        with core.connect(core.reader()) as conn:
            made = make_week(conn, first, window, counties, dwell_min, made_by, get_settings(),
                             time_limit_s=WEEK_TIME_S)
    except (sa.exc.SQLAlchemyError, OSError) as exc:  # a PlanError goes on: the page says what is missing
        raise core.DataUnavailable(core.failure(exc)) from exc
    _week.clear()
    plan_data.clear_stored()
    return [d.plan_id for d in made.days]
