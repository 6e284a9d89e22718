"""总览 Overview: where the schools are, by type, for the counties chosen in the sidebar."""

from __future__ import annotations

import streamlit as st

from dashboard import data, layers, legend, sidebar
from dashboard.i18n import translator

lang = sidebar.language_switch()
tr = translator(lang)


def unavailable(exc: data.DataUnavailable) -> None:
    """Say that the database cannot answer, with the one-line reason, and end the run."""
    detail = str(exc).replace("`", "'")
    st.error(f"{tr('error.database')}\n\n{tr('error.detail')}: `{detail}`")
    st.stop()


st.title(tr("overview.title"))
st.caption(tr("overview.caption"))

try:
    counties = data.counties()
except data.DataUnavailable as exc:
    unavailable(exc)
if not counties:
    st.info(tr("info.no_counties"))
    st.stop()

selected = sidebar.county_filter(counties, lang)
try:
    schools = data.schools(selected)
except data.DataUnavailable as exc:
    unavailable(exc)

counts = legend.counts_by_type(schools)
shown = [c for c in counties if not selected or c["adcode"] in selected]
figures = st.columns(3)
figures[0].metric(tr("metric.schools"), f"{len(schools):,}")
figures[1].metric(tr("metric.pupils"), f"{sum(s['pupils'] or 0 for s in schools):,}")
figures[2].metric(tr("metric.counties"), len(shown))
if not schools:
    st.info(tr("info.no_schools"))

map_col, legend_col = st.columns([3, 1])
with map_col:
    st.pydeck_chart(layers.overview_deck(counties, schools, selected, lang), height=640,
                    key="overview_map", alt=tr("map.alt"))
with legend_col:
    st.subheader(tr("legend.title"))
    st.markdown(legend.legend_html(counts, lang), unsafe_allow_html=True)
