"""The plans-against-the-GPS tab: a date range; the figures, rates by county, unit or vehicle, weeks, the map."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard.analysis import fmt
from dashboard.exports import compliance as check_tables
from dashboard.frame import page, widgets
from dashboard.frame.page import Page
from dashboard.frame.widgets import Card
from dashboard.reads import geography
from dashboard.tables import charts
from dashboard.views.plan import check_data
from db import clock
from db.analytics import compliance
from db.settings import get_settings

GROUPS = ("county", "unit", "vehicle")


def show(p: Page, counties: tuple[str, ...] | None) -> None:
    """The range's planned stops in force against the GPS."""
    tr, lang, settings = p.tr, p.lang, get_settings()
    kept = settings.plan_kept_min or f"{tr('plan.dwell')} ÷ 2"
    p.note(tr("compliance.caption").format(kept=kept, late=settings.plan_late_min))
    from_col, to_col, by_col = st.columns(3)
    today = clock.today()
    date_to = to_col.date_input(tr("compliance.to"), today, key="check_to")
    date_from = from_col.date_input(tr("compliance.from"), date_to - dt.timedelta(days=27), key="check_from")
    by = by_col.selectbox(tr("compliance.by"), GROUPS, key="check_by", format_func=lambda g: tr(f"compliance.by.{g}"))
    if date_from > date_to:
        st.warning(tr("compliance.backwards"))
        return
    shown = page.load(tr, check_data.checked, date_from, date_to, counties, lang, p.map_size, geography.style_url())
    totals = compliance.totals(shown.stops)
    if not totals["stops"]:
        st.info(tr("compliance.empty"))
        return
    widgets.cards([Card(tr("compliance.cards.stops"), fmt.num(totals["stops"])),
                   Card(tr("compliance.cards.rate"), fmt.pct(totals["rate"])),
                   Card(tr("compliance.cards.late"), fmt.num(totals["late"]), rise_is_bad=True),
                   Card(tr("compliance.cards.missed"), fmt.num(totals["missed"]), rise_is_bad=True)])
    widgets.table(check_tables.rate_table(shown.stops, by, lang))
    st.markdown(f"**{tr('compliance.trend')}**")
    st.altair_chart(charts.weekly_rate(compliance.rates(shown.stops, "week"), lang), width="stretch")
    st.markdown(f"**{tr('compliance.missed_map')}**")
    map_col, legend_col = p.map_columns()
    with map_col:
        st.pydeck_chart(shown.map.deck, height=p.map_size[1], key="check_map")
    with legend_col:
        widgets.legend_box(shown.legend, lang, tr("compliance.missed_map"), tr("legend.title"))
    st.download_button(tr("compliance.download"), shown.xlsx, f"plan-compliance-{date_from}-{date_to}.xlsx",
                       key="check_xlsx")
