"""Entry point of `streamlit run dashboard/app.py`: page setup and routing only."""

from __future__ import annotations

import streamlit as st

from dashboard.frame import nav
from db.settings import get_settings
from texts import language, t

lang = language(st.query_params.get("lang"), language(get_settings().language))
st.set_page_config(page_title=t("app.title", lang), page_icon="🏫", layout="wide")
pages = nav.pages(lang)
page = st.navigation(pages, position="hidden")
nav.links(pages)
page.run()
