"""The selection every page shares (counties, period, school types), its schools and its period's frames."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from dashboard.analysis import metrics
from dashboard.reads import analytics, core, patrols


@dataclass(frozen=True)
class Filters:
    """What the user chose: counties (empty = all), an inclusive period, school types (empty = all)."""

    counties: tuple[str, ...]
    date_from: dt.date
    date_to: dt.date
    types: tuple[str, ...] = ()

    @property
    def county_arg(self) -> list[str] | None:
        """The counties as the analytics take them: None means every county."""
        return list(self.counties) or None

    @property
    def previous(self) -> tuple[dt.date, dt.date]:
        """The period of the same length just before this one."""
        end = self.date_from - dt.timedelta(days=1)
        return end - (self.date_to - self.date_from), end

    def keeps(self, school_type: object) -> bool:
        """Whether a school of this type is in the selection."""
        return not self.types or school_type in self.types


@dataclass(frozen=True)
class Period:
    """The frames of one period (state at its end) for the selected schools."""

    coverage: pd.DataFrame
    presence: pd.DataFrame  # per school over the period (patrols.presence_totals)
    four100: pd.DataFrame
    hazards: pd.DataFrame
    signs: pd.DataFrame
    as_of: dt.date
    backlog: pd.DataFrame  # hazards open on as_of, whenever found
    four100_moves: dict[str, tuple[int, int]]  # flag -> (newly met, lost) since the previous period's end

    @property
    def figures(self) -> metrics.Figures:
        """The headline figures."""
        return metrics.figures(self.coverage, self.presence, self.four100, self.hazards, self.signs, self.as_of,
                               self.backlog, self.four100_moves)


def schools_frame(f: Filters) -> pd.DataFrame:
    """The schools of the selected counties and types."""
    rows = pd.DataFrame(core.schools(f.counties))
    if rows.empty:
        return pd.DataFrame(columns=["school_code", "name", "school_type", "county_adcode", "county_zh",
                                     "county_en", "township", "pupils", "lon", "lat"])
    return rows[rows["school_type"].map(f.keeps)].reset_index(drop=True)


def codes_of(f: Filters, schools: pd.DataFrame) -> set[str] | None:
    """The school codes a school-type filter keeps (None: no type filter, keep everything)."""
    return set(schools["school_code"]) if f.types else None


def period(f: Filters, date_from: dt.date, date_to: dt.date, codes: set[str] | None, moves: bool = False) -> Period:
    """Coverage, presence, four-100%, hazards and signs of one period for the selected schools (moves: and what
    moved in the four-100% flags, which only the headline shows)."""
    counties = f.county_arg
    return Period(
        metrics.only(analytics.coverage(date_to, counties), codes),
        metrics.only(patrols.presence_totals(date_from, date_to, f.counties), codes),
        metrics.only(analytics.four100(date_to, counties), codes),
        metrics.only(analytics.hazards(date_from, date_to, counties), codes),
        metrics.only(analytics.sign_status(date_to, counties), codes),
        date_to,
        metrics.only(analytics.backlog(date_to, counties), codes),
        metrics.four100_moves(analytics.four100_changes(date_from, date_to, counties), codes) if moves else {})
