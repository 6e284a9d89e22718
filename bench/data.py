"""Synthetic schools and patrol tracks in the real counties, at named scales, as CSV files or in a scratch database.

    .venv/bin/python bench/data.py --scale S                       # load into a scratch database, report, drop
    .venv/bin/python bench/data.py --schools 500 --points 10000000 --keep
    .venv/bin/python bench/data.py --scale M --csv /tmp/m          # 50 M fixes as one CSV file per day

Schools cluster around towns; each vehicle patrols the gates nearest its home school, 07:00-18:00 local time,
driving straight between gates at 25-50 km/h and parking 3-25 min at each, pinging every 10-30 s, with a few
signal gaps of 40-600 s a day. Positions have 6 decimals and times whole seconds, as county platforms export.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import shapely
import sqlalchemy as sa
from pyproj import Transformer
from scipy.spatial import cKDTree
from shapely.geometry import shape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.engine import database_url, drop_database, ensure_database, make_engine, migrate  # noqa: E402
from db.settings import get_settings  # noqa: E402
from db.sql import load_sql, query, quote_ident  # noqa: E402
from etl.datasets import DATASETS  # noqa: E402
from etl.runner import load_file  # noqa: E402
from etl.tracks.partitions import ZONE, next_month, partition_name  # noqa: E402

COUNTIES = Path(__file__).resolve().parent.parent / "db" / "data" / "nujiang_counties.geojson"
TYPES = {"幼儿园": 0.35, "小学": 0.45, "初中": 0.12, "高中": 0.04, "九年一贯制": 0.04}
UTM, WGS = Transformer.from_crs(4326, 32647, always_xy=True), Transformer.from_crs(32647, 4326, always_xy=True)
EPOCH_2000_US = 946_684_800_000_000
REGISTER = "INSERT INTO vehicle (vehicle_id) SELECT unnest(CAST(:v AS text[])) ON CONFLICT DO NOTHING"
COPY = "COPY {table} (vehicle_id, ts, geom, speed_kmh, heading) FROM STDIN (FORMAT BINARY)"
ROW = np.dtype([("n", ">i2"), ("l1", ">i4"), ("vid", "S16"), ("l2", ">i4"), ("ts", ">i8"), ("l3", ">i4"),
                ("bo", "u1"), ("type", "<u4"), ("srid", "<i4"), ("x", "<f8"), ("y", "<f8"), ("l4", ">i4"),
                ("speed", ">f4"), ("l5", ">i4"), ("heading", ">f4")])


@dataclass
class Scale:
    """How much data: schools, GPS fixes, school days from first_day (weekdays), random seed."""

    schools: int
    points: int
    days: int = 20
    first_day: dt.date = dt.date(2026, 10, 12)
    seed: int = 7

    @property
    def day_list(self) -> list[dt.date]:
        """The school days: weekdays from first_day (the default calendar has no holidays in the autumn term)."""
        days = (self.first_day + dt.timedelta(days=i) for i in range(self.days * 2))
        return [d for d in days if d.weekday() < 5][: self.days]


SCALES = {"S": Scale(330, 200_000), "M": Scale(5_000, 50_000_000)}


def counties() -> tuple[list[str], list[shapely.Geometry]]:
    """Adcodes and boundaries (UTM 47N) of the four real counties."""
    features = json.loads(COUNTIES.read_text(encoding="utf-8"))["features"]
    shapes = [shapely.transform(shape(f["geometry"]), lambda xy: np.column_stack(UTM.transform(*xy.T)))
              for f in features]
    return [f["properties"]["adcode"] for f in features], shapes


def schools(n: int, seed: int = 7) -> pd.DataFrame:
    """n schools in clusters of about ten around towns inside the counties, with types and guard posts."""
    rng, (codes, shapes) = np.random.default_rng(seed), counties()
    area = shapely.union_all(shapes)
    shapely.prepare(area)
    lo_x, lo_y, hi_x, hi_y = area.bounds
    towns = np.empty((0, 2))
    while len(towns) < max(4, n // 10):
        xy = rng.uniform([lo_x, lo_y], [hi_x, hi_y], (1000, 2))
        towns = np.vstack([towns, xy[shapely.contains_xy(area, xy[:, 0], xy[:, 1])]])
    gates = np.empty((0, 2))
    while len(gates) < n:
        xy = towns[rng.integers(max(4, n // 10), size=n)] + rng.normal(0, 1500, (n, 2))
        gates = np.vstack([gates, xy[shapely.contains_xy(area, xy[:, 0], xy[:, 1])]])[:n]
    county = np.select([shapely.contains_xy(s, gates[:, 0], gates[:, 1]) for s in shapes], codes, codes[0])
    lon, lat = WGS.transform(gates[:, 0], gates[:, 1])
    return pd.DataFrame({"school_code": [f"21533{i:05d}" for i in range(n)], "name": [f"测试学校{i}" for i in range(n)],
                         "school_type": rng.choice(list(TYPES), n, p=list(TYPES.values())),
                         "county_adcode": county, "guard_post": rng.random(n) < 0.7,
                         "gate_lon": np.round(lon, 6), "gate_lat": np.round(lat, 6)})


def _drive(rng: np.random.Generator, beat: np.ndarray, start: float, end: float,
           peaks: list[tuple[float, float]]) -> tuple[np.ndarray, ...]:
    """One vehicle-day: ping times (s) and positions (UTM) parked at and driving between gates of its beat."""
    pos, t = beat[rng.integers(len(beat))], start
    knots = [(t, *pos)]
    while t < end:  # a car reaching a gate within 20 min of a peak stands guard there until it ends
        duty = [w1 for w0, w1 in peaks if w0 - 1200 <= t < w1]
        t = duty[0] + rng.uniform(0, 300) if duty and rng.random() < 0.7 else t + rng.uniform(180, 1500)
        knots.append((t, *pos))
        nxt = beat[rng.integers(len(beat))]
        t += np.hypot(*(nxt - pos)) / rng.uniform(7, 14) + 1
        pos = nxt
        knots.append((t, *pos))
    kt, kx, ky = np.array(knots).T
    times = start + np.cumsum(rng.uniform(10, 30) + rng.integers(-2, 3, int((end - start) / 8)))
    times = times[times < end]
    for gap_at, gap in zip(rng.uniform(start, end, rng.poisson(3)), rng.uniform(40, 600, 5), strict=False):
        times = times[(times < gap_at) | (times >= gap_at + gap)]
    noise = rng.normal(0, 4, (2, len(times)))
    return times, np.interp(times, kt, kx) + noise[0], np.interp(times, kt, ky) + noise[1]


def tracks(sch: pd.DataFrame, scale: Scale) -> Iterator[pd.DataFrame]:
    """Per school day, the fixes of every vehicle: vehicle_id (categorical), ts (UTC), lon, lat, speed, heading."""
    rng, area = np.random.default_rng(scale.seed + 1), shapely.union_all(counties()[1])
    shapely.prepare(area)
    gates = np.column_stack(UTM.transform(sch["gate_lon"].to_numpy(), sch["gate_lat"].to_numpy()))
    beats = cKDTree(gates).query(gates[rng.integers(len(gates), size=max(1, -(-scale.points // scale.days // 1800)))],
                                 k=min(8, len(gates)))[1].reshape(-1, min(8, len(gates)))
    names = pd.Index([f"云Q{v:05d}警" for v in range(len(beats))])
    budget = scale.points
    for day in scale.day_list:
        midnight = dt.datetime.combine(day, dt.time(), ZONE).timestamp()
        peaks = [tuple(midnight + 3600 * int(h) + 60 * int(m) for h, m in (a.split(":"), b.split(":")))
                 for a, b in get_settings().peak_windows.values()]
        parts = []
        for v, beat in enumerate(beats):
            t, x, y = _drive(rng, gates[beat], midnight + 7 * 3600 + rng.uniform(0, 1200), midnight + 18 * 3600, peaks)
            keep = shapely.contains_xy(area, x, y)
            parts.append((np.full(keep.sum(), v), np.round(t[keep]).astype(np.int64), x[keep], y[keep]))
        v, t, x, y = (np.concatenate(c) for c in zip(*parts, strict=True))
        dx, dy = (np.where(np.diff(v, prepend=-1) == 0, np.diff(c, prepend=c[0]), 0.0) for c in (x, y))
        step = np.hypot(dx, dy) / np.maximum(np.diff(t, prepend=t[0]), 1)
        lon, lat = WGS.transform(x, y)
        n = min(len(t), budget // (scale.days - scale.day_list.index(day)))
        budget -= n
        yield pd.DataFrame({"vehicle_id": pd.Categorical.from_codes(v, names),
                            "ts": pd.to_datetime(t * 1_000_000_000, utc=True),
                            "lon": np.round(lon, 6), "lat": np.round(lat, 6), "speed": np.round(step * 3.6, 1),
                            "heading": np.round(np.degrees(np.arctan2(dx, dy)) % 360)})[:n]


def write_csv(chunk: pd.DataFrame, path: Path) -> Path:
    """One chunk as the CSV the track loader reads: vehicle,time (local, ISO 8601),lon,lat,speed,heading."""
    local = np.datetime_as_string(chunk["ts"].dt.tz_convert(ZONE).dt.tz_localize(None).to_numpy(), unit="s")
    out = chunk.assign(vehicle=chunk["vehicle_id"], time=local, heading=chunk["heading"].astype(int))
    out[["vehicle", "time", "lon", "lat", "speed", "heading"]].to_csv(path, index=False)  # shortest repr: exact
    return path


def load_schools(engine: sa.Engine, sch: pd.DataFrame) -> None:
    """Insert the schools (gate = location) into a migrated database whose counties are loaded."""
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO school (school_code, name, school_type, county_adcode, geom, gate_geom, guard_post) VALUES "
            "(:school_code, :name, :school_type, :county_adcode, ST_SetSRID(ST_MakePoint(:gate_lon, :gate_lat), 4326), "
            "ST_SetSRID(ST_MakePoint(:gate_lon, :gate_lat), 4326), :guard_post)"), sch.to_dict("records"))


def _binary(chunk: pd.DataFrame) -> bytes:
    """The rows of a chunk in PostgreSQL's binary COPY format (no header), geometry as EWKB."""
    rows = np.zeros(len(chunk), ROW)
    vids = np.array([n.encode() for n in chunk["vehicle_id"].cat.categories], "S16")
    rows["n"], rows["l1"], rows["vid"] = 5, len(vids[0]), vids[chunk["vehicle_id"].cat.codes.to_numpy()]
    rows["l2"], rows["ts"] = 8, chunk["ts"].dt.as_unit("us").astype("int64").to_numpy() - EPOCH_2000_US
    rows["l3"], rows["bo"], rows["type"], rows["srid"] = 25, 1, 0x20000001, 4326
    rows["x"], rows["y"], rows["l4"], rows["l5"] = chunk["lon"], chunk["lat"], 4, 4
    rows["speed"], rows["heading"] = chunk["speed"], chunk["heading"]
    width = len(vids[0])  # every name has the same length: drop the padding of the S16 field
    raw = rows.view(np.uint8).reshape(len(rows), ROW.itemsize)
    return np.delete(raw, np.s_[6 + width:22], axis=1).tobytes()


