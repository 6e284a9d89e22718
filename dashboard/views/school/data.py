"""One school's data: search by name or code, its facts, officers (phones masked in SQL), presence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import pandas as pd

from dashboard.reads import core
from db.analytics import marts

SEARCH_LIMIT = 50


def like_escaped(text: str) -> str:
    """Text with LIKE's wildcards (and the escape character) taken literally."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search(query: str, counties: Sequence[str]) -> pd.DataFrame:
    """Schools whose name contains the query or whose code starts with it."""
    q = query.strip()[:60]
    if not q:
        return pd.DataFrame(columns=["school_code", "name", "school_type", "county_adcode", "county_zh", "county_en"])
    return core.frame("dash_school_search", q=like_escaped(q), counties=list(counties) or None, limit=SEARCH_LIMIT)


def school(code: str, counties: Sequence[str]) -> dict[str, Any] | None:
    """The school with this code if it lies in the selected counties, else None."""
    found = core.frame("dash_school", code=code[:40], counties=list(counties) or None)
    return found.iloc[0].to_dict() if len(found) else None


def officers(code: str, on: dt.date) -> pd.DataFrame:
    """Officers assigned to the school, valid on `on` first; phones masked."""
    return core.frame("dash_school_officers", code=code, on=on)


def presence(code: str, date_from: dt.date, date_to: dt.date) -> pd.DataFrame:
    """The school's presence per school day and peak window (today's windows not ended yet left out)."""
    return core.frame("dash_school_presence", code=code, date_from=date_from, date_to=date_to, **marts.reading())
