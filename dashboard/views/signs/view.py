"""交通标志 Traffic signs: schools missing required signs, signs by survey status, not put back after works."""

from __future__ import annotations

import streamlit as st

from dashboard.analysis import fmt
from dashboard.frame import page, widgets
from dashboard.frame.widgets import Card
from dashboard.reads import geography
from dashboard.views.signs import data as signs_data
from db.settings import get_settings

p = page.start("signs.title", export_view="signs")
tr, f, lang = p.tr, p.filters, p.lang
p.note(tr("signs.caption").format(m=fmt.num(get_settings().sign_along_m)))
v = page.load(tr, signs_data.view, f, lang, p.map_size, geography.style_url())

p.cards([
    Card(tr("signs.near_road"), fmt.num(v.near_road)),
    Card(tr("signs.missing_schools"), fmt.num(v.missing_schools), fmt.delta_count(v.missing_schools, v.missing_before),
         rise_is_bad=True),
    Card(tr("signs.bad_signs"), fmt.num(v.bad_signs)),
    Card(tr("signs.not_reinstalled_count"), fmt.num(v.not_reinstalled), rise_is_bad=True)])
if f.types:
    p.note(tr("info.types_note"))

map_col, legend_col = p.map_columns()
with map_col:
    page.school_map(v.map.deck, "signs_map", tr("signs.map_alt"), p.map_size[1])
    p.note(tr("map.pick"))
with legend_col:
    widgets.legend_box(v.school_legend, lang, tr("legend.schools"), tr("legend.title"))
    widgets.legend_box(v.sign_legend, lang, tr("legend.signs"))
p.finish_map()

st.subheader(tr("signs.missing_list"))
if v.missing is None:
    st.info(tr("signs.no_schools_near"))
elif v.missing.empty:
    st.info(tr("signs.none_missing"))
else:
    widgets.table(v.missing)
st.subheader(tr("signs.not_reinstalled"))
if v.late is None:
    st.info(tr("signs.none_not_reinstalled"))
else:
    widgets.table(v.late)
