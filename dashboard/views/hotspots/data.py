"""Hazard hotspots: the hexagon grid with Gi* classes (db.analytics.hotspots), cached, sized to a cell budget."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

import pandas as pd
import streamlit as st

from dashboard.reads import core
from dashboard.reads.core import TTL_S
from db.analytics import hotspots as analytics

SIZES_M = (500, 1000, 2000, 5000, 10000)
MAX_CELLS = 6_000  # ≈ 1.4 MB of hexagons at most
FEW_HAZARDS = 50  # below this, permutation p-values (the normal one overstates lone hazards)
PERMUTATIONS = 999


def cells(area_km2: float, size_m: float) -> int:
    """About how many hexagons of edge size_m cover an area."""
    return math.ceil(area_km2 * 1e6 / (3 * math.sqrt(3) / 2 * size_m**2))


def sizes(area_km2: float) -> list[int]:
    """The hexagon sizes whose grid over the area stays within MAX_CELLS."""
    return [s for s in SIZES_M if cells(area_km2, s) <= MAX_CELLS] or [SIZES_M[-1]]


def area_km2(counties: Sequence[str]) -> float:
    """Area of the selected counties."""
    found = core.frame("dash_county_area", counties=list(counties) or None)
    return float(found["km2"].iloc[0]) if len(found) else 0.0


@st.cache_data(ttl=TTL_S, show_spinner=False)
def _grid(reader: core.Reader, size_m: int, counties: tuple[str, ...], date_from: dt.date, date_to: dt.date,
          kinds: tuple[str, ...], categories: tuple[str, ...], statuses: tuple[str, ...], hazards: int
          ) -> pd.DataFrame:
    """The hexagons with counts and Gi* (cached)."""
    with core.connect(reader) as conn:
        return analytics.hotspots(conn, size_m, list(counties) or None, date_from, date_to, list(kinds) or None,
                                  list(categories) or None, list(statuses) or None,
                                  permutations=PERMUTATIONS if hazards < FEW_HAZARDS else 0)


def grid(size_m: int, counties: Sequence[str], date_from: dt.date, date_to: dt.date, kinds: Sequence[str],
         categories: Sequence[str], statuses: Sequence[str], hazards: int) -> pd.DataFrame:
    """Hexagons over the counties with the matching hazards' counts, gi_z, p_value, hotspot_class."""
    return core.run(_grid, int(size_m), tuple(sorted(counties)), date_from, date_to, tuple(sorted(kinds)),
                    tuple(sorted(categories)), tuple(sorted(statuses)), int(hazards))
