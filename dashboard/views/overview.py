"""总览 Overview: the period's headline figures against the previous period, counties, schools by status."""

from __future__ import annotations

import streamlit as st

from dashboard import data_map, data_overview, fmt, layers, page, tables, urlstate, widgets
from dashboard.i18n import label
from dashboard.legend import counts_by_type, legend_rows
from dashboard.statuses import STATUS_COLOURS, STATUSES
from dashboard.widgets import Card

p = page.start("overview.title", "overview.caption", export_view="overview")
tr, f = p.tr, p.filters
schools = page.load(tr, data_overview.schools_frame, f)
codes = data_overview.codes_of(f, schools)
now = page.load(tr, data_overview.period, f, f.date_from, f.date_to, codes)
before = page.load(tr, data_overview.period, f, *f.previous, codes)
cur, old = now.figures, before.figures

p.note(tr("overview.compared").format(a=f.previous[0].isoformat(), b=f.previous[1].isoformat()))
if f.types:
    p.note(tr("info.types_note"))
p.cards([
    Card(tr("metric.schools"), fmt.num(len(schools))),
    Card(tr("metric.coverage"), fmt.pct(cur.coverage), fmt.delta_rate(cur.coverage, old.coverage, p.lang),
         tr("metric.coverage_help")),
    Card(tr("metric.presence"), fmt.pct(cur.presence), fmt.delta_rate(cur.presence, old.presence, p.lang),
         tr("metric.presence_help")),
    Card(tr("metric.four100"), fmt.pct(cur.four100), None, tr("overview.no_history"))])
p.cards([
    Card(tr("metric.open"), fmt.num(cur.hazards["open"]), fmt.delta_count(cur.hazards["open"], old.hazards["open"]),
         tr("metric.hazard_help"), rise_is_bad=True),
    Card(tr("metric.overdue"), fmt.num(cur.hazards["overdue"]),
         fmt.delta_count(cur.hazards["overdue"], old.hazards["overdue"]), tr("metric.hazard_help"), True),
    Card(tr("metric.rectified"), fmt.num(cur.hazards["rectified"]),
         fmt.delta_count(cur.hazards["rectified"], old.hazards["rectified"]), tr("metric.hazard_help")),
    Card(tr("metric.missing_signs"), fmt.num(cur.missing_signs), fmt.delta_count(cur.missing_signs, old.missing_signs),
         rise_is_bad=True)])
if schools.empty:
    st.info(tr("info.no_schools"))
elif now.presence.empty and now.hazards.empty:
    st.info(tr("overview.empty_period"))

by = urlstate.one(p.controls(1)[0], tr("overview.colour"), "colour", ["status", "type"], key=f"colour_{p.lang}",
                  default="status", format_func=lambda k: tr(f"overview.colour.{k}"), radio=True, horizontal=True)
status = data_overview.school_statuses(now)
rows = layers.point_rows(schools)
if by == "status":
    points = layers.school_points(rows, p.lang, lambda s: STATUS_COLOURS[status.get(s["school_code"], "ok")],
                                  lambda s: label("status", status.get(s["school_code"], "ok"), p.lang))
    counted = {k: sum(1 for s in rows if status.get(s["school_code"], "ok") == k) for k in STATUSES}
    entries = [(STATUS_COLOURS[k], label("status", k, p.lang), counted[k], "dot") for k in STATUSES]
else:
    points = layers.school_points(rows, p.lang)
    entries = [(c, name, n, "dot") for c, name, n in legend_rows(counts_by_type(rows), p.lang)]
base = page.load(tr, data_map.basemap, p.counties, f.counties)
deck = layers.map_deck(base, [layers.school_layer(points)], f.counties, p.lang, data_map.style_url(),
                       size=p.map_size)
map_col, legend_col = p.map_columns()
with map_col:
    page.school_map(deck, "overview_map", tr("map.alt"), p.map_size[1])
    p.note(tr("map.pick"))
with legend_col:
    widgets.legend_box(entries, p.lang, tr("legend.status" if by == "status" else "legend.type"), tr("legend.title"))
p.finish_map()

st.subheader(tr("overview.counties"))
widgets.table(tables.county_comparison(data_overview.county_table(schools, now), p.counties, p.lang))
