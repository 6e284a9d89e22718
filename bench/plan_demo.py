"""The patrol planner on the demo: a whole-prefecture plan per peak window, end to end, then the solvers side by side.

    .venv/bin/python bench/plan_demo.py [--time-limit 8]

Writes the demo (seed 7, a fixed Friday) into a throwaway database, makes and stores the plan of each window
with the default solver (timing inputs + travel matrix, solve, total), then gives the same instances to
bench/plan_solvers.run (greedy, OR-Tools, PyVRP).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import uuid
import warnings
from pathlib import Path

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.plan_solvers import run  # noqa: E402
from db.engine import drop_database, ensure_database, make_engine, migrate  # noqa: E402
from db.settings import get_settings  # noqa: E402
from etl import demo  # noqa: E402
from etl.datasets import DATASETS  # noqa: E402
from etl.runner import load_file  # noqa: E402
from patrol.inputs import Scope  # noqa: E402
from patrol.plan import make_plan  # noqa: E402
from tests.conftest import url_for  # noqa: E402

ANCHOR = dt.date(2026, 11, 27)
SKIP = {"tracks", "activities", "road-works", "signs"}


def every_gate(conn: object, on: dt.date) -> object:
    """The demo morning's instance as if no post were manned: all 326 gates compete for the vehicles."""
    from db.routing.paths import travel_matrix
    from patrol.inputs import read_inputs
    from patrol.plan import instance_of, points_of, with_priority

    inputs = read_inputs(conn, Scope(on, "morning", None, 10), get_settings())
    gates = with_priority(inputs.schools)
    keys, matrix = travel_matrix(conn, points_of(inputs, gates), get_settings())
    return instance_of(inputs, gates, keys, matrix, get_settings())


def main() -> None:
    """Load the demo, plan each window end to end, then compare the solvers on the same instances."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limit", type=float, default=8.0)
    args = parser.parse_args()
    warnings.filterwarnings("ignore", module="pyvrp")
    url = url_for(f"xiaoan_bench_plan_{uuid.uuid4().hex[:8]}")
    ensure_database(url)
    migrate(url)
    engine = make_engine(url)
    console = Console(width=150)
    try:
        out = Path(f"/tmp/{uuid.uuid4().hex[:8]}-demo")
        for name, path, options in demo.write_files(out, seed=7, anchor=ANCHOR):
            if name not in SKIP:
                load_file(engine, DATASETS[name], path, options=options)
        table = Table("window", "schools", "gates", "vehicles", "covered", "unreachable", "too_far", "no_capacity",
                      "inputs+matrix s", "solve s", "total s", title="demo prefecture, end to end (default solver)")
        instances = {}
        for window in get_settings().peak_windows:
            with engine.begin() as conn:
                made = make_plan(conn, Scope(ANCHOR, window, None, 10), "bench", get_settings(),
                                 time_limit_s=args.time_limit)
            why = [u.reason for u in made.solution.uncovered]
            table.add_row(window, str(len(made.inputs.schools)), str(len(made.instance.gates)),
                          str(len(made.instance.vehicles)), str(made.plan_id and len(made.solution.covered)),
                          *(str(why.count(k)) for k in ("unreachable", "too_far", "no_capacity")),
                          *(f"{made.seconds[k]:.2f}" for k in ("inputs_and_matrix", "solve", "total")))
            instances[f"demo {window}"] = made.instance
        console.print(table)
        with engine.begin() as conn:  # the same morning with no 护学岗 post counted: every gate needs a car
            instances["demo morning, every gate"] = every_gate(conn, ANCHOR)
        run(instances, args.time_limit, console)
    finally:
        engine.dispose()
        drop_database(url)


if __name__ == "__main__":
    main()
