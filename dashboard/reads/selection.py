"""The selection every page shares (counties, period, school types), its schools and its period's frames."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd

from dashboard.analysis import metrics
from dashboard.reads import analytics, core, parallel, patrols


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
    rows = core.schools(f.counties)
    return rows[rows["school_type"].map(f.keeps)].reset_index(drop=True) if f.types else rows


def codes_of(f: Filters, schools: pd.DataFrame) -> set[str] | None:
    """The school codes a school-type filter keeps (None: no type filter, keep everything)."""
    return set(schools["school_code"]) if f.types else None


def _reads(f: Filters, date_from: dt.date, date_to: dt.date, moves: bool) -> dict[str, Callable[[], pd.DataFrame]]:
    """The cached reads a period is made of, by name, not yet called."""
    counties = f.county_arg
    reads: dict[str, Callable[[], pd.DataFrame]] = {
        "coverage": lambda: analytics.coverage(date_to, counties),
        "presence": lambda: patrols.presence_totals(date_from, date_to, f.counties),
        "four100": lambda: analytics.four100(date_to, counties),
        "hazards": lambda: analytics.hazards(date_from, date_to, counties),
        "signs": lambda: analytics.sign_status(date_to, counties),
        "backlog": lambda: analytics.backlog(date_to, counties)}
    if moves:
        reads["moves"] = lambda: analytics.four100_changes(date_from, date_to, counties)
    return reads


def period(f: Filters, date_from: dt.date, date_to: dt.date, codes: set[str] | None, moves: bool = False) -> Period:
    """Coverage, presence, four-100%, hazards and signs of one period for the selected schools (moves: and what
    moved in the four-100% flags, which only the headline shows)."""
    read = {name: call() for name, call in _reads(f, date_from, date_to, moves).items()}
    return Period(
        metrics.only(read["coverage"], codes), metrics.only(read["presence"], codes),
        metrics.only(read["four100"], codes), metrics.only(read["hazards"], codes), metrics.only(read["signs"], codes),
        date_to, metrics.only(read["backlog"], codes),
        metrics.four100_moves(read["moves"], codes) if moves else {})


def warm_periods(f: Filters, periods: Sequence[tuple[dt.date, dt.date, bool]]) -> None:
    """Fill the caches of these periods' reads ((from, to, moves) each) side by side, before period() asks."""
    parallel.warm([call for first, last, moves in periods for call in _reads(f, first, last, moves).values()])
