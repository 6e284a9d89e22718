"""数据 Data: ETL runs with their counts, reject reports to download, uploads through the same ETL."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.analysis import fmt
from dashboard.frame import page, widgets
from dashboard.frame.widgets import Card
from dashboard.reads import core
from dashboard.tables import detail as detail_tables
from dashboard.views.data_admin import upload
from db.errors import RefusedFile
from db.settings import get_settings
from etl.datasets import DATASETS
from texts import label, reasons

FILE_TYPES = ["csv", "txt", "xlsx", "xls", "geojson", "json", "shp", "shx", "dbf", "prj", "cpg", "gpx", "zip"]
SHOWN_PROBLEMS = 10

p = page.start("data.title", "data.caption")
tr, lang = p.tr, p.lang


def upload_section() -> None:
    """The upload form and what came of the upload (clerks: rows of their county only)."""
    with st.form("upload", clear_on_submit=False):
        left, right = st.columns(2)
        dataset = left.selectbox(tr("data.dataset"), list(DATASETS), format_func=lambda d: label("dataset", d, lang),
                               key="upload_dataset")
        crs = right.selectbox(tr("data.crs"), upload.CRS_CHOICES, format_func=lambda c: label("crs", c, lang))
        files = st.file_uploader(tr("data.files"), type=FILE_TYPES, accept_multiple_files=True)
        dry_run = st.checkbox(tr("data.dry_run"))
        submitted = st.form_submit_button(tr("data.submit"), type="primary")
    if submitted and files:
        engine = page.load(tr, core.owner_engine)
        scope = p.user.counties if p.user.role == "clerk" else None
        try:
            done = upload.load_upload(engine, dataset, [(f.name, f.getvalue()) for f in files], crs, dry_run,
                                      loaded_by=p.user.name, counties=scope)
        except RefusedFile as exc:
            st.error(tr("data.refused").format(message=upload.refusal(exc, tr)))
        except core.FAILURES as exc:
            st.error(tr("data.failed").format(message=core.failure(exc)))
        else:
            result = done.result
            st.write(tr("data.result").format(status=label("run_status", result.status, lang)))
            widgets.cards([Card(tr("data.read"), fmt.num(result.rows_read)),
                           Card(tr("data.loaded"), fmt.num(result.rows_loaded)),
                           Card(tr("data.rejected"), fmt.num(result.rows_rejected)),
                           Card(tr("data.inserted"), fmt.num(result.inserted)),
                           Card(tr("data.updated"), fmt.num(result.updated))])
            if done.refused:
                st.warning(tr("data.refused").format(message=upload.refusal(done.refused, tr)))
            elif result.message:
                st.caption(fmt.md(reasons.message(result.message, lang)))
            if done.report_csv:
                problems = pd.DataFrame([r.__dict__ for r in result.report.rejects[:SHOWN_PROBLEMS]])
                st.write(tr("data.problems").format(n=SHOWN_PROBLEMS))
                widgets.table(detail_tables.rejects(problems, lang))
                st.download_button(tr("data.download"), reasons.report_csv(done.report_csv, lang),
                                   file_name=done.report_path.name,
                                   mime="text/csv", key="upload_report")
            if result.status in {"loaded", "partial"}:
                st.cache_data.clear()
                st.success(tr("data.loaded_note"))


st.subheader(tr("data.upload"))
if not p.user.may_load:
    st.info(tr("auth.no_load"))
else:
    if p.user.role == "clerk":
        st.caption(tr("auth.county_only").format(county=", ".join(
            c["name_zh"] for c in p.counties if c["adcode"] in (p.user.counties or ()))))
    upload_section()

st.subheader(tr("data.runs"))
runs = page.load(tr, core.frame, "dash_etl_runs", tz=get_settings().timezone, limit=200)
widgets.table_or_info(detail_tables.etl_runs(runs, lang), tr("data.no_runs"))

st.subheader(tr("data.reports"))
reports = upload.reject_reports()
if not reports:
    st.info(tr("data.no_reports"))
else:
    chosen = st.selectbox(tr("data.report_pick"), reports, format_func=lambda q: q.name, key="report_pick")
    st.download_button(tr("data.download"), upload.report_bytes(chosen, lang), file_name=chosen.name, mime="text/csv",
                       key="report_download")
