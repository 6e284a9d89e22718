"""COPY BINARY payloads of checked points, built with numpy record arrays instead of row by row.

Two row shapes: a month table's (vehicle_id text, ts timestamptz, geom as EWKB, speed_kmh, heading: NULL is a
missing field, so rows are grouped by vehicle and by which values they have) and the staging table's
(row_no, vehicle code, ts, lon, lat, speed, heading: fixed width, NaN standing for a missing value).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from etl.tracks.points import Checked

HEADER = b"PGCOPY\n\xff\r\n\x00" + bytes(8)  # signature, flags, header extension length
TRAILER = b"\xff\xff"
PG_EPOCH_US = 946_684_800_000_000  # 2000-01-01 in µs since 1970
EWKB_POINT = 0x20000001  # point with an SRID
STAGE_ROW = np.dtype([("fields", ">i2"), ("l0", ">i4"), ("row", ">i4"), ("l1", ">i4"), ("vehicle", ">i4"),
                      ("l2", ">i4"), ("ts", ">i8"), ("l3", ">i4"), ("lon", ">f8"), ("l4", ">i4"), ("lat", ">f8"),
                      ("l5", ">i4"), ("speed", ">f4"), ("l6", ">i4"), ("heading", ">f4")])
STAGE_SIZES = {"fields": 7, "l0": 4, "l1": 4, "l2": 8, "l3": 8, "l4": 8, "l5": 4, "l6": 4}


def stage_rows(points: Checked) -> bytes:
    """Rows of the staging table (row_no, vehicle, ts, lon, lat, speed, heading)."""
    rows = np.empty(len(points), STAGE_ROW)
    for name, value in STAGE_SIZES.items():
        rows[name] = value
    rows["row"], rows["vehicle"], rows["ts"] = points.row, points.vehicle, points.ts - PG_EPOCH_US
    rows["lon"], rows["lat"], rows["speed"], rows["heading"] = points.lon, points.lat, points.speed, points.heading
    return rows.tobytes()


@lru_cache(maxsize=256)
def point_row(name_bytes: int, speed: bool, heading: bool) -> np.dtype:
    """The record of a track_point row for a vehicle id of so many bytes, with or without speed and heading."""
    fields = [("fields", ">i2"), ("lv", ">i4"), ("vehicle", f"S{name_bytes}"), ("lt", ">i4"), ("ts", ">i8"),
              ("lg", ">i4"), ("order", "u1"), ("type", "<u4"), ("srid", "<u4"), ("x", "<f8"), ("y", "<f8"),
              ("ls", ">i4")]
    fields += [("speed", ">f4")] if speed else []
    fields += [("lh", ">i4")] + ([("heading", ">f4")] if heading else [])
    return np.dtype(fields)


def point_rows(points: Checked, names: list[bytes]) -> bytes:
    """Rows of a month table (vehicle_id, ts, geom, speed_kmh, heading), grouped by vehicle and missing values."""
    has_speed, has_heading = ~np.isnan(points.speed), ~np.isnan(points.heading)
    key = points.vehicle.astype(np.int64) * 4 + has_speed * 2 + has_heading
    order = None if (key[1:] >= key[:-1]).all() else np.argsort(key, kind="stable")
    if order is not None:
        points, key, has_speed, has_heading = points.take(order), key[order], has_speed[order], has_heading[order]
    edges = np.flatnonzero(key[1:] != key[:-1]) + 1
    parts = []
    for lo, hi in zip([0, *edges.tolist()], [*edges.tolist(), len(key)], strict=True):
        name = names[int(points.vehicle[lo])]
        speed, heading = bool(has_speed[lo]), bool(has_heading[lo])
        rows = np.empty(hi - lo, point_row(len(name), speed, heading))
        rows["fields"], rows["lv"], rows["vehicle"], rows["lt"], rows["ts"] = 5, len(name), name, 8, \
            points.ts[lo:hi] - PG_EPOCH_US
        rows["lg"], rows["order"], rows["type"], rows["srid"] = 25, 1, EWKB_POINT, 4326
        rows["x"], rows["y"] = points.lon[lo:hi], points.lat[lo:hi]
        rows["ls"] = 4 if speed else -1
        rows["lh"] = 4 if heading else -1
        if speed:
            rows["speed"] = points.speed[lo:hi]
        if heading:
            rows["heading"] = points.heading[lo:hi]
        parts.append(rows.tobytes())
    return b"".join(parts)
