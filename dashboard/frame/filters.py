"""The filters every page shares — county, period, school type — in the sidebar and in the URL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import streamlit as st

from dashboard.frame import sidebar, urlstate
from dashboard.reads.selection import Filters
from db import clock
from db.models.base import SCHOOL_TYPES
from texts import t, type_label

FROM_PARAM, TO_PARAM, TYPE_PARAM = "from", "to", "type"
DEFAULT_DAYS = 30
MAX_DAYS = 731
EARLIEST = dt.date(2015, 1, 1)


def parse_date(raw: object, latest: dt.date) -> dt.date | None:
    """An ISO date between 2015-01-01 and latest, else None."""
    try:
        value = dt.date.fromisoformat(str(raw).strip())
    except ValueError:
        return None
    return value if EARLIEST <= value <= latest else None


def parse_period(raw_from: object, raw_to: object, default_to: dt.date, latest: dt.date) -> tuple[dt.date, dt.date]:
    """A valid period from URL text: bad parts take defaults, reversed ends swap, spans cut to MAX_DAYS."""
    span = dt.timedelta(days=DEFAULT_DAYS - 1)
    end = parse_date(raw_to, latest)
    start = parse_date(raw_from, latest)
    if end is None:
        end = max(default_to, start + span) if start else default_to
        end = min(end, latest)
    if start is None:
        start = end - span
    if start > end:
        start, end = end, start
    if (end - start).days >= MAX_DAYS:
        start = end - dt.timedelta(days=MAX_DAYS - 1)
    return start, end


def period_filter(lang: str, default_to: dt.date) -> tuple[dt.date, dt.date]:
    """From/to date inputs bound to `?from=&to=`; the period in use is always written into the URL."""
    latest = clock.today() + dt.timedelta(days=366)
    start, end = parse_period(st.query_params.get(FROM_PARAM), st.query_params.get(TO_PARAM), default_to, latest)
    for param, value in ((FROM_PARAM, start), (TO_PARAM, end)):
        if st.query_params.get(param) != value.isoformat():
            st.query_params[param] = value.isoformat()
    for param, value in ((FROM_PARAM, start), (TO_PARAM, end)):
        key = f"period_{param}"
        urlstate.seed(key, value)
        st.sidebar.date_input(t(f"sidebar.{param}", lang), key=key, min_value=EARLIEST, max_value=latest,
                          format="YYYY-MM-DD", on_change=urlstate.write, args=(param, key, None))
    return start, end


def type_filter(lang: str) -> list[str]:
    """School types from `?type=` (empty = all)."""
    return urlstate.multi(st.sidebar, t("sidebar.types", lang), TYPE_PARAM, SCHOOL_TYPES, key=f"type_filter_{lang}",
                          format_func=lambda k: type_label(k, lang), placeholder=t("sidebar.all_types", lang))


def ignored(counties: Sequence[str]) -> list[str]:
    """The shared URL parameters holding a value that will be ignored or corrected (read before the widgets)."""
    latest = clock.today() + dt.timedelta(days=366)
    known = {sidebar.COUNTY_PARAM: set(counties), TYPE_PARAM: set(SCHOOL_TYPES)}
    bad = [param for param, valid in known.items()
           if any(part.strip() not in valid for raw in st.query_params.get_all(param) for part in raw.split(","))]
    bad += [param for param in (FROM_PARAM, TO_PARAM)
            if param in st.query_params and parse_date(st.query_params.get(param), latest) is None]
    if st.query_params.get(FROM_PARAM, "") > st.query_params.get(TO_PARAM, "\uffff"):
        bad.append(FROM_PARAM)
    return bad


def sidebar_filters(counties: Sequence[Mapping[str, Any]], lang: str, default_to: dt.date) -> Filters:
    """Render the shared filters and return what they select; say when the link held values not used."""
    bad = ignored([str(c["adcode"]) for c in counties])
    chosen = sidebar.county_filter(counties, lang)
    start, end = period_filter(lang, default_to)
    kinds = type_filter(lang)
    if bad:
        names = {sidebar.COUNTY_PARAM: "sidebar.counties", FROM_PARAM: "sidebar.from", TO_PARAM: "sidebar.to",
                 TYPE_PARAM: "sidebar.types"}
        st.sidebar.warning(t("sidebar.url_fixed", lang).format(
            names=t("signs.sep", lang).join(dict.fromkeys(t(names[b], lang) for b in bad))))
    return Filters(tuple(chosen), start, end, tuple(kinds))
