"""交通标志 Traffic signs: schools missing required signs, signs by survey status, not put back after works."""

from __future__ import annotations

import streamlit as st

from dashboard import data, data_map, data_overview, data_reports, fmt, layers, metrics, page, tables_detail, widgets
from dashboard import layers_signs as ls
from dashboard import signs as sg
from dashboard.widgets import Card
from db.settings import get_settings

p = page.start("signs.title", export_view="signs")
tr, f, lang = p.tr, p.filters, p.lang
p.note(tr("signs.caption").format(m=fmt.num(get_settings().sign_along_m)))
schools = page.load(tr, data_overview.schools_frame, f)
codes = data_overview.codes_of(f, schools)
status = metrics.only(page.load(tr, data_reports.sign_status, f.date_to, f.county_arg), codes)
before = metrics.only(page.load(tr, data_reports.sign_status, f.previous[1], f.county_arg), codes)
late = page.load(tr, data_reports.signs_not_reinstalled, f.date_to, f.county_arg)
points = page.load(tr, data.frame, "dash_sign_points", as_of=f.date_to, counties=f.county_arg)
by_school = sg.missing_by_school(status, schools, lang)
lacking = by_school[by_school["missing"] > 0]

p.cards([
    Card(tr("signs.near_road"), fmt.num(len(by_school))),
    Card(tr("signs.missing_schools"), fmt.num(len(lacking)),
         fmt.delta_count(len(lacking), metrics.missing_sign_schools(before)), rise_is_bad=True),
    Card(tr("signs.bad_signs"), fmt.num(int((points["status"] != "present").sum()))),
    Card(tr("signs.not_reinstalled_count"), fmt.num(late["sign_code"].nunique()), rise_is_bad=True)])
if f.types:
    p.note(tr("info.types_note"))

late_codes = set(late["sign_code"])
sign_rows = points.to_dict("records")
school_rows = by_school.to_dict("records")
school_points = layers.school_points(
    school_rows, lang, lambda s: sg.SCHOOL_COLOURS["missing" if s["missing"] else "complete"],
    lambda s: s["lacking"] or tr("signs.school.complete"))
base = page.load(tr, data_map.basemap, p.counties, f.counties)
deck = layers.map_deck(base, [ls.sign_layer(ls.sign_points(sign_rows, late_codes, lang)),
                              layers.school_layer(school_points, radius=7)], f.counties, lang, data_map.style_url(),
                       size=p.map_size)
map_col, legend_col = p.map_columns()
with map_col:
    page.school_map(deck, "signs_map", tr("signs.map_alt"), p.map_size[1])
    p.note(tr("map.pick"))
with legend_col:
    widgets.legend_box(sg.school_legend(by_school, lang), lang, tr("legend.schools"), tr("legend.title"))
    widgets.legend_box(ls.sign_legend(sign_rows, late_codes, lang), lang, tr("legend.signs"))
p.finish_map()

st.subheader(tr("signs.missing_list"))
if by_school.empty:
    st.info(tr("signs.no_schools_near"))
elif lacking.empty:
    st.info(tr("signs.none_missing"))
else:
    widgets.table(tables_detail.missing_signs(lacking, p.counties, lang))
st.subheader(tr("signs.not_reinstalled"))
if late.empty:
    st.info(tr("signs.none_not_reinstalled"))
else:
    names = {s["school_code"]: s["name"] for s in page.load(tr, data.schools, f.counties)}
    widgets.table(tables_detail.not_reinstalled(late, names, lang))
