"""Coverage gaps per school (pure): no or weak liaison, no or little peak-hour presence, with reasons."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.analysis.statuses import per_school_presence

KINDS = ("no_liaison", "weak_liaison", "no_presence", "low_presence", "ok")
KIND_COLOURS: dict[str, tuple[int, int, int]] = {
    "no_liaison": (200, 30, 45), "weak_liaison": (240, 120, 20), "no_presence": (150, 50, 160),
    "low_presence": (230, 190, 0), "ok": (40, 160, 90)}
LOW_PRESENCE = 0.5


def gap_kinds(table: pd.DataFrame) -> pd.Series:
    """The gap of each school: liaison first (none, then weak), then presence (none, then below half)."""
    held = table["windows"] > 0
    conditions = [~table["covered"], table["gap_reason"].notna(), held & (table["present"] == 0),
                  held & (table["rate"] < LOW_PRESENCE)]
    return pd.Series(np.select(conditions, list(KINDS[:4]), default="ok"), index=table.index, dtype=object)


def gap_table(schools: pd.DataFrame, coverage: pd.DataFrame, days: pd.DataFrame) -> pd.DataFrame:
    """Every selected school with its liaison state, presence figures and gap kind, worst first."""
    liaison = coverage[["school_code", "covered", "gap_reason", "officers", "expired_on", "nearest_unit_m"]]
    presence = per_school_presence(days)
    table = (schools[["school_code", "name", "school_type", "county_adcode", "county_zh", "county_en", "lon", "lat"]]
             .merge(liaison, on="school_code", how="left").merge(presence, on="school_code", how="left"))
    table["covered"] = table["covered"].astype("boolean").fillna(False).astype(bool)
    table["gap_reason"] = table["gap_reason"].where(table["gap_reason"].notna(), None)
    for column in ("windows", "present"):
        table[column] = table[column].fillna(0).astype(int)
    table["rate"] = table["present"] / table["windows"].where(table["windows"] > 0)
    table["gap"] = gap_kinds(table)
    order = table["gap"].map(KINDS.index)
    return table.assign(_o=order).sort_values(["_o", "rate", "school_code"], na_position="last").drop(
        columns="_o").reset_index(drop=True)


def reasons(table: pd.DataFrame) -> pd.Series:
    """The reason code shown for each gap: the liaison's gap reason, else no_presence (for no or low presence)."""
    by_presence = np.where(table["gap"].isin(["no_presence", "low_presence"]), "no_presence", "")
    liaison = table["gap_reason"].where(table["gap_reason"].map(lambda v: isinstance(v, str)), None)
    return liaison.fillna(pd.Series(by_presence, index=table.index)).astype(object)


def calendar(days: pd.DataFrame, schools: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    """School × day rows (name, date, windows, present, rate) for the chosen schools, in their order."""
    names = dict(zip(schools["school_code"], schools["name"], strict=True))
    chosen = days[days["school_code"].isin(codes)].copy()
    if chosen.empty:
        return pd.DataFrame(columns=["school_code", "school", "label", "date", "windows", "present", "rate"])
    chosen["school"] = chosen["school_code"].map(names)
    chosen["label"] = chosen["school"] + " · " + chosen["school_code"]
    chosen["date"] = pd.to_datetime(chosen["day"]).dt.strftime("%Y-%m-%d")
    chosen["rate"] = chosen["present"] / chosen["windows"]
    rank = {code: i for i, code in enumerate(codes)}
    return chosen.assign(_r=chosen["school_code"].map(rank)).sort_values(["_r", "date"]).drop(columns="_r")
