"""`xiaoan plan check`: a stored plan against the GPS — which planned stops were kept, late, missed."""

from __future__ import annotations

import json

import pandas as pd
import typer
from rich.console import Console
from rich.table import Table

from db import plans
from db.analytics import plan_check
from db.engine import database_url, make_engine
from db.settings import get_settings
from texts import label
from xiaoan.say import lang, say

console = Console()


def show(plan_id: int, frame: pd.DataFrame, out: dict[str, object], zone: str) -> None:
    """Every stop with its result, then the counts in one sentence."""
    language = lang()
    table = Table(say("plan.col.vehicle"), say("plan.col.seq"), say("plan.col.school"), say("plan.check.col.arrive"),
                  say("plan.check.col.first_seen"), say("plan.check.col.inside"), say("plan.check.col.status"),
                  say("plan.check.col.kept_by"), title=say("plan.check.title", plan_id=plan_id))
    for r in frame.itertuples():
        seen = "" if pd.isna(r.first_seen) else pd.Timestamp(r.first_seen).tz_convert(zone).strftime("%H:%M")
        inside = "" if pd.isna(r.inside_min) else f"{r.inside_min:.1f}"
        table.add_row(r.vehicle_id, str(r.seq), f"{r.school_code} {r.school_name or ''}",
                      pd.Timestamp(r.arrive).tz_convert(zone).strftime("%H:%M"), seen, inside,
                      label("plan_status", r.status, language), "、".join(r.kept_by or []))
    console.print(table)
    rate = "—" if out["rate"] is None else f"{float(out['rate']):.1%}"
    console.print(say("plan.check.headline", **{**out, "rate": rate}), markup=False)


def check(plan_id: int = typer.Argument(..., help="the plan's number (xiaoan plan make prints it)"),
          as_json: bool = typer.Option(False, "--json", help="end with the counts as one JSON object")) -> None:
    """Check a plan's stops against the GPS now (recomputed first), and say what was kept, late and missed."""
    settings = get_settings()
    engine = make_engine(database_url())
    try:
        with engine.begin() as conn:
            if plans.header(conn, plan_id) is None:
                typer.echo(say("plan.check.none", plan_id=plan_id), err=True)
                raise typer.Exit(2)
            plan_check.refresh_plans(conn, [plan_id], settings)
            frame = plan_check.stops(conn, plan_id)
            out = plan_check.summary(frame, plan_id, settings)
    finally:
        engine.dispose()
    show(plan_id, frame, out, settings.timezone)
    if as_json:
        typer.echo(json.dumps(out, ensure_ascii=False))
