"""What every page does first: language, title, counties, shared filters; errors as messages, not tracebacks."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, NoReturn, TypeVar

import pydeck as pdk
import streamlit as st

from dashboard.frame import auth, brief, downloads, filters, heap, nav, sidebar, widgets
from dashboard.maps.layers import BRIEF_MAP_SIZE, MAP_HEIGHT, MAP_SIZE
from dashboard.reads import core
from texts import Translator, translator

T = TypeVar("T")


@dataclass(frozen=True)
class Page:
    """The language, its translator, every county (for the basemap) and the shared filters."""

    lang: str
    tr: Translator
    counties: list[dict[str, Any]]
    filters: filters.Filters
    user: auth.User
    brief: bool = False
    slide: tuple[Any, Any] | None = None  # a brief slide's (map, side) columns, made under its title

    @property
    def map_size(self) -> tuple[int, int]:
        """Width × height the page's main map is framed for (larger on a brief slide)."""
        return BRIEF_MAP_SIZE if self.brief else MAP_SIZE

    def controls(self, n: int) -> list[Any]:
        """Containers for n page controls side by side; on a slide they go to the hidden sidebar (URL kept)."""
        return [st.sidebar] * n if self.brief else list(st.columns(n))

    def note(self, text: str) -> None:
        """A caption, left off a slide."""
        if not self.brief:
            st.caption(text)

    def cards(self, row: list[widgets.Card]) -> None:
        """Headline figures: a row above the map, or two per row beside it on a slide."""
        if self.slide:
            with self.slide[1]:
                widgets.cards(row, per_row=2)
        else:
            widgets.cards(row)

    def map_columns(self) -> tuple[Any, Any]:
        """The map's column and its legend's column."""
        return self.slide or tuple(st.columns([3, 1.3]))

    def finish_map(self) -> None:
        """End the page after its map in brief mode (a slide holds the title, figures and map only)."""
        if self.brief:
            brief.finish(self.tr)


def unavailable(tr: Translator, exc: core.DataUnavailable) -> NoReturn:
    """Say that the database cannot answer, with the one-line reason, and end the run."""
    detail = str(exc).replace("`", "'")
    st.error(f"{tr('error.database')}\n\n{tr('error.detail')}: `{detail}`")
    st.stop()


def load(tr: Translator, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Call a data function; when the database cannot answer, show why and end the run."""
    try:
        return fn(*args, **kwargs)
    except core.DataUnavailable as exc:
        unavailable(tr, exc)


def start(title_key: str, caption_key: str | None = None, export_view: str | None = None) -> Page:
    """Sidebar language and filters, the title (a slide title in brief mode); stops when there is no base data."""
    heap.freeze_imports()
    lang = sidebar.language_switch()
    tr = translator(lang)
    user = load(tr, auth.require, tr)
    slide = brief.active()
    if slide:
        brief.chrome_off()
    else:
        st.title(tr(title_key))
        if caption_key:
            st.caption(tr(caption_key))
    counties = load(tr, core.counties)
    if not counties:
        st.info(tr("info.no_counties"))
        st.stop()
    mine = [c for c in counties if user.counties is None or c["adcode"] in user.counties]
    chosen = filters.sidebar_filters(mine, lang, load(tr, core.latest_day))
    if user.counties and not chosen.counties:  # a county user's "all" is their county
        chosen = dataclasses.replace(chosen, counties=user.counties)
    if not slide:
        brief.enter_button(tr)
        downloads.sidebar(export_view, chosen, lang)
        auth.sign_out_button(user, tr)
        return Page(lang, tr, counties, chosen, user)
    place = brief.where(counties, chosen.counties, tr, lang)
    brief.heading(tr(title_key), brief.subtitle(place, chosen.date_from, chosen.date_to, load(tr, core.data_as_of),
                                                tr))
    return Page(lang, tr, counties, chosen, user, True, tuple(st.columns([3, 1.3])) if export_view else None)


def picked_school(selection: Mapping[str, Any] | None) -> str | None:
    """The school code of the first picked map object that is a school (from a pydeck selection)."""
    objects = (selection or {}).get("objects") or {}
    for picked in objects.values():
        for obj in picked or []:
            code = obj.get("school_code") if isinstance(obj, Mapping) else None
            if isinstance(code, str) and code:
                return code
    return None


def _remember_pick(key: str) -> None:
    """Selection callback: note the clicked school; the page opens it once the map is drawn."""
    state = st.session_state.get(key)
    code = picked_school(state.get("selection") if state else None)
    if code:
        st.session_state["_open_school"] = code


def school_map(deck: pdk.Deck, key: str, alt: str, height: int = MAP_HEIGHT) -> None:
    """A map whose school points open the school page when clicked."""
    st.pydeck_chart(deck, height=height, key=key, alt=alt, on_select=lambda: _remember_pick(key),
                    selection_mode="single-object")
    code = st.session_state.pop("_open_school", None)
    if code:
        nav.open_school(code)
