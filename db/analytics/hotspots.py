"""Hazard hotspots: counts on a hexagonal grid in PostGIS, Getis-Ord Gi* with FDR classes beside them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd
import sqlalchemy as sa

from db.analytics.hotspot_stats import CLASSES, gi_star
from db.sql import query

__all__ = ["CLASSES", "hex_counts", "hotspots"]

COLUMNS = ["i", "j", "x", "y", "lon", "lat", "hazard_count", "per_km2", "geojson"]


def _array(values: Sequence[str] | None) -> list[str] | None:
    """A filter list as bound to text[]: None stays None (meaning all)."""
    return None if values is None else [str(v) for v in values]


def hex_counts(conn: sa.Connection, size_m: float, county_adcodes: Sequence[str] | None = None,
               date_from: dt.date | None = None, date_to: dt.date | None = None,
               kinds: Sequence[str] | None = None, categories: Sequence[str] | None = None,
               statuses: Sequence[str] | None = None) -> pd.DataFrame:
    """Hazards per hexagon over the selected counties (every hexagon meeting them, zero counts included).

    size_m is ST_HexagonGrid's size: the edge length, equal to the centre-to-vertex radius, in metres of
    UTM 47N (EPSG:32647); a hexagon's area is 3√3/2 · size_m². Filters left as None mean "all"; the county
    filter picks both the area gridded and the hazards (by their county_adcode); found_on must lie in
    date_from…date_to, both inclusive. Columns: i, j (ST_HexagonGrid's indices), x, y (centroid, UTM
    metres), lon, lat (centroid, WGS-84, 5 decimals), hazard_count, per_km2 (count / hexagon area) and
    geojson (the hexagon in WGS-84, 5 decimals), ordered by i, j.
    """
    if not size_m > 0:
        raise ValueError(f"hexagon size must be a positive number of metres, not {size_m!r}")
    result = conn.execute(query("hotspot_counts"), {
        "size_m": float(size_m), "county_adcodes": _array(county_adcodes), "date_from": date_from,
        "date_to": date_to, "kinds": _array(kinds), "categories": _array(categories),
        "statuses": _array(statuses)})
    return pd.DataFrame(result.all(), columns=COLUMNS)


def hotspots(conn: sa.Connection, size_m: float = 1000.0, county_adcodes: Sequence[str] | None = None,
             date_from: dt.date | None = None, date_to: dt.date | None = None,
             kinds: Sequence[str] | None = None, categories: Sequence[str] | None = None,
             statuses: Sequence[str] | None = None, permutations: int = 0, seed: int = 12345) -> pd.DataFrame:
    """hex_counts plus Gi* (binary hexagon-contiguity weights): gi_z, p_value, hotspot_class (CLASSES).

    gi_z is esda's G_Local(star=True).Zs; p_value is two-sided (normal unless permutations > 0, see
    hotspot_stats.gi_star); hotspot_class is hot/cold at 99/95/90 % after esda.fdr, else not_significant.
    With fewer than 3 hexagons or no variation in the counts (no hazards at all) gi_z and p_value are NaN
    and every class is not_significant.
    """
    counts = hex_counts(conn, size_m, county_adcodes, date_from, date_to, kinds, categories, statuses)
    return gi_star(counts, size_m, permutations=permutations, seed=seed)
