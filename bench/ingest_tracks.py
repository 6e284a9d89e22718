"""Benchmark of `xiaoan load tracks` beside the alternatives, on the same rows, with medians of several runs.

    .venv/bin/python bench/ingest_tracks.py --points 1000000 --runs 3
    .venv/bin/python bench/ingest_tracks.py --points 10000000 --runs 1 --formats csv

Kinds: csv and gpx (our loader), to_postgis (pandas + GeoDataFrame.to_postgis of the CSV into a plain table),
copy (the ceiling: a bare server-side COPY of the CSV into an unindexed table of typed columns), ogr2ogr and
ogr2ogr_gpx (GDAL, PG_USE_COPY=YES, its defaults: serial key and GiST). Each run gets a fresh database cloned
from a migrated template with the counties loaded; loads run in child processes (peak RSS from rusage).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SEATS = [(98.857, 25.851), (98.867, 26.902), (98.668, 27.741), (99.421, 26.450)]  # the four county seats
START = dt.datetime(2024, 3, 29, 6, 0)  # local time; a week of 30 s fixes crosses into April  # noqa: DTZ001
STEP_S = 30
RADIUS = 0.03
COUNTIES = Path(__file__).resolve().parent.parent / "db" / "data" / "nujiang_counties.geojson"
HEADER = "车牌号,定位时间,经度,纬度,速度,方向"
BARE = "CREATE TABLE bare (vehicle_id text, ts timestamptz, lon float8, lat float8, speed real, heading real)"
TARGETS = {"copy": ("≥ 0.7", 0.7), "ogr2ogr": ("≥ 2", 2.0), "to_postgis": ("≥ 5 (issue 7), ≥ 3 (issue 3)", 5.0)}


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
    """车牌号,定位时间,经度,纬度,速度,方向 — what the county platforms export (and a .csvt for ogr2ogr)."""
    with path.open("w", encoding=encoding, newline="") as fh:
        fh.write(HEADER + "\r\n")
        for name, n, lon, lat, speed, heading in tracks(points, vehicles):
            times = [(START + dt.timedelta(seconds=STEP_S * i)).strftime("%Y-%m-%d %H:%M:%S") for i in range(n)]
            fh.writelines(f"{name},{t},{x},{y},{s},{h:g}\r\n" for t, x, y, s, h in
                          zip(times, lon.tolist(), lat.tolist(), speed.tolist(), heading.tolist(), strict=True))
    path.with_suffix(".csvt").write_text("String,DateTime,Real,Real,Real,Real\n")


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


def server_cpu(pid: int) -> float | None:
    """CPU seconds a PostgreSQL backend has used so far, when it runs on this machine and /proc is readable."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def child(kind: str, path: Path, url: str) -> None:
    """Run one load in this (child) process and print its outcome as JSON; imports are not timed."""
    import sqlalchemy as sa

    from db.engine import make_engine
    engine = make_engine(url)
    with engine.connect() as conn:  # the pooled connection the load will use
        pid = conn.execute(sa.text("SELECT pg_backend_pid()")).scalar_one()
    server = server_cpu(pid)
    if kind in ("csv", "gpx"):  # geopandas is not imported here: it would count in the loader's RSS
        from etl.datasets import DATASETS
        from etl.runner import load_file
        started, cpu = time.perf_counter(), time.process_time()
        result = load_file(engine, DATASETS["tracks"], path)
        out = {"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu, "points": result.inserted,
               "rejected": result.rows_rejected, "message": result.message}
    elif kind == "copy":
        out = bare_copy(engine, path)
    else:
        import geopandas as gpd
        import pandas as pd

        from etl.tracks.csv.read import sniff_encoding
        started, cpu = time.perf_counter(), time.process_time()
        frame = pd.read_csv(path, dtype={"车牌号": str, "定位时间": str}, encoding=sniff_encoding(path))
        gdf = gpd.GeoDataFrame({"vehicle_id": frame["车牌号"],
                                "ts": pd.to_datetime(frame["定位时间"]).dt.tz_localize("Asia/Shanghai"),
                                "speed_kmh": frame["速度"], "heading": frame["方向"]},
                               geometry=gpd.points_from_xy(frame["经度"], frame["纬度"]), crs=4326)
        gdf.to_postgis("track_plain", engine, if_exists="replace", index=False, chunksize=100_000)
        out = {"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu, "points": len(gdf)}
    after = server_cpu(pid)
    print(json.dumps(out | {"server_cpu": None if server is None or after is None else after - server}))


def bare_copy(engine: object, path: Path) -> dict[str, object]:
    """The ceiling: the server reads the CSV itself into an unindexed table (from STDIN if it cannot)."""
    from etl.tracks.csv.read import sniff_encoding
    encoding = {"utf-8-sig": "UTF8", "utf-8": "UTF8"}.get(sniff_encoding(path), "GB18030")
    options = f"(FORMAT csv, HEADER true, ENCODING '{encoding}')"
    raw = engine.raw_connection()
    try:
        cur = raw.driver_connection.cursor()
        cur.execute(BARE)
        started = time.perf_counter()
        try:
            cur.execute(f"COPY bare FROM '{path}' {options}")
            how = "server-side"
        except Exception:  # noqa: BLE001 — a remote server or one without pg_read_server_files
            raw.driver_connection.rollback()
            cur.execute(BARE)
            started = time.perf_counter()
            with path.open("rb") as fh, cur.copy(f"COPY bare FROM STDIN {options}") as copy:
                while block := fh.read(1 << 20):
                    copy.write(block)
            how = "from STDIN"
        raw.driver_connection.commit()
        seconds = time.perf_counter() - started
        points = cur.execute("SELECT count(*) FROM bare").fetchone()[0]
    finally:
        raw.close()
    return {"seconds": seconds, "cpu": 0.0, "points": points, "message": how}


def ogr2ogr(kind: str, path: Path, url: str) -> dict[str, object]:
    """GDAL's ogr2ogr into a new table with COPY; the GB18030 CSV is converted by the server (client encoding)."""
    from sqlalchemy.engine import make_url
    u = make_url(url)
    dsn = f"PG:host={u.host} port={u.port} user={u.username} dbname={u.database}"
    env = os.environ | {"PGPASSWORD": u.password or "", "PGCLIENTENCODING": "GB18030"}
    args: list[str | bytes] = ["ogr2ogr", "-f", "PostgreSQL", dsn, str(path), "-nln", "track_ogr",
                               "--config", "PG_USE_COPY", "YES", "-gt", "65536"]
    if kind == "ogr2ogr":
        args += ["-a_srs", "EPSG:4326", "-oo", b"X_POSSIBLE_NAMES=" + "经度".encode("gb18030"),
                 "-oo", b"Y_POSSIBLE_NAMES=" + "纬度".encode("gb18030")]
    else:
        args += ["track_points"]
        env["PGCLIENTENCODING"] = "UTF8"
    started = time.perf_counter()
    with tempfile.TemporaryFile() as errors:  # GDAL warns about every GPX extension it cannot type
        status, cpu, peak = wait(subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=errors))
        seconds = time.perf_counter() - started
        if status:
            errors.seek(0)
            raise SystemExit(f"ogr2ogr failed with status {status}: {errors.read()[-2000:].decode(errors='replace')}")
    import sqlalchemy as sa

    from db.engine import make_engine
    engine = make_engine(url)
    with engine.connect() as conn:
        points = conn.execute(sa.text("SELECT count(*) FROM track_ogr")).scalar_one()
    engine.dispose()
    return {"seconds": seconds, "cpu": cpu, "points": points, "rss_mb": peak}


