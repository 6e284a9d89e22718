"""Plans against the GPS as tables and a workbook (pure): rates by county, unit and vehicle, and every stop."""

from __future__ import annotations

from typing import IO

import pandas as pd

from db.analytics import compliance
from db.settings import get_settings
from texts import county_label, label, t

RATE_COLUMNS = ("stops", "kept", "late", "missed", "by_other", "rate")


def rate_table(stops: pd.DataFrame, by: str, lang: str) -> pd.DataFrame:
    """compliance.rates by county, unit or vehicle with the columns named in lang (county names, not codes)."""
    rated = compliance.rates(stops, by)
    names = {r["county_adcode"]: county_label(r, lang) for _, r in stops.drop_duplicates("county_adcode").iterrows()}
    out = pd.DataFrame({t("plan.county", lang): rated["county_adcode"].map(names)}) if by != "week" else pd.DataFrame()
    if by == "week":
        out[t("compliance.col.week", lang)] = rated["week"].astype(str)
    if by in ("unit", "vehicle"):
        out[t("plan.col.unit", lang)] = rated["unit_name"]
    if by == "vehicle":
        out[t("plan.col.vehicle", lang)] = rated["vehicle_id"]
    for column in RATE_COLUMNS:
        out[t(f"compliance.col.{column}", lang)] = rated[column].to_numpy()
    return out


def stop_table(stops: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every planned stop in force: date, car, school, planned arrival, first within R, minutes there, result."""
    zone = get_settings().timezone

    def hhmm(v: object) -> str:
        return "" if pd.isna(v) else pd.Timestamp(v).tz_convert(zone).strftime("%H:%M")

    return pd.DataFrame({
        t("plan.date", lang): stops["service_date"].astype(str), t("plan.col.vehicle", lang): stops["vehicle_id"],
        t("plan.col.school", lang): stops["school_name"], t("plan.check.col.arrive", lang): stops["arrive"].map(hhmm),
        t("plan.check.col.first_seen", lang): stops["first_seen"].map(hhmm),
        t("plan.check.col.inside", lang): pd.to_numeric(stops["inside_min"]).round(1),
        t("plan.check.col.status", lang): stops["status"].map(lambda s: label("plan_status", s, lang)),
        t("plan.check.col.kept_by", lang): stops["kept_by"].map(lambda v: "、".join(v) if isinstance(v, list) else "")})


def write_xlsx(stops: pd.DataFrame, out: str | IO[bytes], lang: str = "zh") -> None:
    """One workbook: a sheet per grouping (county, unit, vehicle, week), then every stop."""
    with pd.ExcelWriter(out, engine="openpyxl") as book:
        for by in ("county", "unit", "vehicle", "week"):
            rate_table(stops, by, lang).to_excel(book, sheet_name=t(f"compliance.by.{by}", lang), index=False)
        stop_table(stops, lang).to_excel(book, sheet_name=t("compliance.sheet.stops", lang), index=False)
