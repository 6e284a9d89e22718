"""The problems found (pure, from a Snapshot): gap schools, overdue hazards, missing and not-reinstalled signs.

Each list is a DataFrame whose columns are text keys (translated when written); phones are already masked.
"""

from __future__ import annotations

import pandas as pd

from dashboard.analysis import gaps as gap_rules
from dashboard.exports.privacy import mask_text
from dashboard.exports.snapshot import Snapshot
from texts import county_label, label, type_label

GAP_COLUMNS = ["col.county", "col.school", "col.code", "col.type", "col.township", "col.gap", "col.reason",
               "col.expired_on", "col.liaison", "col.windows", "col.present", "col.rate", "col.closest_m"]
HAZARD_COLUMNS = ["col.county", "col.hazard", "col.kind", "col.category", "col.school", "col.description",
                  "col.found_on", "col.deadline", "col.days_overdue", "col.status", "col.liaison", "col.lon",
                  "col.lat"]
SIGN_COLUMNS = ["col.county", "col.school", "col.code", "col.road", "col.sign_kind", "col.problem", "col.sign",
                "col.surveyed_on", "col.work", "col.work_finished", "col.lon", "col.lat"]


def contacts(snap: Snapshot, unit: bool = True) -> dict[str, str]:
    """school_code → its valid liaison officers: 张警官 139****5554（六库派出所）；… (phones masked)."""
    rows = snap.officers.fillna("")
    if rows.empty:
        return {}
    text = (rows["name"] + rows["phone"].map(lambda p: f" {p}" if p else "")
            + (rows["unit_name"].map(lambda u: f"（{u}）" if u else "") if unit else ""))
    return text.str.strip().groupby(rows["school_code"]).agg("；".join).to_dict()


def gap_list(snap: Snapshot, lang: str = "zh") -> pd.DataFrame:
    """Schools with a coverage gap, by county, worst first."""
    table = snap.gaps[snap.gaps["gap"] != "ok"].merge(snap.schools[["school_code", "township"]], on="school_code")
    table = table.assign(_c=table["county_adcode"], _o=table["gap"].map(gap_rules.KINDS.index))
    table = table.sort_values(["_c", "_o", "rate", "school_code"], na_position="last")
    who = contacts(snap)
    return pd.DataFrame({
        "col.county": [county_label(r, lang) for _, r in table.iterrows()], "col.school": table["name"],
        "col.code": table["school_code"], "col.type": table["school_type"].map(lambda t: type_label(t, lang)),
        "col.township": table["township"], "col.gap": table["gap"].map(lambda g: label("gap_kind", g, lang)),
        "col.reason": [label("gap", code, lang) if code else "" for code in gap_rules.reasons(table)],
        "col.expired_on": table["expired_on"], "col.liaison": table["school_code"].map(who).fillna(""),
        "col.windows": table["windows"], "col.present": table["present"],
        "col.rate": table["rate"].round(4), "col.closest_m": table["min_distance_m"].round(0)},
        columns=GAP_COLUMNS).reset_index(drop=True)


def overdue_list(snap: Snapshot, lang: str = "zh", longer_than: int = -1) -> pd.DataFrame:
    """Hazards past their deadline (by more than longer_than days) and not rectified on the period's last day,
    whenever found, oldest first."""
    h = snap.overdue.sort_values(["county_adcode", "deadline", "hazard_id"])
    h = h[pd.Series([(snap.date_to - d).days > longer_than for d in h["deadline"]], index=h.index, dtype=bool)]
    who = contacts(snap)
    return pd.DataFrame({
        "col.county": [county_label(r, lang) for _, r in h.iterrows()], "col.hazard": h["hazard_id"],
        "col.kind": h["kind"].map(lambda k: label("hazard_kind", k, lang)), "col.category": h["category"],
        "col.school": h["school_name"].fillna(""), "col.description": h["description"].map(mask_text),
        "col.temporary_measure": h["temporary_measure"].fillna("").map(mask_text),
        "col.found_on": h["found_on"], "col.deadline": h["deadline"],
        "col.days_overdue": [(snap.date_to - d).days for d in h["deadline"]],
        "col.status": h["status"].map(lambda s: label("hazard_status", s, lang)),
        "col.liaison": h["school_code"].map(who).fillna(""), "col.lon": h["lon"], "col.lat": h["lat"]},
        columns=HAZARD_COLUMNS).reset_index(drop=True)


def sign_list(snap: Snapshot, lang: str = "zh") -> pd.DataFrame:
    """Required signs missing at schools near a road, then signs not put back after road works, by school."""
    school = snap.schools.set_index("school_code")
    gone = snap.signs[snap.signs["missing"].astype(bool)]
    rows = [{"col.county": county_label(school.loc[s.school_code], lang), "col.school": s.school_name,
             "col.code": s.school_code, "col.road": s.road_name, "col.sign_kind": label("sign_kind", s.kind, lang),
             "col.problem": label("sign_status", s.status, lang), "col.sign": s.sign_code,
             "col.surveyed_on": s.last_surveyed_on, "col.lon": school.loc[s.school_code, "gate_lon"],
             "col.lat": school.loc[s.school_code, "gate_lat"]} for s in gone.itertuples()]
    for s in snap.not_reinstalled.itertuples():
        for code in [c for c in s.schools if c in school.index] or [None]:
            rows.append({"col.county": county_label(school.loc[code], lang) if code else "",
                         "col.school": school.loc[code, "name"] if code else "", "col.code": code or "",
                         "col.road": s.road_name, "col.sign_kind": label("sign_kind", s.kind, lang),
                         "col.problem": label("signs", "not_reinstalled_short", lang), "col.sign": s.sign_code,
                         "col.surveyed_on": s.present_before, "col.work": s.work_description,
                         "col.work_finished": s.work_finished_on, "col.lon": s.lon, "col.lat": s.lat})
    out = pd.DataFrame(rows, columns=SIGN_COLUMNS)
    adcode = out["col.code"].map(school["county_adcode"]).fillna("999999")
    return (out.assign(_k=adcode).sort_values(["_k", "col.code", "col.road"], kind="stable")
            .drop(columns="_k").reset_index(drop=True))
