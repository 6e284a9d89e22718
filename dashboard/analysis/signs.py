"""Required signs per school (pure): which kinds each school near a road lacks, and its map colour."""

from __future__ import annotations

import pandas as pd

from texts import label, t

SCHOOL_COLOURS = {"missing": (200, 30, 45), "complete": (40, 160, 90)}
SIGN_COLOURS: dict[str, tuple[int, int, int]] = {
    "present": (26, 152, 80), "missing": (215, 48, 39), "damaged": (244, 165, 30)}
NOT_REINSTALLED_RING = (120, 0, 160)


def missing_by_school(status: pd.DataFrame, schools: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per school near a road: name, county, road, what is missing (kind: status), last survey."""
    if status.empty:
        return pd.DataFrame(columns=["school_code", "name", "county_adcode", "school_type", "road_name", "missing",
                                     "lacking", "last_surveyed_on", "lon", "lat"])
    rows = []
    for code, group in status.groupby("school_code", sort=False):
        gone = group[group["missing"].astype(bool)]
        lacking = t("signs.sep", lang).join(
            t("signs.lacking_item", lang).format(kind=label("sign_kind", k, lang), status=label("sign_status", s, lang))
            for k, s in zip(gone["kind"], gone["status"], strict=True))
        surveyed = group["last_surveyed_on"].dropna()
        rows.append({"school_code": code, "road_name": group["road_name"].iloc[0], "missing": len(gone),
                     "lacking": lacking, "last_surveyed_on": surveyed.max() if len(surveyed) else None})
    found = pd.DataFrame(rows).merge(
        schools[["school_code", "name", "county_adcode", "school_type", "lon", "lat"]], on="school_code")
    return found.sort_values(["missing", "school_code"], ascending=[False, True]).reset_index(drop=True)


def school_legend(by_school: pd.DataFrame, lang: str) -> list[tuple[tuple[int, int, int], str, int, str]]:
    """Legend entries of the schools near a road: missing signs, complete."""
    missing = int((by_school["missing"] > 0).sum())
    return [(SCHOOL_COLOURS["missing"], t("signs.school.missing", lang), missing, "dot"),
            (SCHOOL_COLOURS["complete"], t("signs.school.complete", lang), len(by_school) - missing, "dot")]
