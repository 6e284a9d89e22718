"""Peak-hour presence computed by DuckDB spatial: the same definition as presence_rows.sql, a benchmark baseline."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import duckdb
import duckdb_extension_spatial
import pandas as pd

from db.analytics.presence_reference import COLUMNS
from db.settings import Settings
from db.sql import load_sql

SPATIAL = Path(duckdb_extension_spatial.__file__).parent / "extensions" / f"v{duckdb.__version__}"


def connect(threads: int | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the spatial extension of the pip package loaded; nothing is ever downloaded."""
    config = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
    con = duckdb.connect(config={**config, **({"threads": threads} if threads else {})})
    extension = SPATIAL / "spatial.duckdb_extension"
    if not extension.is_file():
        raise RuntimeError(f"duckdb-extension-spatial does not match duckdb {duckdb.__version__}: no {extension}")
    con.load_extension(str(extension))
    con.execute("SET TimeZone = 'UTC'")
    return con


def parameters(days: list[dt.date], settings: Settings) -> dict[str, object]:
    """The bound values: days, peak windows (defaults, then per-type replacements), radii, gap, zone."""
    wins = [(n, None, s, e) for n, (s, e) in settings.peak_windows.items()]
    wins += [(n, t, s, e) for t, ws in settings.peak_windows_by_type.items() for n, (s, e) in ws.items()]
    names, types, starts, ends = (list(c) for c in zip(*wins, strict=True))
    return {"days": sorted(set(days)), "names": names, "types": types, "starts": starts, "ends": ends,
            "tz": settings.timezone, "gap_s": settings.gap_limit_s, "radius_m": settings.presence_radius_m,
            "guard_radius_m": settings.guard_post_radius_m, "near_m": settings.near_miss_m}


def compute(schools: pd.DataFrame | Path | None, fixes: pd.DataFrame | Path | None, days: list[dt.date],
            settings: Settings, con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    """Presence per school × day × window (the reference's frame): DataFrames, Parquet files, None: con's tables."""
    con = con or connect()
    for name, data in (("schools", schools), ("fixes", fixes)):
        if data is None:
            continue
        if isinstance(data, Path):
            con.read_parquet(str(data)).create_view(name, replace=True)
        else:
            if name == "fixes":
                data = data.assign(ts=pd.to_datetime(data["ts"], utc=True))[["vehicle_id", "ts", "lon", "lat"]]
            con.register(name, data)
    con.execute("SET TimeZone = 'UTC'")
    with warnings.catch_warnings():  # duckdb's pandas conversion trips pandas' own deprecation warnings
        warnings.simplefilter("ignore")
        out = con.execute(load_sql("presence_duckdb"), parameters(days, settings)).df()
    out["day"] = pd.to_datetime(out["day"]).dt.date
    out["vehicle_ids"] = [list(v) for v in out["vehicle_ids"]]
    for col in ("first_seen", "last_seen"):
        out[col] = pd.to_datetime(out[col], utc=True)
    return out[COLUMNS].reset_index(drop=True)
