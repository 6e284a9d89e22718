"""Benchmark of presence: PostGIS full and incremental refresh vs in-memory and DuckDB baselines, answers compared.

    .venv/bin/python bench/presence.py                                 # 500 schools, 10 M fixes, 20 + 1 days
    .venv/bin/python bench/presence.py --schools 5000 --points 50000000 --repeat 1   # scale M

Generates the data (bench/data.py), COPYs all days but the last into a scratch database, loads the last day
through the track loader (CSV), times presence alone (refresh_days: what the baselines compute) over every day
and for the last, presence with the patrol paths (refresh_range, refresh_after_load) likewise, runs the
reference (db/analytics/presence_reference.py) and DuckDB (db/analytics/presence_duckdb.py) each in a child
process on the same fixes (read from Parquet, reading not timed), and compares every row of all three.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.data import Scale, copy_tracks, load_schools, schools, scratch, tracks, write_csv  # noqa: E402
from db.analytics import presence_duckdb  # noqa: E402
from db.analytics.presence import refresh_after_load, refresh_days, refresh_range  # noqa: E402
from db.analytics.presence_reference import COLUMNS, compute  # noqa: E402
from db.settings import get_settings  # noqa: E402
from etl.datasets import DATASETS  # noqa: E402
from etl.runner import load_file  # noqa: E402

KEY = ["school_code", "day", "window_name"]
TOLERANCE = {"first_seen": pd.Timedelta(milliseconds=1), "last_seen": pd.Timedelta(milliseconds=1),
             "dwell_min": 1e-6, "min_distance_m": 1e-3, "radius_m": 0.0}


def timed_sql(engine: sa.Engine, work: Callable[[sa.Connection], int], repeat: int) -> tuple[list[float], float, int]:
    """Seconds of repeat runs (each its own transaction and backend), peak backend RSS in MB, rows."""
    seconds, peaks, rows = [], [], 0
    for _ in range(repeat):
        engine.dispose()
        with engine.connect() as conn:
            pid = conn.execute(sa.text("SELECT pg_backend_pid()")).scalar_one()
            conn.commit()
            started = time.perf_counter()
            rows = work(conn)
            conn.commit()
            seconds.append(time.perf_counter() - started)
            peaks.append(backend_peak_mb(pid))
    return seconds, max(peaks), rows


def stored(engine: sa.Engine) -> pd.DataFrame:
    """The presence table as the baselines' frames have it."""
    with engine.connect() as conn:
        return pd.DataFrame(conn.execute(sa.text("SELECT * FROM presence")).mappings().all())[COLUMNS]


def backend_peak_mb(pid: int) -> float:
    """VmHWM of a server process (shared buffers it touched included); NaN when the server is not local."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return float("nan")
    return next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM")) / 1024


def oracle(folder: Path, repeat: int, kind: str) -> tuple[list[float], float, float]:
    """Seconds of a baseline's compute() per run (reading excluded), peak RSS in MB (reading included), read s."""
    runs = []
    for _ in range(repeat):
        proc = subprocess.Popen([sys.executable, __file__, "--oracle", str(folder), "--kind", kind],
                                stdout=subprocess.PIPE)
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        if status:
            raise SystemExit(f"reference failed with status {status}")
        runs.append({**json.loads(out), "rss_mb": usage.ru_maxrss / 1024})
    return [r["seconds"] for r in runs], max(r["rss_mb"] for r in runs), statistics.median(r["read"] for r in runs)


def oracle_child(folder: Path, kind: str) -> None:
    """In a child process: read the fixes, run a baseline once, save its rows, print the times."""
    started = time.perf_counter()
    days = [pd.Timestamp(d).date() for d in json.loads((folder / "days.json").read_text())]
    if kind == "duckdb":  # into DuckDB's own tables first, as the reference gets its DataFrames
        con, sch, fixes = presence_duckdb.connect(), None, None
        for name in ("schools", "fixes"):
            con.read_parquet(str(folder / f"{name}.parquet")).create(name)
    else:
        con, sch, fixes = None, pd.read_parquet(folder / "schools.parquet"), pd.read_parquet(folder / "fixes.parquet")
    read, started = time.perf_counter() - started, time.perf_counter()
    ref = presence_duckdb.compute(None, None, days, get_settings(), con) if con else compute(
        sch, fixes, days, get_settings())
    seconds = time.perf_counter() - started
    ref.to_parquet(folder / f"{kind}.parquet")
    print(json.dumps({"seconds": seconds, "read": read}))


