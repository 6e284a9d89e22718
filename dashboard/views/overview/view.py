"""总览 Overview: the period's headline figures against the previous period, counties, schools by status."""

from __future__ import annotations

import streamlit as st

from dashboard.analysis import fmt
from dashboard.frame import page, urlstate, widgets
from dashboard.frame.widgets import Card
from dashboard.reads import geography
from dashboard.views.overview import data as overview_data

p = page.start("overview.title", "overview.caption", export_view="overview")
tr, f = p.tr, p.filters
head = page.load(tr, overview_data.summary, f)
cur, old = head.now, head.before

p.note(tr("overview.compared").format(a=f.previous[0].isoformat(), b=f.previous[1].isoformat()))
if f.types:
    p.note(tr("info.types_note"))
p.cards([
    Card(tr("metric.schools"), fmt.num(head.schools)),
    Card(tr("metric.coverage"), fmt.pct(cur.coverage), fmt.delta_rate(cur.coverage, old.coverage, p.lang),
         tr("metric.coverage_help")),
    Card(tr("metric.presence"), fmt.pct(cur.presence), fmt.delta_rate(cur.presence, old.presence, p.lang),
         tr("metric.presence_help")),
    Card(tr("metric.four100"), fmt.pct(cur.four100), fmt.delta_rate(cur.four100, old.four100, p.lang),
         tr("metric.four100_help"))])
if moved := fmt.four100_moves(cur.four100_moves, p.lang):
    p.note(moved)
p.cards([
    Card(tr("metric.backlog"), fmt.num(cur.backlog["backlog"]),
         fmt.delta_count(cur.backlog["backlog"], old.backlog["backlog"]), tr("metric.backlog_help"), rise_is_bad=True),
    Card(tr("metric.backlog_overdue"), fmt.num(cur.backlog["backlog_overdue"]),
         fmt.delta_count(cur.backlog["backlog_overdue"], old.backlog["backlog_overdue"]),
         tr("metric.backlog_help"), True),
    Card(tr("metric.rectified"), fmt.num(cur.hazards["rectified"]),
         fmt.delta_count(cur.hazards["rectified"], old.hazards["rectified"]), tr("metric.hazard_help")),
    Card(tr("metric.missing_signs"), fmt.num(cur.missing_signs), fmt.delta_count(cur.missing_signs, old.missing_signs),
         rise_is_bad=True)])
if not head.schools:
    st.info(tr("info.no_schools"))
elif head.empty_period:
    st.info(tr("overview.empty_period"))

by = urlstate.one(p.controls(1)[0], tr("overview.colour"), "colour", ["status", "type"], key=f"colour_{p.lang}",
                  default="status", format_func=lambda k: tr(f"overview.colour.{k}"), radio=True, horizontal=True)
built = page.load(tr, overview_data.school_map, f, by, p.lang, p.map_size, geography.style_url())
map_col, legend_col = p.map_columns()
with map_col:
    page.school_map(built.deck, "overview_map", tr("map.alt"), p.map_size[1])
    p.note(tr("map.pick"))
with legend_col:
    widgets.legend_box(built.entries, p.lang, tr("legend.status" if by == "status" else "legend.type"),
                       tr("legend.title"))
p.finish_map()

st.subheader(tr("overview.counties"))
widgets.table(page.load(tr, overview_data.county_rows, f, p.lang))
