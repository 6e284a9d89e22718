"""巡逻方案 Patrol plan: a date, window, county and dwell, then a tab each: the plan, plans against the GPS, sizing
(车辆测算) and the weekly rota (一周轮巡)."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard.frame import page
from dashboard.views.plan import compliance, made, sizing, week
from db import clock
from db.settings import get_settings
from patrol.inputs import Scope
from texts import county_label, label

p = page.start("plan.title", "plan.caption")
tr, lang, user = p.tr, p.lang, p.user
settings = get_settings()
mine = [c for c in p.counties if user.counties is None or c["adcode"] in user.counties]
day_col, window_col, county_col, dwell_col = p.controls(4)
on = day_col.date_input(tr("plan.date"), clock.today() + dt.timedelta(days=1), key="plan_date")
window = window_col.selectbox(tr("plan.window"), list(settings.peak_windows), key="plan_window",
                              format_func=lambda w: label("window", w, lang))
choices = ([None] if user.counties is None else []) + [c["adcode"] for c in mine]
names = {c["adcode"]: county_label(c, lang) for c in mine}
county = county_col.selectbox(tr("plan.county"), choices, key="plan_county",
                              format_func=lambda c: names.get(c, tr("plan.whole")))
dwell = dwell_col.number_input(tr("plan.dwell"), 1, 40, settings.plan_dwell_min, key="plan_dwell")
scope = Scope(on, window, (county,) if county else None, int(dwell))

plan_tab, check_tab, sizing_tab, week_tab = st.tabs([tr("plan.tab.plan"), tr("plan.tab.check"),
                                                     tr("plan.tab.sizing"), tr("plan.tab.week")])
with plan_tab:
    made.show(p, scope)
with check_tab:
    compliance.show(p, scope.counties or (tuple(user.counties) if user.counties is not None else None))
with sizing_tab:
    sizing.show(p, scope)
with week_tab:
    week.show(p, scope)
