"""Brief mode (`?brief=1`): no sidebar or toolbar, a slide title, the page laid out for 1920 × 1080."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping, Sequence
from typing import Any
from zoneinfo import ZoneInfo

import streamlit as st

from db.settings import get_settings
from texts import Translator, county_label, short_county

PARAM = "brief"
# Streamlit's chrome, by its test ids: sidebar and its toggle, header with toolbar and menu, the status widget.
CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stStatusWidget"], footer { display: none !important; }
[data-testid="stMainBlockContainer"], .block-container { padding: 1.2rem 2rem 0 2rem !important;
  max-width: 1920px !important; }
h1.xa-brief { font-size: 2.1rem; margin: 0 0 .2rem 0; padding: 0; }
p.xa-brief-sub { font-size: 1.15rem; color: #374151; margin: 0 0 .6rem 0; }
</style>"""


def active() -> bool:
    """Whether the URL asks for brief mode."""
    return st.query_params.get(PARAM, "") in {"1", "true", "yes"}


def where(counties: Sequence[Mapping[str, Any]], selected: Sequence[str], tr: Translator, lang: str) -> str:
    """The selection as said on a slide: 怒江州, or the chosen counties' short names."""
    if not selected:
        return tr("brief.whole")
    return "、".join(short_county(county_label(c, lang)) for c in counties if str(c["adcode"]) in selected)


def as_of_text(moment: dt.datetime | None, tr: Translator) -> str:
    """数据截至 2025-03-16 18:00 (local time), or that it is unknown."""
    if moment is None:
        return tr("brief.as_of_none")
    local = moment.astimezone(ZoneInfo(get_settings().timezone)) if moment.tzinfo else moment
    return tr("brief.as_of").format(t=local.strftime("%Y-%m-%d %H:%M"))


def subtitle(place: str, date_from: dt.date, date_to: dt.date, as_of: dt.datetime | None, tr: Translator) -> str:
    """County · period · data-as-of, the line under a slide's title."""
    period = tr("brief.period").format(a=date_from.isoformat(), b=date_to.isoformat())
    return "　·　".join([place, period, as_of_text(as_of, tr)])


def chrome_off() -> None:
    """Hide Streamlit's sidebar, header and toolbar and widen the page for a slide."""
    st.markdown(CSS, unsafe_allow_html=True)


def heading(title: str, sub: str) -> None:
    """The slide's title and subtitle (escaped text)."""
    st.html(f"<h1 class='xa-brief'>{html.escape(title)}</h1><p class='xa-brief-sub'>{html.escape(sub)}</p>")


def enter_button(tr: Translator) -> None:
    """A sidebar button that switches the page into brief mode (the filters stay in the URL)."""
    if st.sidebar.button(tr("brief.enter"), help=tr("brief.enter_help"), key="brief_enter"):
        st.query_params[PARAM] = "1"
        st.rerun()


def finish(tr: Translator) -> None:
    """In brief mode: nothing after the map but a way back (below the slide)."""
    st.caption(tr("brief.scale_note"))
    if st.button(tr("brief.exit"), key="brief_exit"):
        st.query_params.pop(PARAM, None)
        st.rerun()
    st.stop()
