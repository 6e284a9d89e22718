"""The worst status of each school and the county comparison (pure, from the analytics frames)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard.analysis import metrics

# Worst first; a school shows the first that applies.
STATUSES = ("no_liaison", "overdue_hazard", "no_presence", "missing_signs", "four100_incomplete", "ok")
STATUS_COLOURS: dict[str, tuple[int, int, int]] = {
    "no_liaison": (200, 30, 45), "overdue_hazard": (150, 50, 160), "no_presence": (240, 120, 20),
    "missing_signs": (230, 190, 0), "four100_incomplete": (90, 150, 220), "ok": (40, 160, 90)}


def per_school_presence(days: pd.DataFrame) -> pd.DataFrame:
    """Windows, windows present and closest approach per school, from presence per school and day."""
    if days.empty:
        return pd.DataFrame(columns=["school_code", "windows", "present", "min_distance_m", "rate"])
    grouped = days.groupby("school_code", as_index=False).agg(
        windows=("windows", "sum"), present=("present", "sum"), min_distance_m=("min_distance_m", "min"))
    return grouped.assign(rate=grouped["present"] / grouped["windows"])


def worst_status(coverage: pd.DataFrame, presence: pd.DataFrame, four100: pd.DataFrame, hazards: pd.DataFrame,
                 signs: pd.DataFrame) -> dict[str, str]:
    """school_code → the worst of STATUSES (no_presence only where school-day windows were held)."""
    flagged = {
        "no_liaison": set(coverage.loc[~coverage["covered"].astype(bool), "school_code"]),
        "overdue_hazard": set(hazards.loc[hazards["overdue"].astype(bool), "school_code"].dropna()),
        "no_presence": set(per_school_presence(presence).query("windows > 0 and present == 0")["school_code"]),
        "missing_signs": set(signs.loc[signs["missing"].astype(bool), "school_code"]) if len(signs) else set(),
        "four100_incomplete": set(four100.loc[~four100["all_four"].astype(bool), "school_code"]),
    }
    return {code: next((s for s in STATUSES[:-1] if code in flagged[s]), "ok") for code in coverage["school_code"]}


def county_table(schools: pd.DataFrame, coverage: pd.DataFrame, presence: pd.DataFrame, four100: pd.DataFrame,
                 hazards: pd.DataFrame, signs: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """One row per county of schools: schools, the shares, hazard states and schools missing signs."""
    county_of = pd.Series(schools["county_adcode"].to_numpy(), index=schools["school_code"].to_numpy())
    counties = {name: frame["school_code"].map(county_of).to_numpy()  # each frame's counties, looked up once
                for name, frame in (("coverage", coverage), ("presence", presence), ("four100", four100),
                                    ("signs", signs))}
    hazard_county = hazards["county_adcode"].to_numpy()
    school_county = schools["county_adcode"].to_numpy()
    rows = []
    for adcode in sorted(set(school_county)):
        figures = metrics.figures(coverage[counties["coverage"] == adcode], presence[counties["presence"] == adcode],
                                  four100[counties["four100"] == adcode], hazards[hazard_county == adcode],
                                  signs[counties["signs"] == adcode], as_of)
        rows.append({"county_adcode": adcode, "schools": int((school_county == adcode).sum()),
                     "coverage": figures.coverage, "presence": figures.presence, "four100": figures.four100,
                     **figures.hazards, "rectification": metrics.rectification_rate(figures.hazards),
                     "missing_signs": figures.missing_signs})
    return pd.DataFrame(rows)
