"""`xiaoan plan sizing` (how many more vehicles, and where) and `xiaoan plan week` (a weekly rota, stored)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from db.engine import database_url, make_engine
from db.settings import get_settings
from db.users import who
from patrol.inputs import Scope
from patrol.plan import DEFAULT_TIME_LIMIT_S
from patrol.rota import make_week, read_week
from patrol.sizing import CountySizing, sizing, verdict
from texts import label
from xiaoan.say import lang, say

console = Console()


def sizing_summary(found: list[CountySizing]) -> dict[str, Any]:
    """Sizing as one JSON object: per county its counts, the curve with the unit of each added vehicle, beyond."""
    return {"counties": [{
        "county_adcode": c.county_adcode, "schools": c.schools, "reachable": c.reachable, "vehicles": c.vehicles,
        "covered": c.covered, "vehicles_needed": c.vehicles_needed,
        "curve": [{"vehicles": s.vehicles, "covered": s.covered, "unit_code": s.unit_code, "prize": s.prize}
                  for s in c.curve],
        "beyond": [{"school_code": u.school_code, "reason": u.reason} for u in c.beyond]} for c in found]}


def sizing_command(
        on: dt.datetime = typer.Option(..., "--date", formats=["%Y-%m-%d"], help="the day to size"),
        window: str = typer.Option(..., "--window", help="peak window name: morning, noon, afternoon"),
        county: str | None = typer.Option(None, "--county", help="county adcode (default: every county)"),
        dwell: int | None = typer.Option(None, "--dwell", min=1, help="minutes at each gate (XIAOAN_PLAN_DWELL_MIN)"),
        as_json: bool = typer.Option(False, "--json", help="end with the sizing as one JSON object")) -> None:
    """How many schools 0, 1, 2 … vehicles cover per county, each added where it adds most; nothing is stored."""
    settings = get_settings()
    scope = Scope(on.date(), window, (county,) if county else None, dwell or settings.plan_dwell_min)
    engine = make_engine(database_url())
    try:
        with engine.connect() as conn:
            found = sizing(conn, scope, settings)
    finally:
        engine.dispose()
    table = Table(*(say(f"rota.col.{k}") for k in ("county", "schools", "reachable", "vehicles", "covered", "needed",
                                                   "curve")), title=say("rota.sizing.title"))
    for c in found:
        table.add_row(c.county_adcode, str(c.schools), str(c.reachable), str(c.vehicles), str(c.covered),
                      str(c.vehicles_needed), " ".join(f"{s.vehicles}:{s.covered}" for s in c.curve))
    console.print(table)
    for c in found:
        key, numbers = verdict(c)
        console.print(say(key, county=c.county_adcode, **numbers), markup=False)
        if c.beyond:
            said = "、".join(f"{u.school_code}（{label('plan_reason', u.reason, lang())}）" for u in c.beyond)
            console.print(say("rota.sizing.beyond", schools=said), markup=False)
    if as_json:
        typer.echo(json.dumps(sizing_summary(found), ensure_ascii=False))


def week_command(
        first: dt.datetime = typer.Option(..., "--from", formats=["%Y-%m-%d"], help="the first of the seven days"),
        window: str = typer.Option(..., "--window", help="peak window name: morning, noon, afternoon"),
        county: str | None = typer.Option(None, "--county", help="county adcode (default: the whole prefecture)"),
        dwell: int | None = typer.Option(None, "--dwell", min=1, help="minutes at each gate (XIAOAN_PLAN_DWELL_MIN)"),
        time_limit: float = typer.Option(DEFAULT_TIME_LIMIT_S, "--time-limit", min=0.1, help="solver seconds a day"),
        xlsx: Path | None = typer.Option(None, "--xlsx", help="also write the week's route cards to this workbook"),
        as_json: bool = typer.Option(False, "--json", help="end with the rota as one JSON object")) -> None:
    """A stored plan for each school day of seven, the schools not visited lately first (weekly rota)."""
    settings = get_settings()
    counties = (county,) if county else None
    engine = make_engine(database_url())
    try:
        with engine.begin() as conn:
            week = make_week(conn, first.date(), window, counties, dwell or settings.plan_dwell_min, who(), settings,
                             time_limit_s=time_limit)
        if xlsx is not None:
            from dashboard.exports import week_cards

            with engine.connect() as conn:
                week_cards.write_xlsx(read_week(conn, first.date(), window, county), xlsx, lang())
    finally:
        engine.dispose()
    out = {"first": week.first.isoformat(),
           "days": [{"date": d.inputs.scope.on.isoformat(), "plan_id": d.plan_id,
                     "covered": len(d.solution.covered) + int(d.inputs.schools["post_manned"].astype(bool).sum())}
                    for d in week.days], "distinct_covered": week.distinct_covered, "reachable": week.reachable}
    table = Table(say("rota.col.date"), say("rota.col.plan"), say("rota.col.day_covered"),
                  title=say("rota.week.title", first=out["first"]))
    for d in out["days"]:
        table.add_row(d["date"], str(d["plan_id"]), str(d["covered"]))
    console.print(table)
    console.print(say("rota.week.headline", days=len(out["days"]), distinct=week.distinct_covered,
                      reachable=week.reachable), markup=False)
    if xlsx is not None:
        console.print(say("rota.week.cards", path=xlsx), markup=False)
    if as_json:
        typer.echo(json.dumps(out, ensure_ascii=False))
