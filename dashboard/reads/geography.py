"""Basemap data from PostGIS: roads simplified until they fit a vertex budget, township seats."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

from dashboard.maps.basemap import Basemap
from dashboard.reads import core
from db.settings import get_settings

ROAD_VERTICES = 40_000  # ≈ 0.8 MB of rounded coordinates
FIRST_TOLERANCE_M = 20.0
MAX_TRIES = 10


def within_budget(fetch: Callable[[float], pd.DataFrame], budget: int, first: float = FIRST_TOLERANCE_M,
                  column: str = "vertices", skip: int = 0) -> tuple[pd.DataFrame, float]:
    """Fetch with a growing tolerance (× 2 each time) until the vertex count fits the budget (skip: that many
    first tries are known not to fit and are not fetched)."""
    tolerance = first * 2 ** skip
    for _ in range(MAX_TRIES - skip):
        found = fetch(tolerance)
        if found.empty or int(found[column].sum()) <= budget:
            return found, tolerance
        tolerance *= 2
    return found.iloc[0:0], tolerance


def _counties(selected: Sequence[str]) -> list[str] | None:
    """The county filter as a bound text[] (None = all)."""
    return list(selected) or None


def roads(selected: Sequence[str]) -> pd.DataFrame:
    """Roads of the selected counties, within the vertex budget."""
    return within_budget(lambda tol: core.frame("dash_roads", counties=_counties(selected), tolerance_m=tol),
                         ROAD_VERTICES)[0]


def towns(selected: Sequence[str]) -> pd.DataFrame:
    """Township seats of the selected counties."""
    return core.frame("dash_townships", counties=_counties(selected))


def basemap(counties: list[dict[str, Any]], selected: Sequence[str]) -> Basemap:
    """Everything the basemap layers are drawn from."""
    return Basemap(counties, roads(selected).to_dict("records"), towns(selected).to_dict("records"))


def style_url() -> str | None:
    """The optional intranet basemap style (setting basemap_style_url; None draws no tiles)."""
    return getattr(get_settings(), "basemap_style_url", None)
