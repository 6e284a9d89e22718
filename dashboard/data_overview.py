"""The overview's data: the analytics frames of a period, filtered to the chosen school types."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from dashboard import data, data_presence, data_reports, metrics, statuses
from dashboard.filters import Filters


@dataclass(frozen=True)
class Period:
    """The frames of one period (state at its end) for the selected schools."""

    coverage: pd.DataFrame
    presence: pd.DataFrame
    four100: pd.DataFrame
    hazards: pd.DataFrame
    signs: pd.DataFrame
    as_of: dt.date

    @property
    def figures(self) -> metrics.Figures:
        """The headline figures."""
        return metrics.figures(self.coverage, self.presence, self.four100, self.hazards, self.signs, self.as_of)


def schools_frame(f: Filters) -> pd.DataFrame:
    """The schools of the selected counties and types."""
    rows = pd.DataFrame(data.schools(f.counties))
    if rows.empty:
        return pd.DataFrame(columns=["school_code", "name", "school_type", "county_adcode", "county_zh",
                                     "county_en", "township", "pupils", "lon", "lat"])
    return rows[rows["school_type"].map(f.keeps)].reset_index(drop=True)


def codes_of(f: Filters, schools: pd.DataFrame) -> set[str] | None:
    """The school codes a school-type filter keeps (None: no type filter, keep everything)."""
    return set(schools["school_code"]) if f.types else None


def period(f: Filters, date_from: dt.date, date_to: dt.date, codes: set[str] | None) -> Period:
    """Coverage, presence, four-100%, hazards and signs of one period for the selected schools."""
    counties = f.county_arg
    return Period(
        metrics.only(data_reports.coverage(date_to, counties), codes),
        metrics.only(data_presence.presence_days(date_from, date_to, f.counties), codes),
        metrics.only(data_reports.four100(counties), codes),
        metrics.only(data_reports.hazards(date_from, date_to, counties), codes),
        metrics.only(data_reports.sign_status(date_to, counties), codes),
        date_to)


def county_table(schools: pd.DataFrame, now: Period) -> pd.DataFrame:
    """The county comparison of the current period."""
    return statuses.county_table(schools, now.coverage, now.presence, now.four100, now.hazards, now.signs,
                                 now.as_of)


def school_statuses(now: Period) -> dict[str, str]:
    """The worst status of each school in the current period."""
    return statuses.worst_status(now.coverage, now.presence, now.four100, now.hazards, now.signs)
