"""Benchmark of `xiaoan load tracks`: CSV and GPX vs GeoDataFrame.to_postgis, time and peak RSS per load.

    .venv/bin/python bench/ingest_tracks.py --points 1000000

Each load runs in a child process on a fresh database created (and dropped) on the configured server.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SEATS = [(98.857, 25.851), (98.867, 26.902), (98.668, 27.741), (99.421, 26.450)]  # the four county seats
START = dt.datetime(2024, 3, 29, 6, 0)  # local time; a week of 30 s fixes crosses into April
STEP_S = 30
RADIUS = 0.03
COUNTIES = Path(__file__).resolve().parent.parent / "db" / "data" / "nujiang_counties.geojson"


def tracks(points: int, vehicles: int, seed: int = 7) -> Iterator[tuple[str, int, np.ndarray, np.ndarray,
                                                                        np.ndarray, np.ndarray]]:
    """Per vehicle: name, local times, lon, lat, speed km/h, heading (a mean-reverting walk near a seat)."""
    rng = np.random.default_rng(seed)
    per = -(-points // vehicles)
    for v in range(vehicles):
        n = min(per, points - v * per)
        if n <= 0:
            return
        lon0, lat0 = SEATS[v % len(SEATS)]
        walk = np.cumsum(rng.normal(0, 0.0012, (2, n)), axis=1)  # about 150 m per step, folded into ±3 km
        lon = np.round(lon0 + RADIUS * np.sin(walk[0] / RADIUS), 6)
        lat = np.round(lat0 + RADIUS * np.sin(walk[1] / RADIUS), 6)
        metres = np.hypot(np.diff(lon, prepend=lon[0]) * 100_000, np.diff(lat, prepend=lat[0]) * 111_000)
        speed = np.round(metres / STEP_S * 3.6, 1)
        heading = np.round(np.degrees(np.arctan2(np.diff(lon, prepend=lon[0]), np.diff(lat, prepend=lat[0]))) % 360)
        yield f"云Q·{v:05d}", n, lon, lat, speed, heading


def write_csv(path: Path, points: int, vehicles: int, encoding: str) -> None:
    """车牌号,定位时间,经度,纬度,速度,方向 — what the county platforms export."""
    with path.open("w", encoding=encoding, newline="") as fh:
        fh.write("车牌号,定位时间,经度,纬度,速度,方向\r\n")
        for name, n, lon, lat, speed, heading in tracks(points, vehicles):
            times = [(START + dt.timedelta(seconds=STEP_S * i)).strftime("%Y-%m-%d %H:%M:%S") for i in range(n)]
            fh.writelines(f"{name},{t},{x},{y},{s},{h:g}\r\n" for t, x, y, s, h in
                          zip(times, lon.tolist(), lat.tolist(), speed.tolist(), heading.tolist(), strict=True))


def write_gpx(path: Path, points: int, vehicles: int) -> None:
    """GPX 1.1, one track per vehicle, UTC times, speed (m/s) in a Garmin extension."""
    utc = START - dt.timedelta(hours=8)
    with path.open("w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="bench" '
                 'xmlns="http://www.topografix.com/GPX/1/1" '
                 'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v2">\n')
        for name, n, lon, lat, speed, heading in tracks(points, vehicles):
            fh.write(f"<trk><name>{name}</name><trkseg>\n")
            times = [(utc + dt.timedelta(seconds=STEP_S * i)).strftime("%Y-%m-%dT%H:%M:%SZ") for i in range(n)]
            fh.writelines(
                f'<trkpt lat="{y}" lon="{x}"><ele>900</ele><time>{t}</time><extensions><gpxtpx:TrackPointExtension>'
                f'<gpxtpx:speed>{s / 3.6:.2f}</gpxtpx:speed><gpxtpx:course>{h:g}</gpxtpx:course>'
                f'</gpxtpx:TrackPointExtension></extensions></trkpt>\n'
                for t, x, y, s, h in zip(times, lon.tolist(), lat.tolist(), speed.tolist(), heading.tolist(),
                                         strict=True))
            fh.write("</trkseg></trk>\n")
        fh.write("</gpx>\n")


def child(kind: str, path: Path, url: str) -> None:
    """Run one load in this (child) process and print its outcome as JSON; imports are not timed."""
    from db.engine import make_engine
    from etl.datasets import DATASETS
    from etl.readers.track_csv import sniff_encoding
    from etl.runner import load_file
    engine = make_engine(url)
    if kind != "to_postgis":  # geopandas is not imported here: it would count in the loader's RSS
        started, cpu = time.perf_counter(), time.process_time()
        result = load_file(engine, DATASETS["tracks"], path)
        print(json.dumps({"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu,
                          "points": result.inserted,
                          "status": result.status, "rejected": result.rows_rejected, "message": result.message}))
        return
    import geopandas as gpd
    import pandas as pd
    started = time.perf_counter()
    frame = pd.read_csv(path, dtype={"车牌号": str, "定位时间": str}, encoding=sniff_encoding(path))
    gdf = gpd.GeoDataFrame({"vehicle_id": frame["车牌号"],
                            "ts": pd.to_datetime(frame["定位时间"]).dt.tz_localize("Asia/Shanghai"),
                            "speed_kmh": frame["速度"], "heading": frame["方向"]},
                           geometry=gpd.points_from_xy(frame["经度"], frame["纬度"]), crs=4326)
    read_s, started, cpu = time.perf_counter() - started, time.perf_counter(), time.process_time()
    gdf.to_postgis("track_plain", engine, if_exists="replace", index=False, chunksize=100_000)
    print(json.dumps({"seconds": time.perf_counter() - started, "read_seconds": read_s, "points": len(gdf),
                      "cpu": time.process_time() - cpu}))


def run(kind: str, path: Path, server_url: str) -> dict[str, object]:
    """One load in a child process on a fresh database: its JSON outcome plus wall time and peak RSS."""
    from sqlalchemy.engine import make_url

    from db.engine import drop_database, ensure_database, make_engine, migrate
    from etl.datasets import DATASETS
    from etl.runner import load_file
    url = make_url(server_url).set(database=f"xiaoan_bench_{os.getpid()}_{kind}").render_as_string(False)
    drop_database(url)
    ensure_database(url)
    try:
        migrate(url)
        engine = make_engine(url)
        load_file(engine, DATASETS["counties"], COUNTIES)
        engine.dispose()
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, __file__, "--child", kind, str(path), url], stdout=subprocess.PIPE)
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        if status:
            raise SystemExit(f"{kind} load failed with status {status}")
        return {**json.loads(out), "wall": time.perf_counter() - started, "rss_mb": usage.ru_maxrss / 1024}
    finally:
        drop_database(url)


def main() -> None:
    """Generate the files, load each into its own fresh database, print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--vehicles", type=int, default=50)
    parser.add_argument("--formats", default="csv,gpx,to_postgis", help="comma-separated: csv, gpx, to_postgis")
    parser.add_argument("--encoding", default="gb18030", help="of the CSV file (gb18030 or utf-8)")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "FILE", "URL"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child[0], Path(args.child[1]), args.child[2])
    from db.engine import database_url
    kinds = args.formats.split(",")
    with tempfile.TemporaryDirectory(prefix="xiaoan_bench_") as tmp:
        files = {"csv": Path(tmp) / "tracks.csv", "gpx": Path(tmp) / "tracks.gpx"}
        if {"csv", "to_postgis"} & set(kinds):
            write_csv(files["csv"], args.points, args.vehicles, args.encoding)
        if "gpx" in kinds:
            write_gpx(files["gpx"], args.points, args.vehicles)
        rows = {k: run(k, files["gpx" if k == "gpx" else "csv"], database_url()) for k in kinds}
    print("| load | points | seconds | points/s | loader CPU s | peak RSS (MB) |\n|---|---:|---:|---:|---:|---:|")
    for kind, r in rows.items():
        rate = r["points"] / r["seconds"]
        print(f"| {kind} | {r['points']:,} | {r['seconds']:.1f} | {rate:,.0f} | {r['cpu']:.1f} | {r['rss_mb']:.0f} |")
    if "csv" in rows and "to_postgis" in rows:
        tp = rows["to_postgis"]
        print(f"\nto_postgis alone took {tp['seconds']:.1f} s after {tp['read_seconds']:.1f} s of pandas reading; "
              f"CSV load is {tp['seconds'] / rows['csv']['seconds']:.1f}x faster than to_postgis alone, "
              f"{(tp['seconds'] + tp['read_seconds']) / rows['csv']['seconds']:.1f}x than read + to_postgis.")
    for kind, r in rows.items():
        if r.get("rejected") or r.get("message"):
            print(f"{kind}: {r.get('rejected')} rejected; {r.get('message')}")


if __name__ == "__main__":
    main()
