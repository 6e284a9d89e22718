"""工作统计 Work statistics: activity totals against the previous period, a brief, county and month trends."""

from __future__ import annotations

import streamlit as st

from dashboard.analysis import fmt
from dashboard.frame import page, urlstate, widgets
from dashboard.frame.widgets import Card
from dashboard.reads import analytics, core
from dashboard.tables import charts
from dashboard.tables import detail as detail_tables
from dashboard.tables.detail import MEASURES
from texts import county_label, short_county

p = page.start("work.title", "work.caption")
tr, f, lang = p.tr, p.filters, p.lang
if f.types:
    st.caption(tr("work.types_note"))
now = page.load(tr, analytics.activities, f.date_from, f.date_to, f.county_arg)
before = page.load(tr, analytics.activities, *f.previous, f.county_arg)
monthly = page.load(tr, core.frame, "dash_activity_monthly", date_from=f.date_from, date_to=f.date_to,
                    counties=f.county_arg)
total = {m: int(now[m].sum()) for m in MEASURES}
old = {m: int(before[m].sum()) for m in MEASURES}
for row in (MEASURES[:4], MEASURES[4:]):
    widgets.cards([Card(tr(f"work.{m}"), fmt.num(total[m]), fmt.delta_count(total[m], old[m])) for m in row])

if monthly.empty:
    st.info(tr("work.empty"))
shown_counties = [c for c in p.counties if not f.counties or c["adcode"] in f.counties]
where = (tr("work.whole") if not f.counties else tr("signs.sep").join(county_label(c, lang) for c in shown_counties))
st.subheader(tr("work.brief"))
with st.container(border=True):
    st.text(tr("work.brief_text").format(a=f.date_from.isoformat(), b=f.date_to.isoformat(), where=where,
                                         **{m: fmt.num(total[m]) for m in MEASURES}))

st.subheader(tr("work.by_county"))
widgets.table(detail_tables.work(now, p.counties, lang))
st.subheader(tr("work.trend"))
measure = urlstate.one(st, tr("work.measure"), "measure", MEASURES, key=f"measure_{lang}", default="officer_times",
                       format_func=lambda m: tr(f"work.{m}"))
if not monthly.empty:
    names = {c["adcode"]: short_county(county_label(c, lang)) for c in p.counties}
    grid = charts.month_grid(monthly, charts.months_between(f.date_from, f.date_to),
                             [c["adcode"] for c in shown_counties], MEASURES)
    st.altair_chart(charts.monthly_trend(grid.assign(county=grid["county_adcode"].map(names)), measure, lang),
                    width="stretch")
    with st.expander(tr("work.monthly")):
        widgets.table(detail_tables.work(monthly, p.counties, lang, month=True))
