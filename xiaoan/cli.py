"""The `xiaoan` command: db, load, demo, serve."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import sqlalchemy as sa
import typer

from db import clock
from db.engine import database_url, make_engine
from db.errors import XiaoAnError, user_message
from db.settings import PROJECT_ROOT, get_settings
from xiaoan import db_cmd, export_cmd, load_cmd, plan_check_cmd, plan_cmd, plan_rota_cmd, tracks_cmd, users_cmd
from xiaoan.errors import Guarded, shown_url
from xiaoan.say import lang, say

app = typer.Typer(help="XiaoAn (校安图): campus-safety map of the one-school-one-officer programme.",
                  no_args_is_help=True, pretty_exceptions_enable=False, cls=Guarded)
app.add_typer(db_cmd.app, name="db")
app.command("load")(load_cmd.load)
app.add_typer(export_cmd.app, name="export")
app.add_typer(tracks_cmd.app, name="tracks")
plan_cmd.app.command("check")(plan_check_cmd.check)
plan_cmd.app.command("sizing")(plan_rota_cmd.sizing_command)
plan_cmd.app.command("week")(plan_rota_cmd.week_command)
app.add_typer(plan_cmd.app, name="plan")
app.add_typer(users_cmd.app, name="users")


@app.command()
def holidays(years: list[int] = typer.Argument(..., help="years to fill, e.g. 2025 2026")) -> None:
    """Fill public holidays and make-up workdays from the chinese-calendar package (loaded days kept)."""
    from etl.public_holidays import fill_holidays

    added = fill_holidays(make_engine(database_url()), years)
    typer.echo(say("cli.holidays.added", n=added, years=", ".join(map(str, years))))


@app.command()
def refresh(
    date_from: dt.datetime = typer.Option(None, "--from", formats=["%Y-%m-%d"], help="first local day (default: all)"),
    date_to: dt.datetime = typer.Option(None, "--to", formats=["%Y-%m-%d"], help="last local day (default: --from)"),
    workers: int = typer.Option(None, min=1, max=32, help="connections computing it (default: refresh_workers)"),
) -> None:
    """Recompute the derived tables (presence, patrol paths, plan checks) from the tracks and the calendar."""
    from db.analytics import plan_check, presence
    from etl.datasets import DATASETS
    from etl.runner import lock_dataset

    if date_to is not None and date_from is None:
        raise typer.BadParameter(say("cli.refresh.to_alone"), param_hint="--to")
    workers = workers or get_settings().refresh_workers
    engine = make_engine(database_url())
    try:
        with engine.begin() as conn:
            lock_dataset(conn, DATASETS["tracks"])  # no track load or prune meanwhile
            kept = presence.horizon(conn)
            if date_from is None:
                rows = presence.refresh_all(conn, workers=workers)
                checks = plan_check.refresh_all(conn)
            else:
                first, last = date_from.date(), (date_to or date_from).date()
                if last < first:
                    raise typer.BadParameter(say("cli.refresh.backwards", first=first, last=last), param_hint="--to")
                rows = presence.refresh_range(conn, first, last, workers=workers)
                checks = plan_check.refresh_days(conn, first, last)
    finally:
        engine.dispose()
    typer.echo(say("cli.refresh.rows", n=rows))
    typer.echo(say("plan.check.refreshed", n=checks))
    if kept is not None:
        typer.echo(say("cli.refresh.kept", day=kept))


@app.command()
def demo(seed: int = typer.Option(7, help="random seed; the same seed writes the same data"),
         out: Path = typer.Option(None, help="folder for the demo files"),
         if_empty: bool = typer.Option(False, "--if-empty", help="only when no school is loaded"),
         today: dt.datetime = typer.Option(None, formats=["%Y-%m-%d"],
                                           help="last day of the demo (Nujiang's today); a past day is whole"),
         at: dt.datetime = typer.Option(None, "--at", formats=["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"],
                                        help="Nujiang time the demo is live at (now): no fix after it")
         ) -> None:
    """Write the Nujiang demo as the files a county hands over and load them through the ETL."""
    from etl import demo as demo_data
    from etl.demo.users import PASSWORD_ENV, add_demo_users, demo_password
    from xiaoan import demo_plans

    engine = make_engine(database_url())
    if if_empty:
        with engine.connect() as conn:
            if conn.execute(sa.text("SELECT EXISTS (SELECT 1 FROM school)")).scalar():
                typer.echo(say("cli.demo.skipped"))
                return
    now = at.replace(tzinfo=clock.zone()) if at else clock.now()
    anchor = today.date() if today else None
    if now > clock.now() or (anchor and anchor > now.date()):
        raise typer.BadParameter(say("cli.demo.future", now=f"{clock.now():%Y-%m-%d %H:%M}", zone=clock.zone().key))
    folder = out or get_settings().home / "demo"
    results = demo_data.run(engine, folder, seed, anchor, now)
    _, driven = demo_plans.drive_last_week(engine, folder, seed, anchor or now.date())
    results += [driven] if driven else []
    demo_plans.rota_next_week(engine, anchor or now.date())
    added = add_demo_users(engine)
    if added:
        typer.echo(say("cli.demo.users", names=", ".join(added), password=repr(demo_password()), env=PASSWORD_ENV))
    raise typer.Exit(load_cmd.summarise(results, get_settings().home / "rejects"))


@app.command()
def serve(port: int = typer.Option(8501, help="port on this host"),
          address: str = typer.Option("localhost", help="address to listen on")) -> None:
    """Serve the dashboard (Streamlit) with no request leaving this host."""
    db_cmd.prepare()
    os.chdir(PROJECT_ROOT)
    args = [sys.executable, "-m", "streamlit", "run", str(PROJECT_ROOT / "dashboard" / "app.py"),
            "--server.port", str(port), "--server.address", address, "--server.headless", "true",
            "--browser.gatherUsageStats", "false"]
    os.execv(sys.executable, args)


def main() -> None:
    """Entry point that turns domain errors into one-line messages (XIAOAN_DEBUG=1: the traceback)."""
    try:
        app()
    except XiaoAnError as exc:
        if os.environ.get("XIAOAN_DEBUG") == "1":
            raise
        typer.secho(user_message(exc, lang(), url=shown_url()), fg="red", err=True)
        raise SystemExit(2) from None