def copy_tracks(engine: sa.Engine, chunks: Iterator[pd.DataFrame]) -> int:
    """Register the vehicles and COPY BINARY the fixes into new monthly partitions, attached at the end."""
    done, new = 0, {}
    with engine.begin() as conn:
        conn.execute(query("track_memory"))
        existing = set(conn.execute(query("track_partitions")).scalars())
        cur = conn.connection.driver_connection.cursor()
        for chunk in chunks:
            conn.execute(sa.text(REGISTER), {"v": list(chunk["vehicle_id"].cat.categories)})
            local = chunk["ts"].dt.tz_convert(ZONE)
            for (year, mon), part in chunk.groupby([local.dt.year, local.dt.month]):
                month = dt.datetime(year, mon, 1)  # noqa: DTZ001 (a month label, no instant)
                name = partition_name(month)
                if name not in existing and name not in new:
                    conn.execute(sa.text(load_sql("track_partition_table").format(table=quote_ident(name))))
                    new[name] = month
                target = quote_ident(name if name in new else "track_point")
                with cur.copy(COPY.format(table=target)) as cp:
                    cp.write(b"PGCOPY\n\xff\r\n\0" + bytes(8) + _binary(part) + b"\xff\xff")
                done += len(part)
        for name, month in new.items():
            conn.execute(sa.text(load_sql("track_partition_analyze").format(table=quote_ident(name))))
            bounds = {"lo": month.replace(tzinfo=ZONE), "hi": next_month(month).replace(tzinfo=ZONE)}
            conn.exec_driver_sql(conn.execute(query("track_partition_attach"), {"name": name, **bounds}).scalar_one())
    return done


