"""Peak-hour presence per school and day, and patrol paths aggregated in SQL within a vertex budget."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd
import streamlit as st

from dashboard.maps import paths as path_layers
from dashboard.reads import core
from dashboard.reads.geography import within_budget
from db.analytics import marts
from db.settings import get_settings

PATH_VERTICES = 60_000  # ≈ 1.2 MB of rounded coordinates, whatever the number of GPS fixes
FIRST_TOLERANCE_M = 10.0


def window_names() -> list[str]:
    """The configured peak windows, in their order (morning, noon, afternoon by default)."""
    return list(get_settings().peak_windows)


def presence_days(date_from: dt.date, date_to: dt.date, counties: Sequence[str], windows: Sequence[str] | None = None,
                  radius_m: float | None = None, codes: Sequence[str] | None = None) -> pd.DataFrame:
    """Windows held and windows with presence per school and school day (radius None = as refreshed; codes: only
    those schools), windows not yet ended left out (see db.analytics.marts)."""
    return core.frame("dash_presence_days", **marts.selection(date_from, date_to, counties, windows, radius_m),
                      codes=list(codes) if codes is not None else None, **marts.reading())


def presence_totals(date_from: dt.date, date_to: dt.date, counties: Sequence[str],
                    windows: Sequence[str] | None = None, radius_m: float | None = None) -> pd.DataFrame:
    """The same summed per school over the period (one row a school): every figure but the calendar."""
    return core.frame("dash_presence_totals", **marts.selection(date_from, date_to, counties, windows, radius_m),
                      **marts.reading())


@st.cache_data(ttl=core.TTL_S, max_entries=core.VIEW_ENTRIES, show_spinner=False)
def _path_features(reader: core.Reader, date_from: dt.date, date_to: dt.date, counties: tuple[str, ...],
                   windows: tuple[str, ...], lang: str) -> tuple[str, int, float]:
    """The map's patrol-path features as JSON, written once per user and selection of paths (a data cache: cleared
    with the others after a load; one string, not the many live lists the garbage collector would walk), so that a
    new radius or day on the same paths does not write them again."""

    def fetch(tolerance_m: float) -> pd.DataFrame:
        """The paths simplified with tolerance_m metres."""
        return core._frame(reader, "dash_patrol_paths", {  # noqa: SLF001  (the reader is this cache's key)
            "date_from": date_from, "date_to": date_to, "counties": list(counties) or None,
            "windows": list(windows) or None, "tolerance_m": tolerance_m})

    stored = core._frame(reader, "dash_patrol_vertices", {  # noqa: SLF001  (counted, not drawn)
        "date_from": date_from, "date_to": date_to, "counties": list(counties) or None,
        "windows": list(windows) or None, "tolerance_m": FIRST_TOLERANCE_M})
    too_many = bool(stored["as_stored"].iloc[0]) and int(stored["vertices"].iloc[0]) > PATH_VERTICES
    # the paths as stored do not fit: the search's first fetch would draw them all to find it out (1 s at M)
    found, tolerance = within_budget(fetch, PATH_VERTICES, first=FIRST_TOLERANCE_M, skip=int(too_many))
    return path_layers.features_json(path_layers.path_features(found.to_dict("records"), lang)), len(found), tolerance


def path_features(date_from: dt.date, date_to: dt.date, counties: Sequence[str], windows: Sequence[str] | None,
                  lang: str) -> tuple[str, int, float]:
    """The patrol paths as map features (JSON for paths.fill_paths), how many vehicles, and the tolerance they were
    simplified with (m)."""
    return core.run(_path_features, date_from, date_to, tuple(sorted(counties)), tuple(windows or ()), lang)
