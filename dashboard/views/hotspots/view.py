"""隐患热点 Hazard hotspots: hexagons by count or Gi* class, hazard points (the period's and every one still open),
the overdue list of the backlog and the 专报 list."""

from __future__ import annotations

import streamlit as st

from dashboard.analysis import fmt, metrics
from dashboard.frame import page, urlstate, widgets
from dashboard.frame.widgets import Card
from dashboard.maps import hazards as lh
from dashboard.maps import layers
from dashboard.reads import analytics, geography
from dashboard.tables import summary as tables
from dashboard.views.hotspots import data as hotspots_data
from db.analytics.backlog import escalations, stock
from db.models.base import HAZARD_KINDS, HAZARD_STATUSES
from db.settings import get_settings
from texts import label

p = page.start("hotspots.title", "hotspots.caption", export_view="hotspots")
tr, f, lang = p.tr, p.filters, p.lang
found = page.load(tr, analytics.hazards, f.date_from, f.date_to, f.county_arg)
still_open = page.load(tr, analytics.backlog, f.date_to, f.county_arg)
area = page.load(tr, hotspots_data.area_km2, f.counties)
sizes = hotspots_data.sizes(area)
a, b, c = p.controls(3)
kinds = urlstate.multi(a, tr("hotspots.kind"), "kind", HAZARD_KINDS, key=f"kind_{lang}",
                       format_func=lambda k: label("hazard_kind", k, lang), placeholder=tr("hotspots.all"))
categories = urlstate.multi(b, tr("hotspots.category"), "category", sorted(found["category"].dropna().unique()),
                            key="category", placeholder=tr("hotspots.all"))
statuses = urlstate.multi(c, tr("hotspots.status"), "status", HAZARD_STATUSES, key=f"status_{lang}",
                          format_func=lambda s: label("hazard_status", s, lang), placeholder=tr("hotspots.all"))
d, e = p.controls(2)
size = urlstate.one(d, tr("hotspots.size"), "hex", [str(s) for s in sizes], key=f"hex_{lang}",
                    default=str(2000 if 2000 in sizes else sizes[-1]),
                    format_func=lambda s: tr("hotspots.size.m").format(km=int(s) / 1000))
by = urlstate.one(e, tr("hotspots.show"), "show", ["count", "class"], key=f"show_{lang}", default="count",
                  format_func=lambda k: tr(f"hotspots.show.{k}"), radio=True, horizontal=True)
if f.types:
    p.note(tr("hotspots.types_note"))

chosen = metrics.select_hazards(found, kinds, categories, statuses)
open_chosen = metrics.select_hazards(still_open, kinds, categories, statuses)
owed = stock(open_chosen)
shown_points = metrics.union_hazards(chosen, open_chosen)
grid = page.load(tr, hotspots_data.grid, int(size), f.counties, f.date_from, f.date_to, kinds, categories,
                 statuses, len(chosen))
counts = metrics.hazard_counts(chosen, f.date_to)
hot = int(grid["hotspot_class"].str.startswith("hot").sum())
p.cards([Card(tr("metric.found"), fmt.num(counts["found"])),
               Card(tr("metric.backlog"), fmt.num(owed["backlog"]), help=tr("metric.backlog_help")),
               Card(tr("metric.backlog_overdue"), fmt.num(owed["backlog_overdue"]), rise_is_bad=True),
               Card(tr("metric.rectified"), fmt.num(counts["rectified"])),
               Card(tr("hotspots.hot_cells"), fmt.num(hot))])
if shown_points.empty:
    st.info(tr("hotspots.empty"))
elif len(chosen) < hotspots_data.FEW_HAZARDS:
    p.note(tr("hotspots.few").format(n=hotspots_data.FEW_HAZARDS, p=fmt.num(hotspots_data.PERMUTATIONS)))

hexagons = lh.hexagon_rows(grid.to_dict("records"), by, lang)
points = lh.hazard_points(shown_points.to_dict("records"), lang)
base = page.load(tr, geography.basemap, p.counties, f.counties)
deck = layers.map_deck(base, [lh.hexagon_layer(hexagons), lh.hazard_layer(points)], f.counties, lang,
                       geography.style_url(), size=p.map_size)
map_col, legend_col = p.map_columns()
with map_col:
    st.pydeck_chart(deck, height=p.map_size[1], key="hotspot_map", alt=tr("hotspots.map_alt"))
    if len(shown_points) > len(points):
        p.note(tr("info.capped").format(n=fmt.num(len(points))))
with legend_col:
    widgets.legend_box(lh.hexagon_legend(grid.to_dict("records"), by, lang), lang, tr("legend.hexagons"),
                       tr("legend.title"))
    widgets.legend_box(lh.point_legend(shown_points.to_dict("records"), lang), lang, tr("legend.points"))
p.finish_map()

st.subheader(tr("hotspots.overdue"))
if owed["backlog_overdue"]:
    widgets.table(tables.overdue_list(open_chosen, f.date_to, p.counties, lang))
else:
    st.info(tr("hotspots.no_overdue"))
days = get_settings().escalate_days
st.subheader(tr("hotspots.escalate").format(days=days))
up = escalations(open_chosen, days)
if len(up):
    widgets.table(tables.overdue_list(up, f.date_to, p.counties, lang, keep_order=True))
else:
    st.info(tr("hotspots.no_escalate").format(days=days))
st.subheader(tr("hotspots.by_county"))
widgets.table(tables.hazard_counties(metrics.hazards_by_county(chosen, f.date_to), p.counties, lang))