def wait(proc: subprocess.Popen) -> tuple[int, float, float]:
    """Exit status, CPU seconds and peak RSS (MB, VmHWM polled: rusage would count the forking parent's pages)."""
    peak = 0.0
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            return status, usage.ru_utime + usage.ru_stime, peak
        try:
            text = Path(f"/proc/{proc.pid}/status").read_text()
            peak = max(peak, int(text.split("VmHWM:")[1].split()[0]) / 1024)
        except (OSError, IndexError):
            pass
        time.sleep(0.02)


def template(server_url: str, geom_index: bool = True) -> str:
    """A migrated database with the counties loaded, to clone for each run (without track_point's GiST if asked)."""
    from sqlalchemy.engine import make_url

    from db.engine import drop_database, ensure_database, make_engine, migrate
    from etl.datasets import DATASETS
    from etl.runner import load_file
    url = make_url(server_url).set(database=f"xiaoan_bench_{os.getpid()}_tpl").render_as_string(False)
    drop_database(url)
    ensure_database(url)
    migrate(url)
    engine = make_engine(url)
    load_file(engine, DATASETS["counties"], COUNTIES)
    if not geom_index:
        import sqlalchemy as sa
        with engine.begin() as conn:
            conn.execute(sa.text("DROP INDEX IF EXISTS idx_track_point_geom"))
    engine.dispose()
    return url