@contextmanager
def scratch(name: str, keep: bool = False) -> Iterator[sa.Engine]:
    """A migrated database with the counties on the configured server; dropped afterwards unless keep."""
    url = sa.engine.make_url(database_url()).set(database=name).render_as_string(hide_password=False)
    drop_database(url)
    ensure_database(url)
    engine = None
    try:
        migrate(url)
        engine = make_engine(url)
        load_file(engine, DATASETS["counties"], COUNTIES)
        yield engine
    finally:
        if engine is not None:
            engine.dispose()
        if not keep:
            drop_database(url)


def main() -> None:
    """Generate at the asked scale; write CSV files or load a scratch database."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=list(SCALES), default="S")
    parser.add_argument("--schools", type=int, help="custom scale: this many schools (with --points)")
    parser.add_argument("--points", type=int, help="custom scale: about this many GPS fixes")
    parser.add_argument("--days", type=int, default=20)
    parser.add_argument("--csv", type=Path, help="write tracks_YYYY-MM-DD.csv and schools.csv here instead")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database (name printed)")
    args = parser.parse_args()
    base = SCALES[args.scale]
    scale = Scale(args.schools or base.schools, args.points or base.points, args.days)
    sch = schools(scale.schools, scale.seed)
    if args.csv:
        args.csv.mkdir(parents=True, exist_ok=True)
        sch.to_csv(args.csv / "schools.csv", index=False)
        total = 0
        for chunk in tracks(sch, scale):
            total += len(chunk)
            write_csv(chunk, args.csv / f"tracks_{chunk['ts'].iloc[0].tz_convert(ZONE):%Y-%m-%d}.csv")
        print(f"{len(sch)} schools and {total:,} fixes written to {args.csv}")
        return
    name = f"xiaoan_bench_data_{os.getpid()}"
    with scratch(name, args.keep) as engine:
        load_schools(engine, sch)
        total = copy_tracks(engine, tracks(sch, scale))
        print(f"{len(sch)} schools and {total:,} fixes loaded into {name}" + (" (kept)" if args.keep else " (dropped)"))


if __name__ == "__main__":
    main()
