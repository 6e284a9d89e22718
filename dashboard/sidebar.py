"""Sidebar widgets bound to the URL (`?lang=en&county=533301`), so a pasted link opens the same view."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import streamlit as st

from dashboard.i18n import LANGUAGE_NAMES, LANGUAGES, county_label, language, t
from db.settings import get_settings

LANG_PARAM = "lang"
COUNTY_PARAM = "county"


def parse_counties(values: Iterable[str], valid: Iterable[str]) -> list[str]:
    """Known adcodes from repeated and/or comma-separated values, in order, without duplicates."""
    known = set(valid)
    wanted: list[str] = []
    for value in values:
        for part in str(value).split(","):
            code = part.strip()
            if code in known and code not in wanted:
                wanted.append(code)
    return wanted


def _seed(widget_key: str, url_value: Any) -> None:
    """Give the widget the URL's value when the URL changed outside it (first load, pasted link)."""
    seen = f"_url_{widget_key}"
    if widget_key not in st.session_state or st.session_state.get(seen) != url_value:
        st.session_state[widget_key] = url_value
        st.session_state[seen] = url_value


def _write_url(param: str, widget_key: str, empty: Any) -> None:
    """Callback: put the widget's new value into the URL (removed when it is the default)."""
    value = st.session_state[widget_key]
    st.session_state[f"_url_{widget_key}"] = value
    if value == empty:
        st.query_params.pop(param, None)
    else:
        st.query_params[param] = value


def language_switch() -> str:
    """The UI language: zh or en, from `?lang=`, switchable in the sidebar."""
    default = language(get_settings().language)
    raw = st.query_params.get(LANG_PARAM)
    lang = language(raw, default)
    if raw is not None and raw != lang:
        st.query_params[LANG_PARAM] = lang
    _seed("lang_switch", lang)
    return st.sidebar.radio(t("sidebar.language", lang), LANGUAGES, key="lang_switch", horizontal=True,
                            format_func=LANGUAGE_NAMES.__getitem__,
                            on_change=_write_url, args=(LANG_PARAM, "lang_switch", default))


def county_filter(counties: Sequence[Mapping[str, Any]], lang: str) -> list[str]:
    """Selected county adcodes from `?county=` (empty = all); invalid values are dropped from the URL."""
    names = {str(c["adcode"]): county_label(c, lang) for c in counties}
    raw = st.query_params.get_all(COUNTY_PARAM)
    selected = parse_counties(raw, names)
    if raw and raw != selected:
        if selected:
            st.query_params[COUNTY_PARAM] = selected
        else:
            st.query_params.pop(COUNTY_PARAM, None)
    key = f"county_filter_{lang}"  # labels change with the language: one widget per language
    _seed(key, selected)
    chosen = st.sidebar.multiselect(
        t("sidebar.counties", lang), list(names), key=key, format_func=names.__getitem__,
        placeholder=t("sidebar.all_counties", lang), help=t("sidebar.counties_help", lang),
        on_change=_write_url, args=(COUNTY_PARAM, key, []))
    return [c for c in chosen if c in names]
