"""`xiaoan plan make | sizing | week`: a peak-hour patrol plan (巡逻方案), vehicles needed, a weekly rota."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from db.engine import database_url, make_engine
from db.settings import get_settings
from db.users import who
from patrol.inputs import Scope
from patrol.plan import DEFAULT_SOLVER, DEFAULT_TIME_LIMIT_S, Made, make_plan
from texts import label
from xiaoan.say import lang, say

app = typer.Typer(help="Patrol plans (巡逻方案): who drives to which gates at a peak.", no_args_is_help=True)
console = Console()


def summary(made: Made) -> dict[str, Any]:
    """The plan as one JSON object: plan_id, schools, covered, routes with stops, uncovered with reasons."""
    start = made.inputs.window_start
    units = dict(zip(made.inputs.vehicles["vehicle_id"], made.inputs.vehicles["unit_code"], strict=True))
    posts = made.inputs.schools[made.inputs.schools["post_manned"].astype(bool)]
    def at(seconds: int) -> str:
        return (start + dt.timedelta(seconds=seconds)).isoformat()
    return {
        "plan_id": made.plan_id, "schools": len(made.inputs.schools),
        "covered": len(made.solution.covered) + len(posts),
        "covered_by_post": sorted(posts["school_code"]),
        "routes": [{"vehicle_id": r.vehicle_id, "unit_code": units[r.vehicle_id],
                    "stops": [{"school_code": s.school_code, "arrive": at(s.arrive_s), "depart": at(s.depart_s),
                               "travel_s": s.travel_s} for s in r.stops]} for r in made.solution.routes],
        "uncovered": [{"school_code": u.school_code, "reason": u.reason} for u in made.solution.uncovered],
        "seconds": {k: round(v, 2) for k, v in made.seconds.items()}}


def show(made: Made, out: dict[str, Any]) -> None:
    """The routes as a table, then the uncovered schools by reason."""
    language = lang()
    table = Table(say("plan.col.vehicle"), say("plan.col.unit"), say("plan.col.seq"), say("plan.col.school"),
                  say("plan.col.arrive"), say("plan.col.depart"), say("plan.col.travel"),
                  title=say("plan.routes"))
    for route in out["routes"]:
        for seq, stop in enumerate(route["stops"], start=1):
            table.add_row(route["vehicle_id"], route["unit_code"], str(seq), stop["school_code"], stop["arrive"][11:16],
                          stop["depart"][11:16], f"{stop['travel_s'] / 60:.0f}")
    console.print(table)
    reasons = Counter(u["reason"] for u in out["uncovered"])
    said = "、".join(f"{label('plan_reason', k, language)} {n}" for k, n in reasons.items()) or "—"
    console.print(say("plan.headline", window=label("window", made.inputs.scope.window, language),
                      schools=out["schools"], covered=out["covered"], posts=len(out["covered_by_post"]),
                      driven=out["covered"] - len(out["covered_by_post"])), markup=False)
    console.print(f"{say('plan.uncovered')}: {said}", markup=False)


@app.command("make")
def make(on: dt.datetime = typer.Option(..., "--date", formats=["%Y-%m-%d"], help="the day to plan"),
         window: str = typer.Option(..., "--window", help="peak window name: morning, noon, afternoon"),
         county: str | None = typer.Option(None, "--county", help="county adcode (default: the whole prefecture)"),
         dwell: int | None = typer.Option(None, "--dwell", min=1, help="minutes at each gate (XIAOAN_PLAN_DWELL_MIN)"),
         time_limit: float = typer.Option(DEFAULT_TIME_LIMIT_S, "--time-limit", min=0.1, help="solver seconds"),
         solver: str = typer.Option(DEFAULT_SOLVER, "--solver", help="pyvrp, ortools or greedy"),
         as_json: bool = typer.Option(False, "--json", help="end with the plan as one JSON object")) -> None:
    """Plan a peak window: routes per vehicle, uncovered schools with their reason; stored with its inputs."""
    settings = get_settings()
    scope = Scope(on.date(), window, (county,) if county else None, dwell or settings.plan_dwell_min)
    engine = make_engine(database_url())
    try:
        with engine.begin() as conn:
            made = make_plan(conn, scope, who(), settings, solver=solver, time_limit_s=time_limit)
    finally:
        engine.dispose()
    out = summary(made)
    show(made, out)
    if as_json:
        typer.echo(json.dumps(out, ensure_ascii=False))
