"""Route cards of a weekly rota in one workbook: every day's stops with a date column, the school × day grid."""

from __future__ import annotations

from pathlib import Path
from typing import IO

import pandas as pd

from dashboard.exports.route_cards import STOP_COLUMNS, stop_table, uncovered_table
from dashboard.exports.xlsx import write_book
from patrol.rota import StoredWeek
from texts import label, t


def dated(week: StoredWeek, table: object, lang: str | None = None) -> pd.DataFrame:
    """One table of the rota's plans (route_cards' stop_table or uncovered_table), a date column first."""
    frames = [(table(p) if lang is None else table(p, lang)).assign(**{"rota.col.date": p.header.service_date})
              for p in week.plans]
    if not frames:
        return pd.DataFrame(columns=["rota.col.date", *STOP_COLUMNS])
    out = pd.concat(frames, ignore_index=True)
    return out[["rota.col.date", *[c for c in out.columns if c != "rota.col.date"]]]


def grid_table(week: StoredWeek, lang: str) -> pd.DataFrame:
    """School × date in words: the vehicle that stops there, 护学岗, or why no vehicle comes."""
    cells = week.cells
    if cells.empty:
        return pd.DataFrame(columns=["plan.col.school"])
    said = [v if isinstance(v, str) else t("rota.cell.post", lang) if by == "post" else label("plan_reason", r, lang)
            for v, by, r in zip(cells["vehicle_id"], cells["covered_by"], cells["reason"], strict=True)]
    wide = (cells.assign(said=said, day=[d.isoformat() for d in cells["date"]],
                         name=cells["school_name"].fillna(cells["school_code"]))
            .pivot_table(index=["school_code", "name"], columns="day", values="said", aggfunc="first"))
    wide = wide.reset_index().drop(columns="school_code").rename(columns={"name": "plan.col.school"})
    wide.columns.name = None
    return wide


def write_xlsx(week: StoredWeek, out: Path | IO[bytes], lang: str = "zh") -> None:
    """The week's route cards: stops of every day (date column), the school × day grid, the uncovered per day."""
    about = [("from", week.first.isoformat()), ("plans", ", ".join(str(p.header.plan_id) for p in week.plans)),
             ("window", week.plans[0].header.window_name if week.plans else ""),
             ("county", (week.plans[0].header.county_adcode if week.plans else None) or t("plan.whole", lang))]
    write_book({t("rota.sheet.routes", lang): dated(week, stop_table),
                t("rota.sheet.grid", lang): grid_table(week, lang),
                t("rota.sheet.uncovered", lang): dated(week, uncovered_table, lang)}, about, out, lang)
