"""覆盖缺口 Coverage gaps: schools without liaison or presence and why, patrol paths, presence calendar."""

from __future__ import annotations

import streamlit as st

from dashboard import (
    charts,
    data_map,
    data_overview,
    data_presence,
    data_reports,
    fmt,
    gaps,
    layers,
    layers_paths,
    metrics,
    page,
    tables,
    urlstate,
    widgets,
)
from dashboard.i18n import label
from dashboard.widgets import Card
from db.settings import get_settings

CALENDAR_SCHOOLS = 20
CALENDAR_DAYS = 92
RADII = ("stored", "50", "100", "200", "300", "500")

p = page.start("gaps.title", "gaps.caption", export_view="gaps")
tr, f, lang = p.tr, p.filters, p.lang
settings = get_settings()
windows = ["all", *data_presence.window_names()]
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

chosen_windows = None if window == "all" else [window]
radius_m = None if radius == "stored" else float(radius)
schools = page.load(tr, data_overview.schools_frame, f)
codes = data_overview.codes_of(f, schools)
coverage = metrics.only(page.load(tr, data_reports.coverage, on, f.county_arg), codes)
days = metrics.only(page.load(tr, data_presence.presence_days, f.date_from, f.date_to, f.counties, chosen_windows,
                              radius_m), codes)
table = gaps.gap_table(schools, coverage, days)
count = table["gap"].value_counts()
never = int(((table["windows"] > 0) & (table["present"] == 0)).sum())
p.cards([Card(tr("gaps.no_liaison"), fmt.num((~table["covered"]).sum()), rise_is_bad=True),
               Card(tr("gaps.weak_liaison"), fmt.num((table["covered"] & table["gap_reason"].notna()).sum())),
               Card(tr("gaps.no_presence_schools"), fmt.num(never)),
               Card(tr("gaps.presence"), fmt.pct(metrics.presence_rate(days)), help=tr("metric.presence_help"))])
if schools.empty:
    st.info(tr("info.no_schools"))
elif days.empty:
    st.info(tr("gaps.no_days"))

path_features, vehicles, tolerance = page.load(tr, data_presence.path_features, f.date_from, f.date_to, f.counties,
                                              chosen_windows, lang)
rows = layers.point_rows(table, "gap")
points = layers.school_points(rows, lang, lambda s: gaps.KIND_COLOURS[s["gap"]],
                              lambda s: label("gap_kind", s["gap"], lang))
base = page.load(tr, data_map.basemap, p.counties, f.counties)
deck = layers.map_deck(base, [layers_paths.path_layer(path_features),
                              layers.school_layer(points)], f.counties, lang, data_map.style_url(),
                      size=p.map_size)
map_col, legend_col = p.map_columns()
with map_col:
    page.school_map(deck, "gaps_map", tr("gaps.map_alt"), p.map_size[1])
    p.note(tr("gaps.paths_note").format(g=fmt.num(tolerance)) + " " + tr("map.pick"))
with legend_col:
    entries = [(gaps.KIND_COLOURS[k], label("gap_kind", k, lang), int(count.get(k, 0)), "dot") for k in gaps.KINDS]
    entries.append((layers_paths.LEGEND_COLOUR, tr("legend.paths"), vehicles, "line"))
    widgets.legend_box(entries, lang, tr("legend.status"), tr("legend.title"))
p.finish_map()

st.subheader(tr("gaps.list"))
listed = table[table["gap"] != "ok"].reset_index(drop=True)
if listed.empty:
    st.info(tr("gaps.none"))
shown = tables.gap_list(listed.assign(reason=gaps.reasons(listed)), p.counties, lang)
picked = st.dataframe(shown, hide_index=True, width="stretch", key="gap_rows", on_select="rerun",
                      selection_mode="multi-row")
rows_picked = list(picked.selection.rows) if picked else []
chosen = [listed.loc[i, "school_code"] for i in rows_picked if i < len(listed)] or list(
    listed["school_code"][:CALENDAR_SCHOOLS])

st.subheader(tr("gaps.calendar"))
st.caption(tr("gaps.calendar_note").format(n=CALENDAR_SCHOOLS))
cells = gaps.calendar(days, schools, chosen)
last_days = sorted(cells["date"].unique())[-CALENDAR_DAYS:]
if len(cells["date"].unique()) > CALENDAR_DAYS:
    st.caption(tr("gaps.calendar_cut").format(n=CALENDAR_DAYS))
if not cells.empty:
    st.altair_chart(charts.presence_calendar(cells[cells["date"].isin(last_days)], lang), width="stretch")
