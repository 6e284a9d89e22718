"""The pages, and links between them that carry the shared filters in the URL."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from texts import t

VIEWS = Path(__file__).resolve().parent.parent / "views"
# (catalogue key, page folder: its view.py is the page). No icons: `:material/…:` fetches a font from the
# internet, and emoji show as empty boxes on machines without an emoji font.
PAGES = (("overview", "overview"), ("gaps", "gaps"), ("hotspots", "hotspots"), ("signs", "signs"),
         ("work", "work"), ("plan", "plan"), ("school", "school"), ("data", "data_admin"))
SHARED = ("lang", "county", "from", "to", "type")
SCHOOL_PARAM = "school"


def pages(lang: str) -> list[st.Page]:
    """The st.Page objects, titled in lang; the overview is the default."""
    return [st.Page(VIEWS / folder / "view.py", title=t(f"page.{key}", lang), default=True) if key == "overview"
            else st.Page(VIEWS / folder / "view.py", title=t(f"page.{key}", lang), url_path=key)
            for key, folder in PAGES]


def shared_params() -> dict[str, list[str]]:
    """The shared filter parameters of the current URL (other pages' own parameters left out)."""
    return {name: st.query_params.get_all(name) for name in SHARED if st.query_params.get_all(name)}


def links(all_pages: list[st.Page]) -> None:
    """Sidebar links to every page that keep the shared filters (st.navigation's own menu drops them)."""
    for page in all_pages:
        st.sidebar.page_link(page, query_params=shared_params())
    st.sidebar.divider()


def open_school(code: str) -> None:
    """Switch to the school page for this school, keeping the shared filters."""
    st.switch_page(VIEWS / "school" / "view.py", query_params={**shared_params(), SCHOOL_PARAM: code})