def disagreements(db: pd.DataFrame, ref: pd.DataFrame) -> pd.DataFrame:
    """Rows missing on one side or differing beyond 1 ms, 1e-6 min, 1 mm, with the columns that differ."""
    both = db.merge(ref, on=KEY, how="outer", suffixes=("_db", "_ref"), indicator="side")
    why = pd.Series("", index=both.index).where(both["side"] == "both", "only in " + both["side"].astype(str))
    for col, tol in TOLERANCE.items():
        a, b = both[f"{col}_db"], both[f"{col}_ref"]
        diff = (a.isna() != b.isna()) | (a.notna() & b.notna() & ((a - b).abs() > tol))
        why = why.where(~diff, why + f" {col}")
    for col in ("present", "vehicle_ids"):
        a, b = (both[f"{col}_{s}"].map(lambda v: tuple(v) if hasattr(v, "__len__") else v) for s in ("db", "ref"))
        why = why.where(a == b, why + f" {col}")
    return both[why != ""].assign(why=why[why != ""])


def agreement(pairs: dict[str, tuple[pd.DataFrame, pd.DataFrame]]) -> None:
    """Print, for each pair of answers, how many rows agree and the first disagreements."""
    for name, (a, b) in pairs.items():
        bad = disagreements(a, b)
        kinds = bad["why"].str.split().explode().value_counts().to_dict() if len(bad) else {}
        print(f"- {name}: {len(b) - len(bad):,} of {len(b):,} rows agree; {len(bad)} disagreements {kinds}")
        for row in bad.head(3).to_dict("records"):
            print(f"  - {row['school_code']} {row['day']} {row['window_name']}:{row['why']} | "
                  f"{[row.get(f'{c}_db') for c in ('present', 'min_distance_m', 'dwell_min')]} vs "
                  f"{[row.get(f'{c}_ref') for c in ('present', 'min_distance_m', 'dwell_min')]}")


