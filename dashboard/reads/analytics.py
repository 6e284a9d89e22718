"""The analytics of db.analytics, called through one cache (per database, function and arguments)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.reads import core
from dashboard.reads.core import TTL_S
from db.analytics import backlog as hazard_backlog
from db.analytics import reports

FUNCTIONS: dict[str, Callable[..., pd.DataFrame]] = {
    "coverage": reports.coverage, "hazards": reports.hazards,
    "four100": lambda conn, as_of, counties: reports.four100(conn, counties, as_of),
    "four100_changes": reports.four100_changes,
    "activities": reports.activities, "sign_status": reports.sign_status,
    "signs_not_reinstalled": reports.signs_not_reinstalled, "backlog": hazard_backlog.open_hazards,
}
Counties = list[str] | None


@st.cache_data(ttl=TTL_S, show_spinner=False)
def _call(reader: core.Reader, name: str, args: tuple[Any, ...], counties: tuple[str, ...]) -> pd.DataFrame:
    """Run one analytics function on a pooled connection, scoped to the signed-in user (cached)."""
    with core.connect(reader) as conn:
        return FUNCTIONS[name](conn, *args, counties=list(counties) or None)


def _get(name: str, args: tuple[Any, ...], counties: Counties) -> pd.DataFrame:
    """An analytics frame; database failures become DataUnavailable."""
    return core.run(_call, name, args, tuple(sorted(counties or ())))


def coverage(on: dt.date, counties: Counties) -> pd.DataFrame:
    """Liaison coverage of every school on a day, with gap reasons."""
    return _get("coverage", (on,), counties)


def four100(as_of: dt.date, counties: Counties) -> pd.DataFrame:
    """The four-100% flags of every school on a day (its latest check on or before it)."""
    return _get("four100", (as_of,), counties)


def four100_changes(date_from: dt.date, date_to: dt.date, counties: Counties) -> pd.DataFrame:
    """Per county and flag, the schools that newly met or lost it between the previous period's end and date_to."""
    return _get("four100_changes", (date_from, date_to), counties)


def hazards(date_from: dt.date, date_to: dt.date, counties: Counties) -> pd.DataFrame:
    """Hazards found in the period, with their state at its end."""
    return _get("hazards", (date_from, date_to), counties)


def backlog(as_of: dt.date, counties: Counties) -> pd.DataFrame:
    """Hazards not rectified on a day, whenever found (挂账), with days overdue."""
    return _get("backlog", (as_of,), counties)


def activities(date_from: dt.date, date_to: dt.date, counties: Counties) -> pd.DataFrame:
    """Police work per county in the period."""
    return _get("activities", (date_from, date_to), counties)


def sign_status(as_of: dt.date, counties: Counties) -> pd.DataFrame:
    """Each required sign kind of each school near a road, with its latest survey status."""
    return _get("sign_status", (as_of,), counties)


def signs_not_reinstalled(as_of: dt.date, counties: Counties) -> pd.DataFrame:
    """Signs present before a road work and not surveyed present since."""
    return _get("signs_not_reinstalled", (as_of,), counties)
