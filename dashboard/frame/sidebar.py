"""Sidebar widgets bound to the URL (`?lang=en&county=533301`), so a pasted link opens the same view."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import streamlit as st

from dashboard.frame import urlstate
from db.settings import get_settings
from texts import LANGUAGE_NAMES, LANGUAGES, county_label, language, t

LANG_PARAM = "lang"
COUNTY_PARAM = "county"


def parse_counties(values: Iterable[str], valid: Iterable[str]) -> list[str]:
    """Known adcodes from repeated and/or comma-separated values, in order, without duplicates."""
    return urlstate.parse_list(values, valid)


def language_switch() -> str:
    """The UI language: zh or en, from `?lang=`, switchable in the sidebar."""
    default = language(get_settings().language)
    raw = st.query_params.get(LANG_PARAM)
    lang = language(raw, default)
    if raw is not None and raw != lang:
        st.query_params[LANG_PARAM] = lang
    urlstate.seed("lang_switch", lang)
    return st.sidebar.radio(t("sidebar.language", lang), LANGUAGES, key="lang_switch", horizontal=True,
                            format_func=LANGUAGE_NAMES.__getitem__,
                            on_change=urlstate.write, args=(LANG_PARAM, "lang_switch", default))


def county_filter(counties: Sequence[Mapping[str, Any]], lang: str) -> list[str]:
    """Selected county adcodes from `?county=` (empty = all); invalid values are dropped from the URL."""
    names = {str(c["adcode"]): county_label(c, lang) for c in counties}
    # Labels change with the language: one widget per language.
    return urlstate.multi(st.sidebar, t("sidebar.counties", lang), COUNTY_PARAM, list(names),
                          key=f"county_filter_{lang}", format_func=names.__getitem__,
                          placeholder=t("sidebar.all_counties", lang), help=t("sidebar.counties_help", lang))
