"""Export buttons in the sidebar: the page's map (PNG), the brief (.docx) and work lists (.xlsx), made on click."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from functools import partial

import sqlalchemy as sa
import streamlit as st

from dashboard.exports.brief import write_brief
from dashboard.exports.maps import render_map
from dashboard.exports.worklists import WORKLISTS, write_worklist
from dashboard.reads.core import Reader, reader
from dashboard.reads.selection import Filters
from db import access
from db.engine import make_engine
from texts import translator

PNG, DOCX = "image/png", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAP_DPI = 200  # a slide or a Word page; the CLI's default stays print quality (300)


def _with_connection(reader: Reader, what: str, write: Callable[[sa.Connection, io.BytesIO], int | None]) -> bytes:
    """The bytes an export writes, scoped to the user and audited, on its own connection (downloads run
    outside the page script, so the session's reader is handed over when the button is drawn)."""
    engine = make_engine(reader.url)
    try:
        with engine.begin() as conn:
            access.set_token(conn, reader.token)
            out = io.BytesIO()
            access.audit(conn, "export", what, write(conn, out))
            return out.getvalue()
    finally:
        engine.dispose()


def map_png(reader: Reader, view: str, counties: Sequence[str], date_from: dt.date, date_to: dt.date, lang: str
            ) -> bytes:
    """The print map of one view for the selection."""
    def write(conn: sa.Connection, out: io.BytesIO) -> None:
        out.write(render_map(conn, view, list(counties) or None, date_from, date_to, lang, MAP_DPI))

    return _with_connection(reader, f"map:{view}", write)


def brief_docx(reader: Reader, counties: Sequence[str], date_from: dt.date, date_to: dt.date) -> bytes:
    """The brief document for the selection."""
    def write(conn: sa.Connection, out: io.BytesIO) -> None:
        write_brief(conn, list(counties) or None, date_from, date_to, out)

    return _with_connection(reader, "brief", write)


def worklist_xlsx(reader: Reader, kind: str, counties: Sequence[str], date_from: dt.date, date_to: dt.date,
                  lang: str) -> bytes:
    """One work list for the selection (its rows are counted in the audit log)."""
    return _with_connection(reader, f"worklist:{kind}", lambda conn, out: write_worklist(
        conn, kind, list(counties) or None, date_from, date_to, out, lang))


def file_stem(f: Filters) -> str:
    """xiaoan_533301_2025-03-01_2025-03-30 (all: the whole prefecture)."""
    return f"xiaoan_{'-'.join(f.counties) or 'all'}_{f.date_from}_{f.date_to}"


def sidebar(view: str | None, f: Filters, lang: str) -> None:
    """The export section of the sidebar; nothing is generated until a button is clicked."""
    tr = translator(lang)
    stem, k, who = file_stem(f), tuple(f.counties), reader()
    with st.sidebar.expander(tr("export.title")):
        st.caption(tr("export.help"))
        if view:
            st.download_button(tr("export.map"), partial(map_png, who, view, k, f.date_from, f.date_to, lang),
                               f"{stem}_{view}.png", PNG, key="export_map", on_click="ignore")
        st.download_button(tr("export.brief"), partial(brief_docx, who, k, f.date_from, f.date_to),
                           f"{stem}_brief.docx", DOCX, key="export_brief", on_click="ignore")
        kind = st.selectbox(tr("export.kind"), WORKLISTS, key=f"export_kind_{lang}",
                            format_func=lambda w: tr(f"export.worklist.{w}"))
        st.download_button(tr("export.worklist"), partial(worklist_xlsx, who, kind, k, f.date_from, f.date_to, lang),
                           f"{stem}_{kind}.xlsx", XLSX, key="export_worklist", on_click="ignore")
