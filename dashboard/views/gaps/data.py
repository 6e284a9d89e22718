"""The coverage-gap page's data: the gap table of a selection, its map and list as shown, the presence calendar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard.analysis import gaps, metrics
from dashboard.maps import layers
from dashboard.maps import paths as path_layers
from dashboard.reads import analytics, core, geography, parallel, patrols, selection
from dashboard.reads.core import TTL_S, VIEW_ENTRIES
from dashboard.reads.selection import Filters
from dashboard.tables import summary as tables
from texts import label, t

CALENDAR_SCHOOLS = 20  # the calendar's schools when none is picked: the list's first


@dataclass(frozen=True)
class Selection:
    """What the gap page shows: the shared filters, peak windows (None: all), radius (None: as refreshed), day."""

    filters: Filters
    windows: tuple[str, ...] | None
    radius_m: float | None
    on: dt.date


@dataclass(frozen=True)
class GapList:
    """The headline counts and the gap list of a selection."""

    no_liaison: int
    weak_liaison: int
    never_present: int  # schools with school-day windows and presence in none
    presence: float | None
    no_schools: bool
    no_days: bool
    codes: list[str]  # the listed schools, in the list's order
    shown: pd.DataFrame  # the list as shown


def _frames(s: Selection) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The selected schools, their gap table and their presence per school over the period (cached: the list, the
    map and the calendar of a selection share them)."""
    return core.run(_gap_frames, s)


@st.cache_data(ttl=TTL_S, max_entries=VIEW_ENTRIES, show_spinner=False)
def _gap_frames(reader: core.Reader, s: Selection) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """_frames() of the reader's user (the reader is this cache's key; see core.VIEW_ENTRIES)."""
    with core.reading_as(reader):
        f = s.filters
        schools = selection.schools_frame(f)
        codes = selection.codes_of(f, schools)
        totals = metrics.only(patrols.presence_totals(f.date_from, f.date_to, f.counties, s.windows, s.radius_m), codes)
        coverage = metrics.only(analytics.coverage(s.on, f.county_arg), codes)
        return schools, gaps.gap_table(schools, coverage, totals), totals


def warm(s: Selection, lang: str, size: tuple[int, int], style_url: str | None) -> None:
    """Build the page's parts side by side before the view asks: the patrol paths on one thread; the gap list, the
    calendar of its first schools and the map on the other, the map's schools built while the paths are read (a
    new window's slowest reads on two connections; a part already cached returns at once)."""
    f = s.filters

    def rest() -> None:
        calendar(s, gap_list(s, lang).codes[:CALENDAR_SCHOOLS])
        gap_map(s, lang, size, style_url)  # waits for the paths' cache where the other thread is still reading

    parallel.warm([lambda: patrols.path_features(f.date_from, f.date_to, f.counties, s.windows, lang), rest])


def gap_list(s: Selection, lang: str) -> GapList:
    """Counts and the gap list (cached per user and selection)."""
    return core.run(_gap_list, s, lang)


@st.cache_data(ttl=TTL_S, max_entries=VIEW_ENTRIES, show_spinner=False)
def _gap_list(reader: core.Reader, s: Selection, lang: str) -> GapList:
    """gap_list() of the reader's user (the reader is this cache's key; see core.VIEW_ENTRIES)."""
    with core.reading_as(reader):
        schools, table, totals = _frames(s)
        listed = table[table["gap"] != "ok"].reset_index(drop=True)
        shown = tables.gap_list(listed.assign(reason=gaps.reasons(listed)), core.counties(), lang)
        return GapList(
            no_liaison=int((~table["covered"]).sum()),
            weak_liaison=int((table["covered"] & table["gap_reason"].notna()).sum()),
            never_present=int(((table["windows"] > 0) & (table["present"] == 0)).sum()),
            presence=metrics.presence_rate(totals), no_schools=schools.empty, no_days=totals.empty,
            codes=listed["school_code"].tolist(), shown=shown)


def gap_map(s: Selection, lang: str, size: tuple[int, int], style_url: str | None) -> layers.BuiltMap:
    """Schools by gap kind over patrol paths and the basemap, with the legend (cached per user and selection)."""
    return core.run(_gap_map, s, lang, size, style_url)


@st.cache_data(ttl=TTL_S, max_entries=VIEW_ENTRIES, show_spinner=False)
def _gap_map(reader: core.Reader, s: Selection, lang: str, size: tuple[int, int], style_url: str | None
             ) -> layers.BuiltMap:
    """gap_map() of the reader's user (the reader is this cache's key; see core.VIEW_ENTRIES)."""
    with core.reading_as(reader):
        f = s.filters
        _, table, _ = _frames(s)
        points = layers.school_points(layers.point_rows(table, "gap"), lang, lambda r: gaps.KIND_COLOURS[r["gap"]],
                                      lambda r: label("gap_kind", r["gap"], lang))
        base = geography.basemap(core.counties(), f.counties)
        spec = layers.map_deck(base, [path_layers.path_layer(), layers.school_layer(points)], f.counties,
                               lang, style_url, size=size).to_json()
        count = table["gap"].value_counts()
        entries = [(gaps.KIND_COLOURS[k], label("gap_kind", k, lang), int(count.get(k, 0)), "dot") for k in gaps.KINDS]
        written, vehicles, tolerance = patrols.path_features(f.date_from, f.date_to, f.counties, s.windows, lang)
        entries.append((path_layers.LEGEND_COLOUR, t("legend.paths", lang), vehicles, "line"))
        return layers.BuiltMap(path_layers.fill_paths(spec, written), tuple(entries), tolerance)


def calendar(s: Selection, codes: Sequence[str]) -> pd.DataFrame:
    """School × day presence of the chosen schools, in their order (cached per user, selection and schools)."""
    return core.run(_calendar, s, tuple(codes))


@st.cache_data(ttl=TTL_S, max_entries=VIEW_ENTRIES, show_spinner=False)
def _calendar(reader: core.Reader, s: Selection, codes: tuple[str, ...]) -> pd.DataFrame:
    """calendar() of the reader's user (the reader is this cache's key; see core.VIEW_ENTRIES)."""
    with core.reading_as(reader):
        f = s.filters
        schools, _, _ = _frames(s)
        days = patrols.presence_days(f.date_from, f.date_to, f.counties, s.windows, s.radius_m, codes)
        return gaps.calendar(metrics.only(days, selection.codes_of(f, schools)), schools, list(codes))
