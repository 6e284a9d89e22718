"""Peak-hour presence computed in memory (numpy/pandas/shapely): the oracle and baseline of presence_rows.sql."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer

from db.settings import Settings

COLUMNS = ["school_code", "day", "window_name", "present", "first_seen", "last_seen", "dwell_min",
           "min_distance_m", "vehicle_ids", "radius_m"]
TO_UTM = Transformer.from_crs(4326, 32647, always_xy=True)
NS, DAY_NS = 1_000_000_000, 86_400_000_000_000
BATCH = 500_000  # paths per batch of shapely geometries, which bounds the memory they take


def _local_day(ns: np.ndarray, tz: str) -> np.ndarray:
    """Local calendar day (days since 1970-01-01) of UTC nanosecond instants."""
    wall = pd.DatetimeIndex(ns.astype("datetime64[ns]"), tz="UTC").tz_convert(tz).tz_localize(None)
    return wall.asi8 // DAY_NS


def _slots(schools: pd.DataFrame, days: list[dt.date], settings: Settings) -> pd.DataFrame:
    """One row per school × day × window: w0/w1 as UTC nanoseconds, R, the gate in UTM metres."""
    gx, gy = TO_UTM.transform(schools["gate_lon"].to_numpy(float), schools["gate_lat"].to_numpy(float))
    gates = schools.reset_index(drop=True).assign(gate=lambda f: f.index, gx=gx, gy=gy, r=np.where(
        schools["guard_post"].fillna(False).astype(bool), settings.guard_post_radius_m, settings.presence_radius_m))
    wins = [(t, n, s, e) for t in gates["school_type"].unique()
            for n, (s, e) in {**settings.peak_windows, **settings.peak_windows_by_type.get(t, {})}.items()]
    wins = pd.DataFrame(wins, columns=["school_type", "window_name", "starts", "ends"])
    slots = gates.merge(wins, on="school_type").merge(pd.DataFrame({"day": sorted(set(days))}), how="cross")
    date = pd.to_datetime(slots["day"].astype(str))
    slots["dayno"] = date.to_numpy().astype("datetime64[D]").astype(np.int64)
    for col, t in (("w0", "starts"), ("w1", "ends")):
        local = date + pd.to_timedelta([v if v.count(":") == 2 else v + ":00" for v in slots[t]])
        slots[col] = local.dt.tz_localize(settings.timezone).dt.tz_convert("UTC").dt.as_unit("ns").astype("int64")
    return slots


def _paths(fixes: pd.DataFrame, gap_s: float, slots: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """Pieces between consecutive fixes of a vehicle ≤ gap_s apart, and lone fixes as instants, that meet a window."""
    t = pd.to_datetime(fixes["ts"], utc=True).dt.as_unit("ns").astype("int64").to_numpy()
    codes, names = pd.factorize(fixes["vehicle_id"], sort=True)
    order = np.lexsort((t, codes))
    c, t = codes[order], t[order]
    link = (c[1:] == c[:-1]) & (t[1:] - t[:-1] <= gap_s * NS)
    lone = np.ones(len(t), bool)
    lone[:-1] &= ~link
    lone[1:] &= ~link
    i = np.concatenate([np.flatnonzero(link), np.flatnonzero(lone)])
    j = np.concatenate([np.flatnonzero(link) + 1, np.flatnonzero(lone)])
    spans = slots[["w0", "w1"]].drop_duplicates().sort_values("w0").to_numpy()
    reach = np.maximum.accumulate(spans[:, 1])  # a path meets a window iff the first one ending after t0 began by t1
    k = np.searchsorted(reach, t[i], side="right")
    meets = k < len(spans)
    meets[meets] &= spans[k[meets], 0] <= t[j][meets]
    i, j = i[meets], j[meets]
    used = np.unique(np.concatenate([i, j]))
    x, y = np.full(len(t), np.nan), np.full(len(t), np.nan)
    x[used], y[used] = TO_UTM.transform(fixes["lon"].to_numpy(float)[order][used],
                                        fixes["lat"].to_numpy(float)[order][used])
    paths = pd.DataFrame({"vehicle": c[i], "t0": t[i], "t1": t[j], "x0": x[i], "y0": y[i], "x1": x[j], "y1": y[j]})
    return paths, np.asarray(names)


def _pieces(paths: pd.DataFrame, slots: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Each path clipped to each window it meets near a gate: closest distance, entry and exit (s after w0)."""
    lines = shapely.linestrings(paths[["x0", "y0", "x1", "y1"]].to_numpy().reshape(-1, 2, 2))
    gates = slots.drop_duplicates("gate").sort_values("gate")
    near = shapely.STRtree(shapely.points(gates[["gx", "gy"]].to_numpy())).query(
        lines, predicate="dwithin", distance=max(settings.near_miss_m, slots["r"].max()))
    pairs = paths.iloc[near[0]].assign(gate=gates["gate"].to_numpy()[near[1]])
    keys = slots[["gate", "dayno"]].assign(slot=np.arange(len(slots)))
    day0, day1 = (_local_day(pairs[c].to_numpy(), settings.timezone) for c in ("t0", "t1"))
    p = pd.concat([pairs.assign(dayno=day0), pairs.assign(dayno=day1)[day0 != day1]]).merge(keys, on=["gate", "dayno"])
    s = slots[["w0", "w1", "gx", "gy", "r"]].iloc[p["slot"].to_numpy()].reset_index(drop=True)
    p = p.reset_index(drop=True)
    keep = ((p["t1"] >= s["w0"]) & (p["t0"] < s["w1"])).to_numpy()
    p, s = p[keep].reset_index(drop=True), s[keep].reset_index(drop=True)
    a, b, width = [(p[c] - s["w0"]).to_numpy() / NS for c in ("t0", "t1")] + [(s["w1"] - s["w0"]).to_numpy() / NS]
    u0, u1 = np.maximum(a, 0.0), np.minimum(b, width)
    frac = [np.divide(u - a, b - a, out=np.zeros_like(a), where=b > a) for u in (u0, u1)]
    q = [(p["x0"] + (p["x1"] - p["x0"]) * f, p["y0"] + (p["y1"] - p["y0"]) * f) for f in frac]
    d = ((q[1][0] - q[0][0]).to_numpy(), (q[1][1] - q[0][1]).to_numpy())
    e = ((q[0][0] - s["gx"]).to_numpy(), (q[0][1] - s["gy"]).to_numpy())
    qa, qb = d[0] ** 2 + d[1] ** 2, 2 * (e[0] * d[0] + e[1] * d[1])
    qc = e[0] ** 2 + e[1] ** 2 - s["r"].to_numpy() ** 2
    disc, moving = qb**2 - 4 * qa * qc, qa > 0
    root = np.sqrt(np.maximum(disc, 0.0))
    lo = np.where(moving, np.maximum(np.divide(-qb - root, 2 * qa, where=moving, out=np.zeros(len(p))), 0), 0)
    hi = np.where(moving, np.minimum(np.divide(-qb + root, 2 * qa, where=moving, out=np.zeros(len(p))), 1), 1)
    inside = np.where(moving, (disc >= 0) & (lo <= hi), qc <= 0)
    enter, leave = u0 + lo * (u1 - u0), u0 + hi * (u1 - u0)
    piece = shapely.linestrings(np.stack([q[0][0], q[0][1], q[1][0], q[1][1]], axis=1).reshape(-1, 2, 2))
    closest = shapely.distance(shapely.points(s[["gx", "gy"]].to_numpy()), piece)
    return pd.DataFrame({"slot": p["slot"], "vehicle": p["vehicle"], "closest": closest,
                         "inside": inside & (enter < width), "enter": enter, "leave": leave})


