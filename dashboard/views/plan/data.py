"""The plan page's data: stored plans of a day, one plan with its map, making a plan, plans against the GPS,
sizing (车辆测算) and the weekly rota (一周轮巡)."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa
import streamlit as st

from dashboard.exports import compliance as check_tables
from dashboard.exports import route_cards, week_cards
from dashboard.maps import compliance as check_map
from dashboard.maps import layers
from dashboard.maps import plans as plan_map
from dashboard.maps.legend import Entry
from dashboard.reads import core, geography
from dashboard.reads.core import TTL_S, VIEW_ENTRIES
from db import plans
from db.analytics import compliance, reports
from db.errors import PlanError, XiaoAnError
from db.settings import get_settings
from patrol.inputs import Scope
from patrol.plan import make_plan
from patrol.rota import StoredWeek, make_week, read_week
from patrol.sizing import CountySizing, sizing

MAKERS = ("planner", "leader", "admin")
WEEK_TIME_S = 4.0  # solver seconds a rota day on the page (README: the bench's week, about 22 s for the demo)


@dataclass(frozen=True)
class Shown:
    """A stored plan as the page shows it: the header, its map and legend, tables, route cards."""

    plan: plans.StoredPlan
    map: layers.BuiltMap
    legend: tuple[Entry, ...]
    xlsx: bytes
    docx: bytes


def stored(on: dt.date, counties: tuple[str, ...] | None) -> list[plans.PlanHeader]:
    """The plans of a day the user may see, newest first (cached per user)."""
    return core.run(_stored, on, counties)


@st.cache_data(ttl=TTL_S, show_spinner=False)
def _stored(reader: core.Reader, on: dt.date, counties: tuple[str, ...] | None) -> list[plans.PlanHeader]:
    """stored() of the reader's user."""
    with core.connect(reader) as conn:
        return plans.plans(conn, on, counties)


def shown(plan_id: int, lang: str, size: tuple[int, int], style_url: str | None) -> Shown | None:
    """One plan with its map and route cards (cached per user); None when not there or not visible."""
    return core.run(_shown, plan_id, lang, size, style_url)


@st.cache_data(ttl=TTL_S, max_entries=VIEW_ENTRIES, show_spinner=False)
def _shown(reader: core.Reader, plan_id: int, lang: str, size: tuple[int, int], style_url: str | None
           ) -> Shown | None:
    """shown() of the reader's user."""
    with core.connect(reader) as conn:
        plan = plans.read_plan(conn, plan_id)
    if plan is None:
        return None
    with core.reading_as(reader):
        selected = [plan.header.county_adcode] if plan.header.county_adcode else []
        base = geography.basemap(core.counties(), selected)
    deck = layers.map_deck(base, plan_map.plan_layers(plan.routes, plan.stops, plan.uncovered, lang), selected,
                           lang, style_url, size=size)
    xlsx, docx = io.BytesIO(), io.BytesIO()
    route_cards.write_xlsx(plan, xlsx, lang)
    route_cards.write_docx(plan, docx, lang)
    return Shown(plan, layers.BuiltMap(deck.to_json()),
                 tuple(plan_map.plan_legend(plan.routes, plan.stops, plan.uncovered, lang)),
                 xlsx.getvalue(), docx.getvalue())


@dataclass(frozen=True)
class Checked:
    """Plans against the GPS over a date range as the tab shows it: the stops in force, map, legend, workbook."""

    stops: pd.DataFrame
    map: layers.BuiltMap
    legend: tuple[Entry, ...]
    xlsx: bytes


def checked(date_from: dt.date, date_to: dt.date, counties: tuple[str, ...] | None, lang: str,
            size: tuple[int, int], style_url: str | None) -> Checked:
    """The planned stops in force in the range with their check, mapped (cached per user)."""
    return core.run(_checked, date_from, date_to, counties, lang, size, style_url)


@st.cache_data(ttl=TTL_S, max_entries=VIEW_ENTRIES, show_spinner=False)
def _checked(reader: core.Reader, date_from: dt.date, date_to: dt.date, counties: tuple[str, ...] | None,
             lang: str, size: tuple[int, int], style_url: str | None) -> Checked:
    """checked() of the reader's user."""
    with core.connect(reader) as conn:
        stops = compliance.stops(conn, date_from, date_to, list(counties) if counties else None)
    with core.reading_as(reader):
        selected = list(counties or [])
        base = geography.basemap(core.counties(), selected)
    deck = layers.map_deck(base, check_map.compliance_layers(stops, lang), selected, lang, style_url, size=size)
    book = io.BytesIO()
    check_tables.write_xlsx(stops, book, lang)
    return Checked(stops, layers.BuiltMap(deck.to_json()), tuple(check_map.compliance_legend(stops, lang)),
                   book.getvalue())


def make(scope: Scope, made_by: str) -> int:
    """Make and store a plan through the user's own connection (row-level security decides what it may write)."""
    try:
        with core.connect(core.reader()) as conn:
            plan_id = make_plan(conn, scope, made_by, get_settings()).plan_id
    except (sa.exc.SQLAlchemyError, OSError) as exc:  # a PlanError goes on: the page says what is missing
        raise core.DataUnavailable(core.failure(exc)) from exc
    _stored.clear()
    return plan_id


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
    _stored.clear()
    return [d.plan_id for d in made.days]