def run(kind: str, path: Path, template_url: str, number: int) -> dict[str, object]:
    """One load on a fresh clone of the template: its JSON outcome plus wall time and peak RSS."""
    import sqlalchemy as sa
    from sqlalchemy.engine import make_url

    from db.engine import drop_database, make_engine
    tpl = make_url(template_url)
    url = tpl.set(database=f"{tpl.database[:-4]}_{kind}_{number}").render_as_string(False)
    admin = make_engine(tpl.set(database="postgres").render_as_string(False))
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{make_url(url).database}" TEMPLATE "{tpl.database}"'))
    admin.dispose()
    try:
        if kind.startswith("ogr2ogr"):
            return ogr2ogr(kind, path, url)
        with tempfile.TemporaryFile() as out:
            status, _, peak = wait(subprocess.Popen([sys.executable, __file__, "--child", kind, str(path), url],
                                                    stdout=out))
            if status:
                raise SystemExit(f"{kind} load failed with status {status}")
            out.seek(0)
            return json.loads(out.read()) | {"rss_mb": peak}
    finally:
        drop_database(url)


def report(rows: dict[str, list[dict[str, object]]]) -> str:
    """The Markdown tables: medians per kind, then the ratios the issues set as targets."""
    med = {k: statistics.median(r["seconds"] for r in runs) for k, runs in rows.items()}
    lines = ["| load | points | runs (s) | median s | points/s | loader CPU s | server CPU s | peak RSS (MB) |",
             "|---|---:|---|---:|---:|---:|---:|---:|"]
    for kind, runs in rows.items():
        cpu = statistics.median(r["cpu"] for r in runs)
        server = [r["server_cpu"] for r in runs if r.get("server_cpu") is not None]
        each = " / ".join(f"{r['seconds']:.1f}" for r in runs)
        lines.append(f"| {kind} | {runs[0]['points']:,} | {each} | {med[kind]:.2f} | "
                     f"{runs[0]['points'] / med[kind]:,.0f} | {cpu:.1f} | "
                     f"{f'{statistics.median(server):.1f}' if server else '–'} | "
                     f"{max(r['rss_mb'] for r in runs):,.0f} |")
    if "csv" in med:
        lines += ["", "| ratio (medians) | value | target |", "|---|---:|---|"]
        for kind, (target, _) in TARGETS.items():
            if kind in med:
                lines.append(f"| csv points/s ÷ {kind} points/s | {med[kind] / med['csv']:.2f} | {target} |")
    if "gpx" in med:
        lines.append(f"| gpx points/s | {rows['gpx'][0]['points'] / med['gpx']:,.0f} | ≥ 100,000 |")
    return "\n".join(lines)


def main() -> None:
    """Generate the files, run every kind `--runs` times (interleaved), print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--vehicles", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--formats", default="csv,gpx,copy,ogr2ogr,ogr2ogr_gpx,to_postgis",
                        help="comma-separated: csv, gpx, copy, ogr2ogr, ogr2ogr_gpx, to_postgis")
    parser.add_argument("--encoding", default="gb18030", help="of the CSV file (gb18030 or utf-8)")
    parser.add_argument("--without-geom-index", action="store_true",
                        help="what-if: drop track_point's GiST index (no query of the project uses it) first")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "FILE", "URL"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child[0], Path(args.child[1]), args.child[2])
    from db.engine import database_url, drop_database
    kinds = [k for k in args.formats.split(",") if not k.startswith("ogr2ogr") or shutil.which("ogr2ogr")]
    if len(kinds) < len(args.formats.split(",")):
        print("ogr2ogr is not installed (Debian gdal-bin): its runs are left out", file=sys.stderr)
    rows: dict[str, list[dict[str, object]]] = {k: [] for k in kinds}
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="xiaoan_bench_") as tmp:
        os.chmod(tmp, 0o755)  # the server-side COPY runs as the server's user
        files = {"csv": Path(tmp) / "tracks.csv", "gpx": Path(tmp) / "tracks.gpx"}
        if {"csv", "to_postgis", "copy", "ogr2ogr"} & set(kinds):
            write_csv(files["csv"], args.points, args.vehicles, args.encoding)
        if {"gpx", "ogr2ogr_gpx"} & set(kinds):
            write_gpx(files["gpx"], args.points, args.vehicles)
        tpl = template(database_url(), geom_index=not args.without_geom_index)
        try:
            for number in range(args.runs):
                for kind in kinds:
                    path = files["gpx" if "gpx" in kind else "csv"]
                    rows[kind].append(run(kind, path, tpl, number))
                    print(f"run {number + 1} {kind}: {rows[kind][-1]['seconds']:.2f} s", file=sys.stderr)
        finally:
            drop_database(tpl)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", file=sys.stderr)
    if args.without_geom_index:
        print("(what-if: track_point without its GiST index on geom)\n")
    print(report(rows))
    for kind, runs in rows.items():
        notes = {str(r.get("message")) for r in runs if r.get("message")} | {f"{r['rejected']} rejected" for r in runs
                                                                             if r.get("rejected")}
        if notes:
            print(f"{kind}: {'; '.join(sorted(notes))}")


if __name__ == "__main__":
    main()
