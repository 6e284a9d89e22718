"""Work lists as .xlsx: missing / not-reinstalled signs (for the transport department), gap schools by
county, overdue hazards — `write_worklist`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import IO

import pandas as pd
import sqlalchemy as sa

from dashboard.analysis import gaps as gap_rules
from dashboard.exports import problems
from dashboard.exports.snapshot import Snapshot, local_time, take
from dashboard.exports.texts import tx
from dashboard.exports.xlsx import write_book
from db.settings import get_settings
from texts import county_label, short_county

WORKLISTS = ("signs", "gaps", "hazards")


def gap_summary(snap: Snapshot, gaps: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Schools of each gap kind per selected county, and their total."""
    kinds = [k for k in gap_rules.KINDS if k != "ok"]
    rows = []
    for _, county in snap.activities.iterrows():
        mine = gaps[gaps["col.county"] == county_label(county, lang)]
        counts = {f"gap_kind.{k}": int((mine["col.gap"] == tx(f"gap_kind.{k}", lang)).sum()) for k in kinds}
        rows.append({"col.county": county_label(county, lang), **counts, "col.schools": len(mine)})
    return pd.DataFrame(rows, columns=["col.county", *[f"gap_kind.{k}" for k in kinds], "col.schools"])


def sheets(snap: Snapshot, kind: str, lang: str = "zh") -> dict[str, pd.DataFrame]:
    """The sheets of a work list: name → frame whose columns are text keys."""
    if kind == "signs":
        return {tx("worklist.signs.sheet", lang): problems.sign_list(snap, lang)}
    if kind == "hazards":
        days = get_settings().escalate_days
        return {tx("worklist.hazards.sheet", lang): problems.overdue_list(snap, lang),
                tx("worklist.escalate.sheet", lang).format(days=days): problems.overdue_list(snap, lang, days)}
    if kind != "gaps":
        raise ValueError(f"unknown work list {kind!r}; expected one of {', '.join(WORKLISTS)}")
    gaps = problems.gap_list(snap, lang)
    out = {tx("worklist.summary", lang): gap_summary(snap, gaps, lang)}
    for _, county in snap.activities.iterrows():
        mine = gaps[gaps["col.county"] == county_label(county, lang)]
        if len(mine):
            out[short_county(county_label(county, lang))] = mine.reset_index(drop=True)
    return out


def about(snap: Snapshot, kind: str, rows: int, lang: str) -> list[tuple[str, object]]:
    """The about sheet's lines."""
    as_of = local_time(snap.as_of) if snap.as_of else ""
    return [(tx("worklist.title", lang), f"{snap.where(lang)}{tx(f'worklist.{kind}', lang)}"),
            (tx("worklist.period", lang), f"{snap.date_from} – {snap.date_to}"),
            (tx("worklist.state_on", lang), snap.date_to), (tx("worklist.as_of", lang), as_of),
            (tx("worklist.rows", lang), rows), (tx("worklist.note", lang), tx(f"worklist.note.{kind}", lang))]


def write_worklist(conn: sa.Connection, kind: str, counties: Sequence[str] | None, date_from: dt.date,
                   date_to: dt.date, path: Path | IO[bytes], lang: str = "zh") -> int:
    """Write one work list for the counties (None: all) and period; return its number of rows."""
    if kind not in WORKLISTS:
        raise ValueError(f"unknown work list {kind!r}; expected one of {', '.join(WORKLISTS)}")
    snap = take(conn, counties, date_from, date_to)
    found = sheets(snap, kind, lang)
    rows = sum(len(f) for name, f in found.items() if name != tx("worklist.summary", lang))
    write_book(found, about(snap, kind, rows, lang), path, lang)
    return rows
