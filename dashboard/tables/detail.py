"""Detail tables as shown (pure): signs, work, and one school's officers, hazards and signs."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd

from dashboard.analysis import fmt
from dashboard.tables.summary import coded, counties, shown, text
from texts import reasons, t


def missing_signs(table: pd.DataFrame, county_rows: Sequence[Mapping[str, Any]], lang: str) -> pd.DataFrame:
    """Schools missing required signs as shown."""
    return shown(table, [
        ("name", "col.school", text), ("school_code", "col.code", text),
        ("county_adcode", "col.county", counties(county_rows, lang)), ("road_name", "col.road", text),
        ("missing", "col.missing_count", fmt.num), ("lacking", "col.lacking", text),
        ("last_surveyed_on", "col.surveyed_on", fmt.day)], lang)


def not_reinstalled(table: pd.DataFrame, names: Mapping[str, str], lang: str) -> pd.DataFrame:
    """Signs not put back after road works as shown, with the names of the schools nearby."""
    near = table.assign(affected=[t("signs.sep", lang).join(names.get(c, c) for c in codes)
                                  for codes in table["schools"]]) if len(table) else table.assign(affected=[])
    return shown(near, [
        ("sign_code", "col.sign", text), ("kind", "col.sign_kind", coded("sign_kind", lang)),
        ("road_name", "col.road", text), ("work_description", "col.work", text),
        ("work_started_on", "col.work_started", fmt.day), ("work_finished_on", "col.work_finished", fmt.day),
        ("present_before", "col.present_before", fmt.day), ("surveyed_after", "col.surveyed_after", fmt.day),
        ("affected", "col.affected", text)], lang)


MEASURES = ("officer_times", "vehicle_times", "deployments", "inspections", "legal_education", "drills", "flyers",
            "participants")


def work(table: pd.DataFrame, county_rows: Sequence[Mapping[str, Any]], lang: str, month: bool = False
         ) -> pd.DataFrame:
    """Activity totals (per county, or per county and month) as shown."""
    first = [("month", "col.month", text)] if month else []
    return shown(table, [*first, ("county_adcode", "col.county", counties(county_rows, lang)),
                         *((m, f"work.{m}", fmt.num) for m in MEASURES)], lang)


def yes_no(lang: str) -> Callable[[Any], str]:
    """A formatter for flags: 是 / 否."""
    return lambda v: fmt.MISSING if v is None or v != v else t("yes" if v else "no", lang)


def officers(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A school's officers as shown (phones already masked)."""
    return shown(table, [
        ("role", "col.role", text), ("name", "col.officer", text), ("badge_no", "col.badge", text),
        ("rank", "col.rank", text), ("unit_name", "col.unit", text), ("phone", "col.phone", text),
        ("valid_from", "col.valid_from", fmt.day), ("valid_to", "col.valid_to", fmt.day),
        ("valid", "col.valid", yes_no(lang))], lang)


def school_hazards(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A school's hazards as shown."""
    state = table.assign(state=["overdue" if o else s for o, s in zip(table["overdue"], table["status"], strict=True)])
    return shown(state, [
        ("hazard_id", "col.hazard", text), ("kind", "col.kind", coded("hazard_kind", lang)),
        ("category", "col.category", text), ("state", "col.status", coded("hazard_status", lang)),
        ("found_on", "col.found_on", fmt.day), ("deadline", "col.deadline", fmt.day),
        ("rectified_on", "col.rectified_on", fmt.day), ("description", "col.description", text)], lang)


def school_signs(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A school's required sign kinds as shown."""
    return shown(table, [
        ("kind", "col.sign_kind", coded("sign_kind", lang)), ("status", "col.sign_status", coded("sign_status", lang)),
        ("sign_code", "col.sign", text), ("last_surveyed_on", "col.surveyed_on", fmt.day),
        ("road_name", "col.road", text)], lang)


def etl_runs(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """ETL runs as shown."""
    return shown(table, [
        ("id", "col.run", text), ("dataset", "col.dataset", coded("dataset", lang)), ("file_name", "col.file", text),
        ("status", "col.run_status", coded("run_status", lang)), ("rows_read", "data.read", fmt.num),
        ("rows_loaded", "data.loaded", fmt.num), ("rows_rejected", "data.rejected", fmt.num),
        ("started_at", "col.started", text), ("finished_at", "col.finished", text), ("loaded_by", "col.by", text),
        ("message", "col.message", lambda m: text(reasons.message(m, lang) if isinstance(m, str) else m))], lang)


def rejects(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Problems of a load as shown (row, column, value, reason): the ETL's English reasons in lang."""
    return shown(rows, [("row", "col.row", text), ("column", "col.column", text), ("value", "col.value", text),
                        ("reason", "col.reason", lambda r: text(reasons.reason(r, lang) if isinstance(r, str) else r))],
                 lang)
