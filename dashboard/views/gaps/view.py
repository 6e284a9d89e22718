"""覆盖缺口 Coverage gaps: schools without liaison or presence and why, patrol paths, presence calendar."""

from __future__ import annotations

import streamlit as st

from dashboard.analysis import fmt
from dashboard.frame import page, urlstate, widgets
from dashboard.frame.widgets import Card
from dashboard.reads import geography, patrols
from dashboard.tables import charts
from dashboard.views.gaps import data as gaps_data
from db.settings import get_settings
from texts import label

CALENDAR_DAYS = 92
RADII = ("stored", "50", "100", "200", "300", "500")

p = page.start("gaps.title", "gaps.caption", export_view="gaps")
tr, f, lang = p.tr, p.filters, p.lang
settings = get_settings()
windows = ["all", *patrols.window_names()]
left, middle, right = p.controls(3)
window = urlstate.one(left, tr("gaps.window"), "window", windows, key=f"window_{lang}", default="all",
                      format_func=lambda w: label("window", w, lang))
radius = urlstate.one(middle, tr("gaps.radius"), "radius", RADII, key=f"radius_{lang}", default="stored",
                      format_func=lambda r: tr("gaps.radius.stored").format(
                          r=fmt.num(settings.presence_radius_m), g=fmt.num(settings.guard_post_radius_m))
                      if r == "stored" else tr("gaps.radius.m").format(m=r))
on = urlstate.day(right, tr("gaps.on"), "on", "gaps_on", f.date_to, f.date_from, f.date_to, help=tr("gaps.on_help"))
p.note(tr("gaps.radius_note").format(r=fmt.num(settings.presence_radius_m),
                                         g=fmt.num(settings.guard_post_radius_m), n=fmt.num(settings.near_miss_m)))

selection = gaps_data.Selection(f, None if window == "all" else (window,),
                               None if radius == "stored" else float(radius), on)
page.load(tr, gaps_data.warm, selection, lang, p.map_size, geography.style_url())
listing = page.load(tr, gaps_data.gap_list, selection, lang)
p.cards([Card(tr("gaps.no_liaison"), fmt.num(listing.no_liaison), rise_is_bad=True),
               Card(tr("gaps.weak_liaison"), fmt.num(listing.weak_liaison)),
               Card(tr("gaps.no_presence_schools"), fmt.num(listing.never_present)),
               Card(tr("gaps.presence"), fmt.pct(listing.presence), help=tr("metric.presence_help"))])
if listing.no_schools:
    st.info(tr("info.no_schools"))
elif listing.no_days:
    st.info(tr("gaps.no_days"))

built = page.load(tr, gaps_data.gap_map, selection, lang, p.map_size, geography.style_url())
map_col, legend_col = p.map_columns()
with map_col:
    page.school_map(built.deck, "gaps_map", tr("gaps.map_alt"), p.map_size[1])
    p.note(tr("gaps.paths_note").format(g=fmt.num(built.tolerance)) + " " + tr("map.pick"))
with legend_col:
    widgets.legend_box(built.entries, lang, tr("legend.status"), tr("legend.title"))
p.finish_map()

st.subheader(tr("gaps.list"))
if not listing.codes:
    st.info(tr("gaps.none"))
picked = st.dataframe(listing.shown, hide_index=True, width="stretch", key="gap_rows", on_select="rerun",
                      selection_mode="multi-row")
rows_picked = list(picked.selection.rows) if picked else []
chosen = [listing.codes[i] for i in rows_picked if i < len(listing.codes)] or listing.codes[:gaps_data.CALENDAR_SCHOOLS]

st.subheader(tr("gaps.calendar"))
st.caption(tr("gaps.calendar_note").format(n=gaps_data.CALENDAR_SCHOOLS))
cells = page.load(tr, gaps_data.calendar, selection, chosen)
last_days = sorted(cells["date"].unique())[-CALENDAR_DAYS:]
if len(cells["date"].unique()) > CALENDAR_DAYS:
    st.caption(tr("gaps.calendar_cut").format(n=CALENDAR_DAYS))
if not cells.empty:
    st.altair_chart(charts.presence_calendar(cells[cells["date"].isin(last_days)], lang), width="stretch")
