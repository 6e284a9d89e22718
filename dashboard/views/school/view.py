"""学校 School: found by a map click or a search; officers (phones masked), presence, hazards, signs, flags."""

from __future__ import annotations

import pydeck as pdk
import streamlit as st

from dashboard.analysis import fmt, metrics
from dashboard.frame import page, widgets
from dashboard.frame.nav import SCHOOL_PARAM
from dashboard.frame.widgets import Card
from dashboard.maps import hazards as lh
from dashboard.maps import layers
from dashboard.maps import signs as ls
from dashboard.reads import analytics, core, geography, patrols
from dashboard.tables import charts
from dashboard.tables import detail as td
from dashboard.views.school import data as school_data
from texts import county_label, label, short_county, type_label

NEAR_POINTS = 2_000  # per layer around one school: the payload stays small whatever the volume

p = page.start("school.title")
tr, f, lang = p.tr, p.filters, p.lang
code = str(st.query_params.get(SCHOOL_PARAM) or "")
query = st.text_input(tr("school.search"), key="school_search", placeholder=tr("school.search_hint"))
if query.strip():
    found = page.load(tr, school_data.search, query, f.counties)
    if found.empty:
        st.info(tr("school.no_match"))
    else:
        names = {r["school_code"]: f"{r['name']} · {type_label(r['school_type'], lang)} · {county_label(r, lang)} · "
                 f"{r['school_code']}" for r in found.to_dict("records")}
        picked = st.selectbox(tr("school.matches"), list(names), index=None, format_func=names.__getitem__,
                              placeholder=tr("school.pick_one"), key=f"school_pick_{query}")
        if picked and picked != code:
            st.query_params[SCHOOL_PARAM] = code = picked
school = page.load(tr, school_data.school, code, f.counties) if code else None
if code and school is None:
    st.query_params.pop(SCHOOL_PARAM, None)
    st.warning(tr("school.not_found"))
if school is None:
    st.info(tr("school.choose"))
    st.stop()

st.header(fmt.md(school["name"]))
st.caption(fmt.md(tr("school.facts").format(code=school["school_code"], town=school["township"] or fmt.MISSING,
                                            address=school["address"] or fmt.MISSING)))
flags = ["full_time_guard", "closed_management", "alarm_video_linked", "guard_post"]
widgets.cards([Card(tr("col.type"), type_label(school["school_type"], lang)),
               Card(tr("col.county"), short_county(county_label(school, lang))),
               Card(tr("school.pupils"), fmt.num(school["pupils"])),
               Card(tr("school.staff"), fmt.num(school["staff"]))])
st.subheader(tr("school.four100"))
widgets.cards([Card(tr(f"flag.{k}"), tr("yes" if school[k] else "no")) for k in flags])

st.subheader(tr("school.liaison"))
cover = page.load(tr, analytics.coverage, f.date_to, [school["county_adcode"]])
state = cover[cover["school_code"] == code].iloc[0]
reason = label("gap", state["gap_reason"], lang) if isinstance(state["gap_reason"], str) else ""
key = "school.covered" if state["covered"] and not reason else "school.weak" if state["covered"] else "school.uncovered"
st.write(tr(key).format(day=f.date_to.isoformat(), reason=reason))
officers = page.load(tr, school_data.officers, code, f.date_to)
widgets.table_or_info(td.officers(officers, lang), tr("school.no_officers"))

st.subheader(tr("school.presence"))
presence = page.load(tr, school_data.presence, code, f.date_from, f.date_to)
if presence.empty:
    st.info(tr("school.no_presence_rows"))
else:
    present, held = int(presence["present"].sum()), len(presence)
    st.write(tr("school.presence_rate").format(rate=fmt.pct(present / held), present=present, windows=held))
    windows = patrols.window_names()
    st.altair_chart(charts.school_calendar(presence, windows, {w: label("window", w, lang) for w in windows}, lang),
                    width="stretch")

hazards = page.load(tr, analytics.hazards, f.date_from, f.date_to, [school["county_adcode"]])
hazards = metrics.only(hazards, {code})
st.subheader(tr("school.hazards"))
widgets.table_or_info(td.school_hazards(hazards, lang), tr("school.no_hazards"))
signs = metrics.only(page.load(tr, analytics.sign_status, f.date_to, [school["county_adcode"]]), {code})
late = page.load(tr, analytics.signs_not_reinstalled, f.date_to, [school["county_adcode"]])
late = late.loc[late["schools"].map(lambda s: code in s).astype(bool)]
st.subheader(tr("school.signs"))
widgets.table_or_info(td.school_signs(signs, lang), tr("school.no_signs"))
if len(late):
    st.warning(tr("school.late_signs").format(codes=tr("signs.sep").join(late["sign_code"])))

points = page.load(tr, core.frame, "dash_sign_points", as_of=f.date_to, counties=[school["county_adcode"]])
nearby = points[points["sign_code"].isin(set(signs["sign_code"].dropna()) | set(late["sign_code"]))]
base = page.load(tr, geography.basemap, p.counties, [school["county_adcode"]])
spot = layers.school_points([school], lang, lambda s: (31, 78, 140))
deck = layers.map_deck(base, [layers.school_layer(spot, radius=9),
                              lh.hazard_layer(lh.hazard_points(hazards.to_dict("records"), lang, NEAR_POINTS)),
                              ls.sign_layer(ls.sign_points(nearby.to_dict("records"), set(late["sign_code"]), lang,
                                                           NEAR_POINTS))],
                       [school["county_adcode"]], lang,
                       geography.style_url(), pdk.ViewState(longitude=school["lon"], latitude=school["lat"], zoom=14.5),
                       size=(700, 460))
map_col, legend_col = st.columns([3, 1.3])
with map_col:
    st.pydeck_chart(deck, height=460, key="school_map", alt=tr("school.map_alt"))
with legend_col:
    widgets.legend_box([((31, 78, 140), tr("legend.school"), None, "dot")]
                       + lh.point_legend(hazards.to_dict("records"), lang)[:3]
                       + ls.sign_legend(nearby.to_dict("records"), set(late["sign_code"]), lang), lang,
                       tr("legend.type"), tr("legend.title"))
