"""Plans against the GPS on the demo: checking last week's plans (the stops of five mornings) against the GPS.

    .venv/bin/python bench/plan_check.py [--runs 5]

Against the configured database (XIAOAN_DATABASE_URL, else the embedded cluster) after `xiaoan demo`, which plans
and drives last week's mornings. Times db.analytics.plan_check.refresh_plans of every plan of the latest week
(rolled back, nothing changes), and the compliance read of that week; prints a Markdown table. Target: ≤ 2 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa  # noqa: E402

from db.analytics import compliance, plan_check  # noqa: E402
from db.engine import database_url, make_engine  # noqa: E402


def main() -> None:
    """Time the week's check and compliance read."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    engine = make_engine(database_url())
    with engine.connect() as conn:
        last = conn.execute(sa.text("SELECT max(service_date) FROM patrol_plan p WHERE EXISTS "
                                    "(SELECT 1 FROM patrol_plan_check c WHERE c.plan_id = p.plan_id)")).scalar()
        if last is None:
            sys.exit("no checked plan: run `xiaoan demo` first")
        first = last - dt.timedelta(days=6)
        ids = list(conn.execute(sa.text("SELECT plan_id FROM patrol_plan WHERE service_date BETWEEN :a AND :b"),
                                {"a": first, "b": last}).scalars())
    check_s, read_s, rows = [], [], 0
    for _ in range(args.runs):
        with engine.connect() as conn, conn.begin() as tx:
            clock = time.perf_counter()
            rows = plan_check.refresh_plans(conn, ids)
            check_s.append(time.perf_counter() - clock)
            clock = time.perf_counter()
            totals = compliance.totals(compliance.stops(conn, first, last))
            read_s.append(time.perf_counter() - clock)
            tx.rollback()
    print(f"{len(ids)} plans, {rows} stops checked, {first} … {last}: {totals}\n")
    print("| step | median s | max s |\n|---|---:|---:|")
    print(f"| check the week's plans | {statistics.median(check_s):.3f} | {max(check_s):.3f} |")
    print(f"| read the week's compliance | {statistics.median(read_s):.3f} | {max(read_s):.3f} |")


if __name__ == "__main__":
    main()
