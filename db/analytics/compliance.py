"""Plans against the GPS over time: the stops in force of a date range with their status, rated by county, unit,
vehicle and week (rate = kept, late ones included, over the stops checked; pending stops are left out)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import sqlalchemy as sa

from db.analytics import reports
from db.analytics.plan_check import status_of, tally

GROUPS = {"county": ["county_adcode", "county_zh", "county_en"], "unit": ["county_adcode", "unit_code", "unit_name"],
          "vehicle": ["county_adcode", "unit_name", "vehicle_id"], "week": ["week"]}
COUNTED = ("stops", "kept", "late", "missed", "by_other")


def stops(conn: sa.Connection, date_from: dt.date, date_to: dt.date,
          counties: list[str] | None = None) -> pd.DataFrame:
    """The planned stops in force in the range (db/sql/plan/check/plan_compliance.sql) with status and week."""
    frame = reports.frame(conn, "plan_compliance", date_from=date_from, date_to=date_to, counties=counties)
    status = [status_of(row) for _, row in frame.iterrows()]
    week = [d - dt.timedelta(days=d.weekday()) for d in frame["service_date"]]
    return frame.assign(status=pd.Series(status, index=frame.index, dtype=object),
                        week=pd.Series(week, index=frame.index, dtype=object))


def rates(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    """Checked stops, kept (late included), late, missed, kept by another vehicle and the rate, per `by` group."""
    keys = GROUPS[by]
    checked = frame[frame["status"] != "pending"]
    if checked.empty:
        return pd.DataFrame(columns=[*keys, *COUNTED, "rate"])
    flags = checked.assign(stops=1, kept=checked["status"].isin(["kept", "late"]).astype(int),
                           late=(checked["status"] == "late").astype(int),
                           missed=(checked["status"] == "missed").astype(int),
                           by_other=(checked["status"] == "by_other").astype(int))
    out = flags.groupby(keys, dropna=False)[list(COUNTED)].sum().reset_index()
    return out.assign(rate=(out["kept"] / out["stops"]).round(4)).sort_values(["rate", *keys]).reset_index(drop=True)


def totals(frame: pd.DataFrame) -> dict[str, int | float | None]:
    """The range's counts in one: stops checked, kept, on time, late, missed, by_other, pending and the rate."""
    t = tally(frame)
    return {**{k: v for k, v in t.items() if k != "checked"}, "stops": t["checked"]}


def export(conn: sa.Connection, date_from: dt.date, date_to: dt.date,
           counties: list[str] | None = None) -> pd.DataFrame:
    """`xiaoan export plan-compliance`: per vehicle (with its county and unit) the stops checked and the rate."""
    frame = stops(conn, date_from, date_to, counties)
    rated = rates(frame, "vehicle")
    units = frame.drop_duplicates("vehicle_id").set_index("vehicle_id")
    return rated.assign(county_zh=rated["vehicle_id"].map(units["county_zh"]) if len(rated) else [],
                        unit_code=rated["vehicle_id"].map(units["unit_code"]) if len(rated) else [])[
        ["county_adcode", "county_zh", "unit_code", "unit_name", "vehicle_id", *COUNTED, "rate"]]
