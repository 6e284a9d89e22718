"""Route cards of a stored patrol plan: per vehicle its stops with times, and the schools not covered (xlsx, docx)."""

from __future__ import annotations

from pathlib import Path
from typing import IO

import pandas as pd

from dashboard.exports import docx_style as d
from dashboard.exports.xlsx import write_book
from db.plans import StoredPlan
from texts import label, t

STOP_COLUMNS = ("plan.col.vehicle", "plan.col.unit", "plan.col.seq", "plan.col.school", "plan.col.arrive",
                "plan.col.depart", "plan.col.travel", "plan.col.priority")
UNCOVERED_COLUMNS = ("plan.col.school", "col.county", "plan.col.reason", "plan.col.priority")


def stop_table(plan: StoredPlan) -> pd.DataFrame:
    """One row per stop in route order, columns keyed by catalogue keys."""
    units = dict(zip(plan.routes["vehicle_id"], plan.routes["unit_code"], strict=True))
    s = plan.stops
    return pd.DataFrame({
        "plan.col.vehicle": s["vehicle_id"], "plan.col.unit": s["vehicle_id"].map(units), "plan.col.seq": s["seq"],
        "plan.col.school": s["school_name"].fillna(s["school_code"]),
        "plan.col.arrive": [a.strftime("%H:%M") for a in s["arrive"]],
        "plan.col.depart": [x.strftime("%H:%M") for x in s["depart"]],
        "plan.col.travel": (s["travel_s"] / 60).round().astype(int), "plan.col.priority": s["priority"].round(1)},
        columns=list(STOP_COLUMNS))


def uncovered_table(plan: StoredPlan, lang: str) -> pd.DataFrame:
    """One row per school not covered, highest priority first, with its reason in words."""
    u = plan.uncovered
    return pd.DataFrame({
        "plan.col.school": u["school_name"].fillna(u["school_code"]), "col.county": u["county_adcode"],
        "plan.col.reason": [label("plan_reason", r, lang) for r in u["reason"]],
        "plan.col.priority": u["priority"].round(1)}, columns=list(UNCOVERED_COLUMNS))


def priority_table(plan: StoredPlan) -> pd.DataFrame:
    """Every school of the plan with its priority and what it is made of, highest first (why a gate came first)."""
    rows = [{"plan.col.school": r.school_name or r.school_code, "plan.col.priority": round(float(r.priority), 1),
             "plan.col.reason": r.reason, **{f"plan.part.{k}": v for k, v in (r.priority_parts or {}).items()}}
            for frame, reason in ((plan.stops, "covered"), (plan.uncovered, None))
            for r in frame.assign(reason=frame["reason"] if reason is None else reason).itertuples()]
    return pd.DataFrame(rows).sort_values("plan.col.priority", ascending=False) if rows else pd.DataFrame()


def brief_line(plan: StoredPlan, lang: str) -> str:
    """The plan in one sentence for the brief: vehicles, schools covered, uncovered by reason."""
    h = plan.header
    counts = plan.uncovered["reason"].value_counts() if len(plan.uncovered) else {}
    reasons = t("overview.four100_sep", lang).join(f"{label('plan_reason', k, lang)} {int(n)}"
                                                   for k, n in counts.items()) or "—"
    return t("plan.brief_line", lang).format(date=h.service_date.isoformat(), window=label("window", h.window_name,
                                                                                          lang),
                                             vehicles=len(plan.routes), covered=h.covered, schools=h.schools,
                                             uncovered=len(plan.uncovered), reasons=reasons)


def title_of(plan: StoredPlan, lang: str) -> str:
    """巡逻路线卡 of the plan's date and window."""
    h = plan.header
    return t("plan.card_title", lang).format(date=h.service_date.isoformat(), window=label("window", h.window_name,
                                                                                           lang))


def about(plan: StoredPlan, lang: str) -> list[tuple[str, object]]:
    """What the cards were made from: plan id, who and when, the window, dwell, solver, counts."""
    h = plan.header
    def when(moment: object) -> str:
        return moment.isoformat(timespec="minutes") if hasattr(moment, "isoformat") else str(moment)
    return [("plan_id", h.plan_id), ("made_by", h.made_by), ("made_at", when(h.made_at)),
            ("window_start", when(h.window_start)), ("window_end", when(h.window_end)),
            ("county", h.county_adcode or t("plan.whole", lang)),
            ("dwell_min", h.dwell_min), ("schools", h.schools), ("covered", h.covered),
            ("solver", h.params.get("solver")), ("lead_min", h.params.get("lead_min"))]


def write_xlsx(plan: StoredPlan, out: Path | IO[bytes], lang: str = "zh") -> None:
    """The route cards as a workbook: stops, uncovered schools, what they were made from."""
    write_book({t("plan.routes", lang): stop_table(plan), t("plan.uncovered", lang): uncovered_table(plan, lang),
                t("plan.priority", lang): priority_table(plan)},
               about(plan, lang), out, lang)


def write_docx(plan: StoredPlan, out: Path | IO[bytes], lang: str = "zh") -> None:
    """The route cards as a Word document: one table per vehicle, then the schools not covered."""
    doc = d.new_document()
    h = plan.header
    d.title(doc, title_of(plan, lang), f"{h.window_start:%H:%M}–{h.window_end:%H:%M} · plan {h.plan_id}")
    stops = stop_table(plan)
    for vehicle, rows in stops.groupby("plan.col.vehicle", sort=False):
        d.heading(doc, t("plan.card_vehicle", lang).format(vehicle=vehicle, unit=rows["plan.col.unit"].iloc[0]))
        d.table(doc, "", [t(c, lang) for c in STOP_COLUMNS[2:]], rows[list(STOP_COLUMNS[2:])].values.tolist(),
                total=False)
    missing = uncovered_table(plan, lang)
    if len(missing):
        d.heading(doc, t("plan.uncovered", lang))
        d.table(doc, "", [t(c, lang) for c in UNCOVERED_COLUMNS], missing.values.tolist(), total=False)
    doc.save(out)
