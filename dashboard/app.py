"""Entry point of `streamlit run dashboard/app.py`: page setup and routing only."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard.i18n import language, t
from db.settings import get_settings

VIEWS = Path(__file__).resolve().parent / "views"

lang = language(st.query_params.get("lang"), language(get_settings().language))
st.set_page_config(page_title=t("app.title", lang), page_icon="🏫", layout="wide")
page = st.navigation([
    st.Page(VIEWS / "overview.py", title=t("page.overview", lang), icon="🗺️", default=True),
])
page.run()
