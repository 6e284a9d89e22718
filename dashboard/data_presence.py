"""Peak-hour presence per school and day, and patrol paths aggregated in SQL within a vertex budget."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

from dashboard import data
from dashboard.data_map import within_budget
from db.settings import get_settings

PATH_VERTICES = 60_000  # ≈ 1.2 MB of rounded coordinates, whatever the number of GPS fixes
FIRST_TOLERANCE_M = 10.0


def window_names() -> list[str]:
    """The configured peak windows, in their order (morning, noon, afternoon by default)."""
    return list(get_settings().peak_windows)


def presence_days(date_from: dt.date, date_to: dt.date, counties: Sequence[str],
                  windows: Sequence[str] | None = None, radius_m: float | None = None) -> pd.DataFrame:
    """Windows held and windows with presence per school and school day (radius None = as refreshed)."""
    return data.frame("dash_presence_days", date_from=date_from, date_to=date_to, counties=list(counties) or None,
                      windows=list(windows) if windows else None, radius_m=radius_m)


def paths(date_from: dt.date, date_to: dt.date, counties: Sequence[str],
          windows: Sequence[str] | None = None) -> tuple[pd.DataFrame, float]:
    """Each vehicle's runs in the windows of the period (from the derived patrol_path), and their tolerance (m)."""

    def fetch(tolerance_m: float) -> pd.DataFrame:
        """The paths simplified with tolerance_m metres."""
        return data.frame("dash_patrol_paths", date_from=date_from, date_to=date_to, counties=list(counties) or None,
                          windows=list(windows) if windows else None, tolerance_m=tolerance_m)

    return within_budget(fetch, PATH_VERTICES, first=FIRST_TOLERANCE_M)
