"""What an export shows for one period and selection, read once from the analytics API (state at its end)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from zoneinfo import ZoneInfo

import pandas as pd
import sqlalchemy as sa

from dashboard.analysis import gaps, statuses
from dashboard.exports.privacy import mask_phone
from dashboard.exports.texts import tx
from db.analytics import backlog, compliance, marts, reports
from db.analytics.reports import frame
from db.settings import get_settings
from db.sql import query
from texts import county_label, short_county


@dataclass(frozen=True)
class Snapshot:
    """The frames of one period for the selected counties (None: the whole prefecture)."""

    counties: list[str] | None
    date_from: dt.date
    date_to: dt.date
    as_of: dt.datetime | None
    schools: pd.DataFrame
    coverage: pd.DataFrame
    presence: pd.DataFrame
    four100: pd.DataFrame  # each school's flags on date_to
    four100_changes: pd.DataFrame  # per county and flag: newly met / lost since the day before date_from
    hazards: pd.DataFrame
    overdue: pd.DataFrame
    backlog: pd.DataFrame  # every hazard not rectified on date_to, whenever found
    activities: pd.DataFrame
    signs: pd.DataFrame
    not_reinstalled: pd.DataFrame
    officers: pd.DataFrame
    plan_stops: pd.DataFrame  # the planned patrol stops in force in the period, each with its check

    @cached_property
    def gaps(self) -> pd.DataFrame:
        """Every school with its liaison state, presence figures and gap kind, worst first."""
        return gaps.gap_table(self.schools, self.coverage, self.presence)

    @cached_property
    def worst(self) -> dict[str, str]:
        """The worst status of each school."""
        return statuses.worst_status(self.coverage, self.presence, self.four100, self.backlog, self.signs)

    def where(self, lang: str = "zh") -> str:
        """The selection as said in a title: 怒江州, or the counties' short names."""
        if not self.counties:
            return tx("export.prefecture", lang)
        names = [short_county(county_label(row, lang)) for _, row in self.activities.iterrows()]
        return tx("signs.sep", lang).join(names)


def local_time(moment: dt.datetime) -> str:
    """A moment as local time (the settings' zone): 2025-03-16 18:00."""
    return moment.astimezone(ZoneInfo(get_settings().timezone)).strftime("%Y-%m-%d %H:%M")


def counties_arg(counties: Sequence[str] | None) -> list[str] | None:
    """A county selection as the queries bind it (None or empty = all)."""
    return sorted(set(counties)) if counties else None


def take(conn: sa.Connection, counties: Sequence[str] | None, date_from: dt.date, date_to: dt.date) -> Snapshot:
    """Read every frame of the period; officers' phones are masked as they are read."""
    if date_from > date_to:
        raise ValueError(f"the period starts ({date_from}) after it ends ({date_to})")
    k = counties_arg(counties)
    settings = get_settings()
    officers = frame(conn, "brief_officers", on=date_to, counties=k)
    officers["phone"] = officers["phone"].map(mask_phone)
    owed = backlog.open_hazards(conn, date_to, k)
    return Snapshot(
        counties=k, date_from=date_from, date_to=date_to,
        as_of=conn.execute(query("brief_data_as_of")).scalar(),
        schools=frame(conn, "brief_schools", counties=k),
        coverage=reports.coverage(conn, date_to, k, settings),
        presence=marts.presence_days(conn, date_from, date_to, k, settings=settings),
        four100=reports.four100(conn, k, date_to),
        four100_changes=reports.four100_changes(conn, date_from, date_to, k),
        hazards=reports.hazards(conn, date_from, date_to, counties=k),
        overdue=owed[owed["overdue"].astype(bool)].reset_index(drop=True), backlog=owed,
        activities=reports.activities(conn, date_from, date_to, k),
        signs=reports.sign_status(conn, date_to, k, settings),
        not_reinstalled=reports.signs_not_reinstalled(conn, date_to, k, settings),
        officers=officers, plan_stops=compliance.stops(conn, date_from, date_to, k))
