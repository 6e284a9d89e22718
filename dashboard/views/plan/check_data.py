"""The 执行情况 tab's data: the planned stops in force over a date range with their check, mapped, as a workbook."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard.exports import compliance as check_tables
from dashboard.maps import compliance as check_map
from dashboard.maps import layers
from dashboard.maps.legend import Entry
from dashboard.reads import core, geography
from dashboard.reads.core import TTL_S, VIEW_ENTRIES
from db.analytics import compliance


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
