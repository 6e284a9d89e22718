"""Patrol planner solvers side by side: covered prize, gates covered and seconds, plus the exact gap on small ones.

    .venv/bin/python bench/plan_solvers.py            # demo-like prefecture, "M county", 10 small instances
    .venv/bin/python bench/plan_solvers.py --quick    # small instances only

run(instances, time_limit_s) takes any Instance (e.g. one the DB-backed bench builds) and prints the same table.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from patrol import Instance, check, solve  # noqa: E402
from patrol.exact import MAX_GATES  # noqa: E402
from patrol.reasons import eligible  # noqa: E402
from patrol.synthetic import synthetic  # noqa: E402

SOLVERS = ("greedy", "ortools", "pyvrp")


def run(instances: dict[str, Instance], time_limit_s: float, console: Console | None = None) -> list[dict]:
    """Solve each instance with every solver (and exactly when small); print a table; return its rows."""
    console = console or Console(width=150)
    table = Table("instance", "gates", "vehicles", "solver", "prize", "covered", "travel h", "seconds", "vs greedy",
                  "exact gap", title=f"patrol solvers, time limit {time_limit_s:g} s")
    rows = []
    for name, inst in instances.items():
        exact = None
        if sum(1 for ks in eligible(inst) if ks) <= MAX_GATES:
            exact = solve(inst, "exact")
            check(inst, exact)
        base = None
        for solver in SOLVERS:
            start = time.perf_counter()
            sol = solve(inst, solver, time_limit_s)
            seconds = time.perf_counter() - start
            check(inst, sol)
            base = sol.prize if solver == "greedy" else base
            row = {"instance": name, "solver": solver, "prize": sol.prize, "covered": len(sol.covered),
                   "seconds": seconds, "ratio": sol.prize / base if base else 1.0,
                   "gap": None if exact is None else exact.prize - sol.prize}
            rows.append(row)
            table.add_row(name, str(len(inst.gates)), str(len(inst.vehicles)), solver, str(sol.prize),
                          str(len(sol.covered)), f"{sol.travel_total_s / 3600:.1f}", f"{seconds:.2f}",
                          f"{row['ratio']:.3f}", "" if exact is None else str(row["gap"]))
        table.add_section()
    console.print(table)
    return rows


def main() -> None:
    """Run the synthetic instances the planner is sized for."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="only the small instances")
    parser.add_argument("--small-limit", type=float, default=1.0)
    parser.add_argument("--prefecture-limit", type=float, default=8.0)
    parser.add_argument("--county-limit", type=float, default=50.0)
    args = parser.parse_args()
    warnings.filterwarnings("ignore", module="pyvrp")
    small = {f"small-{s}": synthetic(10 + s % 3, 1 + s % 3, s, size_km=(15.0, 30.0), unreachable=0.1)
             for s in range(10)}
    rows = run(small, args.small_limit)
    if not args.quick:
        rows += run({"demo-like 326/30": synthetic(326, 30, 1)}, args.prefecture_limit)
        county = synthetic(1500, 60, 2, size_km=(60.0, 120.0))
        rows += run({"M county 1500/60": county}, args.county_limit)
    gaps = [r["gap"] for r in rows if r["gap"] is not None and r["solver"] != "greedy"]
    print(f"exact gap of ortools/pyvrp on small instances: max {max(gaps, default=0)}, total {sum(gaps)}")


if __name__ == "__main__":
    main()
