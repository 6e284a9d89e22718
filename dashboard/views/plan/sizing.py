"""The sizing tab (车辆测算): on a button, per county the schools covered as vehicles are added, and where they go.

Sizing stores nothing, so every signed-in user may run it for the counties they see; it takes up to a minute for
the prefecture, so it runs only on the button and its answer is cached per user and scope (the session remembers
which scope was asked for, so the answer stays on screen while other widgets change).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from dashboard.analysis import fmt
from dashboard.frame import page, widgets
from dashboard.frame.page import Page
from dashboard.reads.core import DataUnavailable
from dashboard.tables import charts
from dashboard.views.plan import rota_data
from db.errors import PlanError, user_message
from patrol.inputs import Scope
from patrol.sizing import CountySizing, verdict
from texts import Translator, county_label, label

ASKED = "sizing_for"  # session key: the scope the sizing was last asked for


def curve_frame(found: CountySizing, units: Mapping[str, str]) -> pd.DataFrame:
    """The curve as rows: vehicles, schools covered, how many more than the step before, the unit added."""
    before = [found.curve[0].covered, *(s.covered for s in found.curve[:-1])]
    return pd.DataFrame({"vehicles": [s.vehicles for s in found.curve], "covered": [s.covered for s in found.curve],
                         "gain": [s.covered - b for s, b in zip(found.curve, before, strict=True)],
                         "unit": [units.get(s.unit_code, s.unit_code) if s.unit_code else "—" for s in found.curve]})


def added_units(found: CountySizing, units: Mapping[str, str]) -> list[str]:
    """The units of the curve's vehicles beyond today's number, up to the vehicles needed."""
    return [units.get(s.unit_code, s.unit_code) for s in found.curve
            if s.unit_code and found.vehicles < s.vehicles <= found.vehicles_needed]


def beyond_frame(found: CountySizing, schools: Mapping[str, str], lang: str) -> pd.DataFrame:
    """The schools beyond reach: code, name and why (无路可达 / 路程太远)."""
    return pd.DataFrame({"rota.col.code": [u.school_code for u in found.beyond],
                         "plan.col.school": [schools.get(u.school_code, u.school_code) for u in found.beyond],
                         "plan.col.reason": [label("plan_reason", u.reason, lang) for u in found.beyond]})


def summary_frame(found: tuple[CountySizing, ...], names: Mapping[str, str]) -> pd.DataFrame:
    """One row per county: schools, reachable, today's vehicles and coverage, the vehicles to cover all."""
    return pd.DataFrame({"rota.col.county": [names.get(c.county_adcode, c.county_adcode) for c in found],
                         "rota.col.schools": [c.schools for c in found],
                         "rota.col.reachable": [c.reachable for c in found],
                         "rota.col.vehicles": [c.vehicles for c in found],
                         "rota.col.covered": [c.covered for c in found],
                         "rota.col.needed": [c.vehicles_needed for c in found]})


def sentence(found: CountySizing, county: str, tr: Translator) -> str:
    """The bureau's sentence: 再增加 k 辆车，可多覆盖 n 所学校 (or enough, or enough but at the wrong units)."""
    key, numbers = verdict(found)
    return tr(key).format(county=county, **numbers)


def show(p: Page, scope: Scope) -> None:
    """The run button, then per county the summary, the sentence, the curve, the units and who is beyond reach."""
    tr, lang = p.tr, p.lang
    p.note(tr("rota.sizing.caption"))
    asked = (scope.on, scope.window, scope.counties, scope.dwell_min)
    if st.button(tr("rota.sizing.run"), type="primary", key="sizing_run"):
        st.session_state[ASKED] = asked
    if st.session_state.get(ASKED) != asked:
        st.info(tr("rota.sizing.hint"))
        return
    try:
        with st.spinner(tr("rota.sizing.running")):
            sized = rota_data.sized(scope)
    except PlanError as exc:
        st.error(user_message(exc, lang))
        return
    except DataUnavailable as exc:
        page.unavailable(tr, exc)
    if not sized.counties:
        st.info(tr("rota.sizing.empty"))
        return
    names = {c["adcode"]: county_label(c, lang) for c in p.counties}
    widgets.table(summary_frame(sized.counties, names).rename(columns=tr))
    for found in sized.counties:
        county = names.get(found.county_adcode, found.county_adcode)
        st.subheader(county)
        st.markdown(f"**{sentence(found, county, tr)}**")
        curve = curve_frame(found, sized.units)
        st.altair_chart(charts.sizing_curve(curve, found.vehicles, found.covered, found.reachable, lang),
                        width="stretch")
        where = added_units(found, sized.units)
        if where:
            p.note(tr("rota.sizing.where").format(first=fmt.num(found.vehicles + 1),
                                                  last=fmt.num(found.vehicles_needed), units="、".join(where)))
        with st.expander(tr("rota.sizing.steps")):
            widgets.table(curve.rename(columns={"vehicles": tr("rota.col.step"),
                                                "covered": tr("rota.col.step_covered"),
                                                "gain": tr("rota.col.gain"), "unit": tr("rota.col.step_unit")}))
        if found.beyond:
            st.markdown(f"**{tr('rota.sizing.beyond_title')}**")
            widgets.table(beyond_frame(found, sized.schools, lang).rename(columns=tr))
        else:
            p.note(tr("rota.sizing.none_beyond"))