def _summary(pieces: pd.DataFrame, near_m: float, names: np.ndarray) -> pd.DataFrame:
    """Per slot: closest approach within near_m, first/last seen, union of the time within R, vehicles."""
    near = pieces[pieces["closest"] <= near_m].groupby("slot")["closest"].min().rename("min_distance_m")
    ins = pieces[pieces["inside"]].sort_values(["slot", "enter"])
    before = ins.groupby("slot")["leave"].cummax().groupby(ins["slot"]).shift().fillna(-np.inf)
    ins = ins.assign(gain=(ins["leave"] - np.maximum(ins["enter"], before)).clip(lower=0))
    seen = ins.groupby("slot").agg(first=("enter", "min"), last=("leave", "max"), dwell=("gain", "sum"),
                                   vehicle_ids=("vehicle", lambda v: list(names[np.unique(v)])))
    return seen.join(near, how="outer")


def compute(schools: pd.DataFrame, fixes: pd.DataFrame, days: list[dt.date], settings: Settings) -> pd.DataFrame:
    """Presence per school × day × window, the columns of the presence table (times UTC, NaN/NaT for none)."""
    slots = _slots(schools, days, settings)
    paths, names = _paths(fixes, settings.gap_limit_s, slots)
    pieces = pd.concat([_pieces(paths[k:k + BATCH], slots, settings) for k in range(0, len(paths) or 1, BATCH)])
    out = slots.join(_summary(pieces, settings.near_miss_m, names))
    for col, src in (("first_seen", "first"), ("last_seen", "last")):
        out[col] = pd.to_datetime(out["w0"], utc=True) + pd.to_timedelta(out[src], unit="s").dt.round("us")
    out["vehicle_ids"] = [v if isinstance(v, list) else [] for v in out["vehicle_ids"]]
    out = out.assign(present=out["first"].notna(), dwell_min=out["dwell"].fillna(0.0) / 60, radius_m=out["r"])
    return out[COLUMNS].sort_values(["school_code", "day", "window_name"]).reset_index(drop=True)
