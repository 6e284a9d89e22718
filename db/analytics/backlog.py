"""The hazard backlog (挂账) on a date: what is not rectified, whenever found; its stock figures; the 专报 list."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import sqlalchemy as sa

from db.analytics.reports import frame


def open_hazards(conn: sa.Connection, as_of: dt.date, counties: list[str] | None = None) -> pd.DataFrame:
    """Every hazard not rectified on as_of, whenever found, with overdue and days_overdue."""
    return frame(conn, "hazard_backlog", as_of=as_of, counties=counties)


def stock(backlog: pd.DataFrame) -> dict[str, object]:
    """Backlog, of it on deadline (deadline not passed) and overdue, and the oldest found date."""
    overdue = backlog["overdue"].astype(bool) if len(backlog) else pd.Series(dtype=bool)
    waiting = backlog["deadline"].notna() & ~overdue if len(backlog) else pd.Series(dtype=bool)
    return {"backlog": len(backlog), "backlog_on_deadline": int(waiting.sum()), "backlog_overdue": int(overdue.sum()),
            "oldest_open": min(backlog["found_on"]) if len(backlog) else None}


def escalations(backlog: pd.DataFrame, days: int) -> pd.DataFrame:
    """The hazards overdue by more than days (专报): per county, longest overdue first."""
    late = backlog[backlog["days_overdue"].fillna(0) > days] if len(backlog) else backlog
    return late.sort_values(["county_adcode", "days_overdue", "hazard_id"], ascending=[True, False, True])
