"""The overview's data: the analytics frames of a period, filtered to the chosen school types."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard import data, data_map, data_presence, data_reports, layers, metrics, statuses, tables
from dashboard.data import TTL_S, VIEW_ENTRIES
from dashboard.filters import Filters
from dashboard.legend import counts_by_type, legend_rows
from texts import label


@dataclass(frozen=True)
class Period:
    """The frames of one period (state at its end) for the selected schools."""

    coverage: pd.DataFrame
    presence: pd.DataFrame
    four100: pd.DataFrame
    hazards: pd.DataFrame
    signs: pd.DataFrame
    as_of: dt.date
    backlog: pd.DataFrame  # hazards open on as_of, whenever found
    four100_moves: dict[str, tuple[int, int]]  # flag -> (newly met, lost) since the previous period's end

    @property
    def figures(self) -> metrics.Figures:
        """The headline figures."""
        return metrics.figures(self.coverage, self.presence, self.four100, self.hazards, self.signs, self.as_of,
                               self.backlog, self.four100_moves)


def schools_frame(f: Filters) -> pd.DataFrame:
    """The schools of the selected counties and types."""
    rows = pd.DataFrame(data.schools(f.counties))
    if rows.empty:
        return pd.DataFrame(columns=["school_code", "name", "school_type", "county_adcode", "county_zh",
                                     "county_en", "township", "pupils", "lon", "lat"])
    return rows[rows["school_type"].map(f.keeps)].reset_index(drop=True)


def codes_of(f: Filters, schools: pd.DataFrame) -> set[str] | None:
    """The school codes a school-type filter keeps (None: no type filter, keep everything)."""
    return set(schools["school_code"]) if f.types else None


def period(f: Filters, date_from: dt.date, date_to: dt.date, codes: set[str] | None) -> Period:
    """Coverage, presence, four-100%, hazards and signs of one period for the selected schools."""
    counties = f.county_arg
    return Period(
        metrics.only(data_reports.coverage(date_to, counties), codes),
        metrics.only(data_presence.presence_days(date_from, date_to, f.counties), codes),
        metrics.only(data_reports.four100(date_to, counties), codes),
        metrics.only(data_reports.hazards(date_from, date_to, counties), codes),
        metrics.only(data_reports.sign_status(date_to, counties), codes),
        date_to,
        metrics.only(data_reports.backlog(date_to, counties), codes),
        metrics.four100_moves(data_reports.four100_changes(date_from, date_to, counties), codes))


def county_table(schools: pd.DataFrame, now: Period) -> pd.DataFrame:
    """The county comparison of the current period."""
    return statuses.county_table(schools, now.coverage, now.presence, now.four100, now.hazards, now.signs,
                                 now.as_of)


def school_statuses(now: Period) -> dict[str, str]:
    """The worst status of each school in the current period."""
    return statuses.worst_status(now.coverage, now.presence, now.four100, now.backlog, now.signs)


@dataclass(frozen=True)
class Summary:
    """The overview's headline: how many schools, the figures of the period and of the one before."""

    schools: int
    now: metrics.Figures
    before: metrics.Figures
    empty_period: bool  # neither presence nor hazards in the period


def summary(f: Filters) -> Summary:
    """The headline of the selection (cached per user and selection)."""
    return data.run(_summary, f)


@st.cache_data(ttl=TTL_S, max_entries=VIEW_ENTRIES, show_spinner=False)
def _summary(reader: data.Reader, f: Filters) -> Summary:
    """summary() of the reader's user (the reader is this cache's key; see data.VIEW_ENTRIES)."""
    with data.reading_as(reader):
        schools = schools_frame(f)
        codes = codes_of(f, schools)
        now = period(f, f.date_from, f.date_to, codes)
        before = period(f, *f.previous, codes)
        return Summary(len(schools), now.figures, before.figures, now.presence.empty and now.hazards.empty)


def school_map(f: Filters, by: str, lang: str, size: tuple[int, int], style_url: str | None) -> layers.BuiltMap:
    """The schools coloured by status or type over the basemap, with the legend (cached per user and selection)."""
    return data.run(_school_map, f, by, lang, size, style_url)


@st.cache_data(ttl=TTL_S, max_entries=VIEW_ENTRIES, show_spinner=False)
def _school_map(reader: data.Reader, f: Filters, by: str, lang: str, size: tuple[int, int],
                style_url: str | None) -> layers.BuiltMap:
    """school_map() of the reader's user (the reader is this cache's key; see data.VIEW_ENTRIES)."""
    with data.reading_as(reader):
        schools = schools_frame(f)
        rows = layers.point_rows(schools)
        if by == "status":
            status = school_statuses(period(f, f.date_from, f.date_to, codes_of(f, schools)))
            colours, kinds = statuses.STATUS_COLOURS, statuses.STATUSES
            points = layers.school_points(rows, lang, lambda s: colours[status.get(s["school_code"], "ok")],
                                          lambda s: label("status", status.get(s["school_code"], "ok"), lang))
            counted = {k: sum(1 for s in rows if status.get(s["school_code"], "ok") == k) for k in kinds}
            entries = [(colours[k], label("status", k, lang), counted[k], "dot") for k in kinds]
        else:
            points = layers.school_points(rows, lang)
            entries = [(c, name, n, "dot") for c, name, n in legend_rows(counts_by_type(rows), lang)]
        base = data_map.basemap(data.counties(), f.counties)
        deck = layers.map_deck(base, [layers.school_layer(points)], f.counties, lang, style_url, size=size)
        return layers.BuiltMap(deck.to_json(), tuple(entries))


def county_rows(f: Filters, lang: str) -> pd.DataFrame:
    """The county comparison of the period as shown (cached per user and selection)."""
    return data.run(_county_rows, f, lang)


@st.cache_data(ttl=TTL_S, max_entries=VIEW_ENTRIES, show_spinner=False)
def _county_rows(reader: data.Reader, f: Filters, lang: str) -> pd.DataFrame:
    """county_rows() of the reader's user (the reader is this cache's key; see data.VIEW_ENTRIES)."""
    with data.reading_as(reader):
        schools = schools_frame(f)
        now = period(f, f.date_from, f.date_to, codes_of(f, schools))
        return tables.county_comparison(county_table(schools, now), data.counties(), lang)
