"""Sizing and the weekly rota on the demo: sizing seconds for one window, the week's distinct schools beside
seven independent daily plans.

    .venv/bin/xiaoan demo --if-empty && .venv/bin/python bench/plan_sizing.py [--from 2026-12-07] [--fleet 2]

Runs on the database in use (the demo) inside one transaction that is rolled back: nothing is stored. The week
is made twice — the rota (patrol/rota.py, CAP 5) and independent daily plans (cap 1) — with the demo's
vehicles, and again with only `--fleet` vehicles per county (the others out of service in the transaction).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
import warnings
from pathlib import Path

import sqlalchemy as sa
from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.clock import today  # noqa: E402
from db.engine import database_url, make_engine  # noqa: E402
from db.settings import get_settings  # noqa: E402
from patrol.inputs import Scope  # noqa: E402
from patrol.rota import make_week  # noqa: E402
from patrol.sizing import sizing  # noqa: E402

KEEP_FLEET = """UPDATE vehicle SET in_service = false WHERE vehicle_id NOT IN (
    SELECT vehicle_id FROM (SELECT v.vehicle_id, row_number() OVER (PARTITION BY u.county_adcode ORDER BY v.vehicle_id)
                            AS n FROM vehicle v JOIN police_unit u USING (unit_code) WHERE v.in_service) k
    WHERE n <= :n)"""


def main() -> None:
    """Size the prefecture for one window, then the rota against independent plans, with all and few vehicles."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="first", type=dt.date.fromisoformat, default=None)
    parser.add_argument("--window", default="morning")
    parser.add_argument("--fleet", type=int, default=2, help="vehicles per county in the second week")
    parser.add_argument("--time-limit", type=float, default=4.0, help="solver seconds per daily plan")
    args = parser.parse_args()
    warnings.filterwarnings("ignore", module="pyvrp")
    settings, console = get_settings(), Console(width=150)
    first = args.first or today()
    engine = make_engine(database_url())
    try:
        with engine.connect() as conn, conn.begin() as tx:
            day = next(first + dt.timedelta(days=i) for i in range(7) if (first + dt.timedelta(days=i)).weekday() < 5)
            clock = time.perf_counter()
            found = sizing(conn, Scope(day, args.window, None, settings.plan_dwell_min), settings)
            seconds = time.perf_counter() - clock
            table = Table("county", "schools", "reachable", "vehicles", "covered", "needed", "curve",
                          title=f"sizing {day} {args.window}: {seconds:.1f} s")
            for c in found:
                table.add_row(c.county_adcode, str(c.schools), str(c.reachable), str(c.vehicles), str(c.covered),
                              str(c.vehicles_needed), " ".join(f"{s.vehicles}:{s.covered}" for s in c.curve))
            console.print(table)
            weeks = Table("vehicles", "plans", "school days", "distinct covered", "by vehicle", "reachable",
                          "seconds", title=f"week from {first} {args.window}")
            for fleet in (None, args.fleet):
                if fleet is not None:
                    conn.execute(sa.text(KEEP_FLEET), {"n": fleet})
                for name, cap in (("rota", 5), ("independent", 1)):
                    clock = time.perf_counter()
                    week = make_week(conn, first, args.window, None, settings.plan_dwell_min, "bench", settings,
                                     time_limit_s=args.time_limit, cap=cap)
                    posts = set().union(*(set(d.inputs.schools.loc[d.inputs.schools["post_manned"].astype(bool),
                                                                   "school_code"]) for d in week.days))
                    driven = set().union(*(set(d.solution.covered) for d in week.days)) - posts
                    weeks.add_row(str(len(week.days[0].inputs.vehicles)), name, str(len(week.days)),
                                  str(week.distinct_covered), str(len(driven)), str(week.reachable),
                                  f"{time.perf_counter() - clock:.1f}")
            console.print(weeks)
            tx.rollback()
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