def main() -> None:
    """Generate, load, time, compare, print the Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=500)
    parser.add_argument("--points", type=int, default=10_000_000, help="GPS fixes over all the days")
    parser.add_argument("--days", type=int, default=20, help="school days in the full refresh (one more is added)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="connections of the parallel refresh")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    parser.add_argument("--oracle", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--kind", default="reference", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.oracle:
        return oracle_child(args.oracle, args.kind)
    scale = Scale(args.schools, args.points, args.days + 1)
    sch = schools(scale.schools, scale.seed)
    chunks = list(tracks(sch, scale))
    load = [os.getloadavg()[0]]
    with tempfile.TemporaryDirectory(prefix="xiaoan_bench_presence_") as tmp, \
            scratch(f"xiaoan_bench_presence_{os.getpid()}", args.keep) as engine:
        folder = Path(tmp)
        pd.concat(chunks, ignore_index=True)[["vehicle_id", "ts", "lon", "lat"]].to_parquet(folder / "fixes.parquet")
        sch.to_parquet(folder / "schools.parquet")
        (folder / "days.json").write_text(json.dumps([d.isoformat() for d in scale.day_list]))
        load_schools(engine, sch)
        started = time.perf_counter()
        copied = copy_tracks(engine, iter(chunks[:-1]))
        copy_s, started = time.perf_counter() - started, time.perf_counter()
        loaded = load_file(engine, DATASETS["tracks"], write_csv(chunks[-1], folder / "last_day.csv"))
        load_s = time.perf_counter() - started
        first, last = chunks[-1]["ts"].min().to_pydatetime(), chunks[-1]["ts"].max().to_pydatetime()
        load.append(os.getloadavg()[0])
        w, span = args.workers, (scale.day_list[0], scale.day_list[-1])
        last_day = [scale.day_list[-1]]
        inc = timed_sql(engine, lambda c: refresh_after_load(c, first, last), args.repeat)
        inc_w = timed_sql(engine, lambda c: refresh_after_load(c, first, last, workers=w), args.repeat)
        day_1 = timed_sql(engine, lambda c: refresh_days(c, last_day), args.repeat)
        day_w = timed_sql(engine, lambda c: refresh_days(c, last_day, workers=w), args.repeat)
        both = timed_sql(engine, lambda c: refresh_range(c, *span, workers=w), args.repeat)
        full_1 = timed_sql(engine, lambda c: refresh_days(c, scale.day_list), args.repeat)
        serial = stored(engine)
        full = timed_sql(engine, lambda c: refresh_days(c, scale.day_list, workers=w), args.repeat)
        load.append(os.getloadavg()[0])
        db = stored(engine)
        ref_s, ref_rss, read_s = oracle(folder, args.repeat, "reference")
        load.append(os.getloadavg()[0])
        duck_s, duck_rss, duck_read_s = oracle(folder, args.repeat, "duckdb")
        load.append(os.getloadavg()[0])
        ref, duck = (pd.read_parquet(folder / f"{k}.parquet") for k in ("reference", "duckdb"))
    points = copied + loaded.inserted
    print(f"{len(sch)} schools, {points:,} fixes ({copied:,} by COPY BINARY in {copy_s:.1f} s; the last day's "
          f"{loaded.inserted:,} by the track loader, which refreshes its day too, in {load_s:.1f} s, status "
          f"{loaded.status}), {len(scale.day_list)} school days, {chunks[-1]['vehicle_id'].cat.categories.size} "
          f"vehicles; median of {args.repeat} runs; {os.cpu_count()} cores; 1-min load average at the start, "
          f"after loading, after PostGIS, after the reference, after DuckDB: {' / '.join(f'{x:.1f}' for x in load)}\n")
    full_s = statistics.median(full[0])
    print("| computation | rows | median s | runs s | ÷ PostGIS presence | peak RSS (MB) |")
    print("|---|---:|---:|---|---:|---:|")
    for name, (runs, rss, rows), where in (
            (f"PostGIS presence, {w} connections (refresh_days, {len(scale.day_list)} days: the baselines' work)",
             full, "caller's backend"),
            ("PostGIS presence, 1 connection", full_1, "server backend"),
            (f"PostGIS presence and patrol paths, {w} connections (refresh_range: `xiaoan refresh`)", both,
             "caller's backend"),
            ("PostGIS presence, one more day, 1 connection", day_1, "server backend"),
            (f"PostGIS presence, one more day, {w} connections", day_w, "caller's backend"),
            ("PostGIS presence and paths, one more day, 1 connection (what a track load runs)", inc,
             "server backend"),
            (f"PostGIS presence and paths, one more day, {w} connections (`xiaoan refresh --from --to`)", inc_w,
             "caller's backend"),
            (f"in memory (numpy/pandas/shapely; {read_s:.1f} s Parquet reading not timed)",
             (ref_s, ref_rss, len(ref)), "child process"),
            (f"DuckDB {presence_duckdb.duckdb.__version__} spatial ({duck_read_s:.1f} s Parquet loading not timed)",
             (duck_s, duck_rss, len(duck)), "child process")):
        print(f"| {name} | {rows:,} | {statistics.median(runs):.2f} | {' '.join(f'{r:.2f}' for r in runs)} | "
              f"{statistics.median(runs) / full_s:.2f} | {rss:.0f} ({where}) |")
    fastest = min(statistics.median(ref_s), statistics.median(duck_s))
    print(f"\nfaster baseline s / PostGIS presence s = {fastest / full_s:.2f} (target ≥ 1); one more day: presence "
          f"{statistics.median(day_1[0]):.2f} s on 1 connection, {statistics.median(day_w[0]):.2f} s on {w}; with "
          f"paths {statistics.median(inc[0]):.2f} s in a load, {statistics.median(inc_w[0]):.2f} s on {w} (target "
          f"< 1 s); present in {db['present'].mean():.1%} of windows; agreement (1 ms, 1e-6 min, 1 mm; presence and "
          f"vehicles exactly):")
    agreement({f"PostGIS {w} connections vs 1": (db, serial), "PostGIS vs in memory": (db, ref),
               "PostGIS vs DuckDB": (db, duck), "in memory vs DuckDB": (ref, duck)})


if __name__ == "__main__":
    main()
