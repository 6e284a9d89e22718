"""The traffic-sign page's data: counts, map and lists of a selection as shown (cached per user and selection)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard.analysis import metrics
from dashboard.analysis import signs as sg
from dashboard.maps import layers
from dashboard.maps import signs as ls
from dashboard.maps.legend import Entry
from dashboard.reads import analytics, core, geography, selection
from dashboard.reads.core import TTL_S, VIEW_ENTRIES
from dashboard.reads.selection import Filters
from dashboard.tables import detail as detail_tables
from texts import t


@dataclass(frozen=True)
class SignsView:
    """What the sign page shows of a selection."""

    near_road: int  # schools near a road
    missing_schools: int
    missing_before: int  # at the end of the previous period
    bad_signs: int  # signs not surveyed present
    not_reinstalled: int
    map: layers.BuiltMap
    school_legend: tuple[Entry, ...]
    sign_legend: tuple[Entry, ...]
    missing: pd.DataFrame | None  # the list as shown; None: no school near a road, empty: none missing
    late: pd.DataFrame | None  # signs not put back, as shown; None: none


def view(f: Filters, lang: str, size: tuple[int, int], style_url: str | None) -> SignsView:
    """Everything the sign page shows for the selection (cached per user and selection)."""
    return core.run(_view, f, lang, size, style_url)


@st.cache_data(ttl=TTL_S, max_entries=VIEW_ENTRIES, show_spinner=False)
def _view(reader: core.Reader, f: Filters, lang: str, size: tuple[int, int], style_url: str | None) -> SignsView:
    """view() of the reader's user (the reader is this cache's key; see core.VIEW_ENTRIES)."""
    with core.reading_as(reader):
        schools = selection.schools_frame(f)
        codes = selection.codes_of(f, schools)
        status = metrics.only(analytics.sign_status(f.date_to, f.county_arg), codes)
        before = metrics.only(analytics.sign_status(f.previous[1], f.county_arg), codes)
        late = analytics.signs_not_reinstalled(f.date_to, f.county_arg)
        points = core.frame("dash_sign_points", as_of=f.date_to, counties=f.county_arg)
        by_school = sg.missing_by_school(status, schools, lang)
        lacking = by_school[by_school["missing"] > 0]
        late_codes = set(late["sign_code"])
        sign_rows = points.to_dict("records")
        school_points = layers.school_points(
            by_school.to_dict("records"), lang, lambda s: sg.SCHOOL_COLOURS["missing" if s["missing"] else "complete"],
            lambda s: s["lacking"] or t("signs.school.complete", lang))
        base = geography.basemap(core.counties(), f.counties)
        deck = layers.map_deck(base, [ls.sign_layer(ls.sign_points(sign_rows, late_codes, lang)),
                                      layers.school_layer(school_points, radius=7)], f.counties, lang, style_url,
                               size=size)
        every = core.schools(f.counties)  # the late signs' schools, whatever their type
        names = dict(zip(every["school_code"], every["name"], strict=True)) if not late.empty else {}
        return SignsView(
            near_road=len(by_school), missing_schools=len(lacking), missing_before=metrics.missing_sign_schools(before),
            bad_signs=int((points["status"] != "present").sum()), not_reinstalled=late["sign_code"].nunique(),
            map=layers.BuiltMap(deck.to_json()), school_legend=tuple(sg.school_legend(by_school, lang)),
            sign_legend=tuple(ls.sign_legend(sign_rows, late_codes, lang)),
            missing=None if by_school.empty else detail_tables.missing_signs(lacking, core.counties(), lang),
            late=None if late.empty else detail_tables.not_reinstalled(late, names, lang))
