"""The overview's data: the analytics frames of a period, filtered to the chosen school types."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard.analysis import metrics, statuses
from dashboard.maps import layers
from dashboard.maps.legend import counts_by_type, legend_rows
from dashboard.reads import core, geography
from dashboard.reads.core import TTL_S, VIEW_ENTRIES
from dashboard.reads.selection import Filters, Period, codes_of, period, schools_frame, warm_periods
from dashboard.tables import summary as tables
from texts import label


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
    return core.run(_summary, f)


@st.cache_data(ttl=TTL_S, max_entries=VIEW_ENTRIES, show_spinner=False)
def _summary(reader: core.Reader, f: Filters) -> Summary:
    """summary() of the reader's user (the reader is this cache's key; see core.VIEW_ENTRIES)."""
    with core.reading_as(reader):
        schools = schools_frame(f)
        codes = codes_of(f, schools)
        warm_periods(f, [(f.date_from, f.date_to, True), (*f.previous, False)])  # both periods' reads side by side
        now = period(f, f.date_from, f.date_to, codes, moves=True)
        before = period(f, *f.previous, codes)
        return Summary(len(schools), now.figures, before.figures, now.presence.empty and now.hazards.empty)


def school_map(f: Filters, by: str, lang: str, size: tuple[int, int], style_url: str | None) -> layers.BuiltMap:
    """The schools coloured by status or type over the basemap, with the legend (cached per user and selection)."""
    return core.run(_school_map, f, by, lang, size, style_url)


@st.cache_data(ttl=TTL_S, max_entries=VIEW_ENTRIES, show_spinner=False)
def _school_map(reader: core.Reader, f: Filters, by: str, lang: str, size: tuple[int, int],
                style_url: str | None) -> layers.BuiltMap:
    """school_map() of the reader's user (the reader is this cache's key; see core.VIEW_ENTRIES)."""
    with core.reading_as(reader):
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
        base = geography.basemap(core.counties(), f.counties)
        deck = layers.map_deck(base, [layers.school_layer(points)], f.counties, lang, style_url, size=size)
        return layers.BuiltMap(deck.to_json(), tuple(entries))


def county_rows(f: Filters, lang: str) -> pd.DataFrame:
    """The county comparison of the period as shown (cached per user and selection)."""
    return core.run(_county_rows, f, lang)


@st.cache_data(ttl=TTL_S, max_entries=VIEW_ENTRIES, show_spinner=False)
def _county_rows(reader: core.Reader, f: Filters, lang: str) -> pd.DataFrame:
    """county_rows() of the reader's user (the reader is this cache's key; see core.VIEW_ENTRIES)."""
    with core.reading_as(reader):
        schools = schools_frame(f)
        now = period(f, f.date_from, f.date_to, codes_of(f, schools))
        return tables.county_comparison(county_table(schools, now), core.counties(), lang)
