"""The weekly rota tab (一周轮巡): a first day; make the week's plans (planners, leaders, admins); the stored week
read back as a school × day grid, the distinct schools it reaches and its route cards in one workbook."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard.analysis import fmt
from dashboard.frame import page, widgets
from dashboard.frame.page import Page
from dashboard.frame.widgets import Card
from dashboard.reads.core import DataUnavailable
from dashboard.views.plan import data as plan_data
from dashboard.views.plan import rota_data
from db import clock
from db.errors import PlanError, user_message
from patrol.inputs import Scope
from patrol.rota import StoredWeek


def next_monday(today: dt.date) -> dt.date:
    """The Monday after today (a week on a Monday: the next one)."""
    return today + dt.timedelta(days=7 - today.weekday())


def reached(week: StoredWeek) -> tuple[int, int, int]:
    """Distinct schools covered on some day (posts included), of them by a vehicle, and reachable on some day
    (covered, or left only for lack of vehicles), as `xiaoan plan week` counts them."""
    cells = week.cells
    covered = set(cells.loc[cells["covered_by"].notna(), "school_code"])
    driven = set(cells.loc[cells["covered_by"] == "vehicle", "school_code"])
    short = set(cells.loc[cells["reason"] == "no_capacity", "school_code"])
    return len(covered), len(driven), len(covered | short)


def days_frame(week: StoredWeek) -> pd.DataFrame:
    """One row per rota day: its date, plan and schools covered."""
    return pd.DataFrame({"rota.col.date": [p.header.service_date.isoformat() for p in week.plans],
                         "rota.col.plan": [p.header.plan_id for p in week.plans],
                         "rota.col.day_covered": [p.header.covered for p in week.plans]})


def show(p: Page, scope: Scope) -> None:
    """The first day, the make button, then the stored week from that day for the window and county."""
    tr, lang, user = p.tr, p.lang, p.user
    p.note(tr("rota.week.caption"))
    first = st.date_input(tr("rota.week.from"), next_monday(clock.today()), key="week_from")
    county = scope.counties[0] if scope.counties else None
    if user.role in plan_data.MAKERS and st.button(tr("rota.week.run"), type="primary", key="week_run"):
        try:
            with st.spinner(tr("rota.week.running")):
                ids = rota_data.make_rota(first, scope.window, scope.counties, scope.dwell_min, user.name)
            st.success(tr("rota.week.made").format(days=len(ids), plans="、".join(map(str, ids))))
        except PlanError as exc:
            st.error(user_message(exc, lang))
        except DataUnavailable as exc:
            page.unavailable(tr, exc)
    elif user.role not in plan_data.MAKERS:
        p.note(tr("rota.week.may_not"))

    shown = page.load(tr, rota_data.week, first, scope.window, county, lang)
    if not shown.week.plans:
        st.info(tr("rota.week.none").format(first=first.isoformat()))
        return
    distinct, driven, reachable = reached(shown.week)
    days = len(shown.week.plans)
    st.subheader(tr("rota.week.headline").format(days=days, distinct=distinct, reachable=reachable))
    p.cards([Card(tr("rota.week.card_days"), fmt.num(days)), Card(tr("rota.week.card_distinct"), fmt.num(distinct)),
             Card(tr("rota.week.card_driven"), fmt.num(driven)), Card(tr("rota.col.reachable"), fmt.num(reachable))])
    st.markdown(f"**{tr('rota.week.days')}**")
    widgets.table(days_frame(shown.week).rename(columns=tr))
    st.markdown(f"**{tr('rota.week.grid')}**")
    widgets.table(shown.grid.rename(columns=tr))
    st.download_button(tr("rota.week.download"), shown.xlsx, f"rota-{first.isoformat()}-{scope.window}.xlsx",
                       key="week_xlsx")
