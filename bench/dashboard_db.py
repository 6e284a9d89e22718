"""Databases for the dashboard and memory benchmarks at a named scale: the demo plus bench/data.py's scale.

    nice .venv/bin/python bench/dashboard_db.py --scale M        # build once (kept; reused while complete)

The demo (anchored 2026-09-30: units, officers, assignments, calendar, roads, signs, hazards, activities and
September's tracks) is loaded first through the ETL, then the scale's synthetic schools and tracks
(12 Oct - 6 Nov 2026) by COPY into new month partitions, then `xiaoan refresh` runs under /usr/bin/time -v,
so the full refresh's peak RSS is measured on the way. A database is marked complete by a comment.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import data  # noqa: E402
from db.engine import database_url, make_engine, migrate  # noqa: E402
from db.sql import quote_ident  # noqa: E402
from etl import demo  # noqa: E402

ANCHOR = dt.date(2026, 9, 30)  # the demo's tracks stay in September, the scale's get new month tables
XIAOAN = Path(sys.executable).with_name("xiaoan")
MARK = "xiaoan bench dashboard {scale} complete"


def url(scale: str) -> str:
    """SQLAlchemy URL of the scale's benchmark database on the configured server."""
    name = f"xiaoan_bench_dash_{scale.lower()}"
    return sa.engine.make_url(database_url()).set(database=name).render_as_string(hide_password=False)


def complete(scale: str) -> bool:
    """Whether the scale's database exists and was built to the end."""
    engine = make_engine(url(scale))
    try:
        with engine.connect() as conn:
            note = conn.execute(sa.text("SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                                        "WHERE datname = current_database()")).scalar()
        return note == MARK.format(scale=scale)
    except sa.exc.OperationalError:
        return False
    finally:
        engine.dispose()


def timed(command: list[str], env_url: str) -> tuple[float, int, str]:
    """Run a command under /usr/bin/time -v with the database URL set: (seconds, peak RSS in KB, stdout)."""
    env = {**os.environ, "XIAOAN_DATABASE_URL": env_url}
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-v", *command], env=env, capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - start
    rss = next(int(line.split(":")[1]) for line in done.stderr.splitlines() if "Maximum resident set size" in line)
    return seconds, rss, done.stdout


def build(scale: str) -> str:
    """Build the scale's database (dropping an incomplete one); return its URL."""
    name, size = f"xiaoan_bench_dash_{scale.lower()}", data.SCALES[scale]
    with data.scratch(name, keep=True) as engine, tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        demo.run(engine, Path(tmp), 7, ANCHOR)
        print(f"{scale}: demo loaded in {time.perf_counter() - start:.0f} s", file=sys.stderr)
        sch = data.schools(size.schools, size.seed)
        data.load_schools(engine, sch)
        start = time.perf_counter()
        points = data.copy_tracks(engine, data.tracks(sch, size))
        print(f"{scale}: {points:,} fixes copied in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    seconds, rss, out = timed([str(XIAOAN), "refresh"], url(scale))
    print(f"{scale}: xiaoan refresh {seconds:.1f} s, peak RSS {rss / 1024:.0f} MB: {out.strip()}", file=sys.stderr)
    engine = make_engine(url(scale))
    with engine.begin() as conn:
        conn.exec_driver_sql(f"COMMENT ON DATABASE {quote_ident(name)} IS '{MARK.format(scale=scale)}'")  # a constant
    engine.dispose()
    return url(scale)


def ensure(scale: str, rebuild: bool = False) -> str:
    """URL of the scale's complete database at migration head, built first when missing, incomplete or asked to."""
    if complete(scale) and not rebuild:
        migrate(url(scale))  # the schema moves on while the data stays
        return url(scale)
    return build(scale)


def main() -> None:
    """Build (or find) the database of the asked scale and print its name."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=list(data.SCALES), default="S")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    print(sa.engine.make_url(ensure(args.scale, args.rebuild)).database)


if __name__ == "__main__":
    main()
