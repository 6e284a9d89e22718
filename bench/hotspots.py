"""Benchmark of hazard hotspots over the whole prefecture: hexagons and seconds per hexagon size.

    .venv/bin/python bench/hotspots.py --hazards 50 --sizes 500 1000 2000 [--cluster 30]

Runs on a scratch database created (migrated, counties loaded) on the configured server and dropped after.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.analytics.hotspots import hex_counts, hotspots  # noqa: E402
from db.engine import database_url, drop_database, ensure_database, make_engine, migrate  # noqa: E402
from etl.datasets import DATASETS  # noqa: E402
from etl.runner import load_file  # noqa: E402

COUNTIES = Path(__file__).resolve().parent.parent / "db" / "data" / "nujiang_counties.geojson"
SCATTER = """
INSERT INTO hazard (hazard_id, kind, category, county_adcode, found_on, status, geom)
SELECT 'B' || row_number() OVER (), 'campus', 'bench', c.adcode, DATE '2026-03-01', 'open', d.geom
FROM ST_Dump(ST_GeneratePoints((SELECT ST_Union(geom) FROM county), :n, :seed)) AS d
JOIN county AS c ON ST_Intersects(c.geom, d.geom)
"""
CLUSTER = """
INSERT INTO hazard (hazard_id, kind, category, county_adcode, found_on, status, geom)
SELECT 'C' || k, 'campus', 'bench', '533301', DATE '2026-03-01', 'open',
       ST_Transform(ST_SetSRID(ST_MakePoint(485000 + 1500 * cos(k), 2860000 + 1500 * sin(k)), 32647), 4326)
FROM generate_series(1, :n) AS k
"""


def best(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Fastest wall time of repeat runs, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), result


def run(url: str, hazards: int, cluster: int, sizes: list[float], repeat: int, permutations: int) -> None:
    """Print the Markdown table for a prepared database."""
    engine = make_engine(url)
    load_file(engine, DATASETS["counties"], COUNTIES)
    with engine.begin() as conn:
        conn.execute(sa.text(SCATTER), {"n": hazards, "seed": 7})
        conn.execute(sa.text(CLUSTER), {"n": cluster})
        placed = conn.execute(sa.text("SELECT count(*) FROM hazard")).scalar() - cluster
    print(f"{placed} random hazards over the four counties, {cluster} within 1.5 km of Liuku; best of {repeat}\n")
    print(f"| hexagon edge | hexagons | hex_counts s | hotspots s | hot / cold cells | "
          f"hotspots, {permutations} permutations s | hot / cold cells |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    with engine.connect() as conn:
        for size in sizes:
            t_counts, frame = best(lambda s=size: hex_counts(conn, s), repeat)
            t_norm, norm = best(lambda s=size: hotspots(conn, s), repeat)
            t_perm, perm = best(lambda s=size: hotspots(conn, s, permutations=permutations), repeat)
            flags = [f"{f.hotspot_class.str.startswith('hot').sum()} / {f.hotspot_class.str.startswith('cold').sum()}"
                     for f in (norm, perm)]
            print(f"| {size:g} m | {len(frame):,} | {t_counts:.2f} | {t_norm:.2f} | {flags[0]} | {t_perm:.2f} | "
                  f"{flags[1]} |")
    engine.dispose()


def main() -> None:
    """Create the scratch database, run, drop it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hazards", type=int, default=50)
    parser.add_argument("--cluster", type=int, default=0, help="hazards added within 1.5 km of Liuku")
    parser.add_argument("--sizes", type=float, nargs="+", default=[500.0, 1000.0, 2000.0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--permutations", type=int, default=999)
    args = parser.parse_args()
    url = make_url(database_url()).set(database=f"xiaoan_bench_hotspots_{os.getpid()}")
    url = url.render_as_string(hide_password=False)
    ensure_database(url)
    try:
        migrate(url)
        run(url, args.hazards, args.cluster, args.sizes, args.repeat, args.permutations)
    finally:
        drop_database(url)


if __name__ == "__main__":
    main()
