"""The numbers of a brief (pure, from a Snapshot): work done, hazards, liaison, presence, four-100%, signs."""

from __future__ import annotations

from dashboard.analysis import metrics
from dashboard.exports.snapshot import Snapshot
from db.analytics import compliance
from db.analytics.backlog import stock

WORK = ("officer_times", "vehicle_times", "deployments", "inspections", "legal_education", "drills", "flyers",
        "participants")
FLAGS = metrics.FOUR100_FLAGS
Figures = dict[str, int | float | None]


def ratio(part: int, whole: int) -> float | None:
    """part / whole, None for nothing to divide by."""
    return part / whole if whole else None


def work(snap: Snapshot) -> Figures:
    """Police work in the period: person-times, vehicle-times, sessions of each kind, flyers, people reached."""
    return {m: int(snap.activities[m].sum()) if len(snap.activities) else 0 for m in WORK}


def hazards(snap: Snapshot) -> Figures:
    """Hazards found in the period per kind (campus_*, surrounding_*) as they stood at its end; overdue ever."""
    out: Figures = {}
    for kind in ("campus", "surrounding"):
        counts = metrics.hazard_counts(snap.hazards[snap.hazards["kind"] == kind], snap.date_to)
        out.update({f"{kind}_{state}": n for state, n in counts.items()})
    out["overdue_all"] = len(snap.overdue)
    out.update(stock(snap.backlog))
    return out


def liaison(snap: Snapshot) -> Figures:
    """Schools, liaison coverage on the last day, peak-hour presence in the period."""
    table = snap.gaps
    gap, held = table["gap"], table["windows"] > 0
    schools, covered = len(snap.coverage), int(snap.coverage["covered"].astype(bool).sum())
    windows = int(snap.presence["windows"].sum()) if len(snap.presence) else 0
    present = int(snap.presence["present"].sum()) if len(snap.presence) else 0
    return {"schools": schools, "covered": covered, "coverage": ratio(covered, schools),
            "no_liaison": int((gap == "no_liaison").sum()), "weak_liaison": int((gap == "weak_liaison").sum()),
            "windows": windows, "present": present, "presence": ratio(present, windows),
            "no_presence": int((held & (table["present"] == 0)).sum()),
            "low_presence": int((held & (table["present"] > 0) & (table["rate"] < 0.5)).sum())}


def four100(snap: Snapshot) -> Figures:
    """Schools meeting each four-100% target and all four on the last day, the share, and what moved in the period."""
    out: Figures = {f: int(snap.four100[f].astype(bool).sum()) for f in FLAGS}
    out["four100"] = ratio(int(out["all_four"] or 0), len(snap.four100))
    for flag, (gained, lost) in metrics.four100_moves(snap.four100_changes).items():
        out[f"newly_{flag}"], out[f"lost_{flag}"] = gained, lost
    return out


def signs(snap: Snapshot) -> Figures:
    """Schools near a road, those missing a required sign, signs not put back after road works."""
    near = int(snap.signs["school_code"].nunique()) if len(snap.signs) else 0
    missing = metrics.missing_sign_schools(snap.signs)
    return {"near_road": near, "signs_complete": near - missing, "missing_signs": missing,
            "not_reinstalled": int(snap.not_reinstalled["sign_code"].nunique()) if len(snap.not_reinstalled) else 0}


def plans(snap: Snapshot) -> Figures:
    """Planned patrol stops of the period against the GPS: checked, kept on time, late, missed, by others, rate."""
    t = compliance.totals(snap.plan_stops)
    return {f"plan_{k}": t[k] for k in ("stops", "on_time", "late", "missed", "by_other", "rate")}


def figures(snap: Snapshot) -> Figures:
    """Every number of the brief for the snapshot's selection and period."""
    return {**work(snap), **hazards(snap), **liaison(snap), **four100(snap), **signs(snap), **plans(snap)}
