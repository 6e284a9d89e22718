"""`xiaoan tracks prune --before DATE`: drop whole months of patrol GPS once their presence is kept."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
import typer
from rich.console import Console
from rich.table import Table

from db.engine import database_url, make_engine
from db.errors import LoadBusy, XiaoAnError
from db.settings import get_settings
from etl.tracks.prune import DROP_LOCK_TIMEOUT, Plan, PresenceNotKept, prune
from xiaoan.say import say

app = typer.Typer(help="Patrol GPS tracks: retention.", no_args_is_help=True)
console = Console()
if not console.is_terminal:  # logs and pipes get the whole table, not a squeezed 80 columns
    console.width = 160


def tell(text: str, style: str | None = None) -> None:
    """One message, as written (no markup), on as long a line as it needs."""
    console.print(text, style=style, markup=False, soft_wrap=True)


def show(result: Plan, title: str) -> None:
    """The months dropped (or to drop) with points and size, then what is kept and why (title: a cli.tracks.title
    key's last part)."""
    tell(say(f"cli.tracks.title.{title}"), style="bold")  # above the table, not its title: never wrapped
    table = Table(say("cli.tracks.month"), say("cli.tracks.partition"), say("cli.tracks.points"),
                  say("cli.tracks.size"))
    for m in result.drop:
        table.add_row(m.label, m.name, f"{m.rows:,}", f"{m.bytes / 2**20:,.1f}")
    table.add_row(say("cli.tracks.total"), str(len(result.drop)), f"{result.rows:,}",
                  f"{sum(m.bytes for m in result.drop) / 2**20:,.1f}", style="bold")
    console.print(table)
    for m in result.straddling:
        tell(say("cli.tracks.straddling", month=m.label, name=m.name, last_day=m.last_day, before=result.before))
    if result.later:
        tell(say("cli.tracks.later", n=result.later, before=result.before))
    if result.default_rows:
        tell(say("cli.tracks.default", n=result.default_rows, before=result.before))


def refusal(result: Plan) -> str:
    """Why a prune refuses: the school days whose presence is missing."""
    days = sorted(result.missing)
    return say("cli.tracks.refusal", days=len(days), first=days[0], last=days[-1],
               schools=max(result.missing.values()))


def refuse(reason: str) -> None:
    """Say the prune is refused and why; exit 2."""
    tell(say("cli.tracks.refused", reason=reason), style="red")
    raise typer.Exit(2)


@app.command("prune")
def prune_cmd(before: dt.datetime = typer.Option(..., "--before", formats=["%Y-%m-%d"],
                                                 help="drop months that end on or before this day"),
              yes: bool = typer.Option(False, "--yes", help="do not ask"),
              dry_run: bool = typer.Option(False, "--dry-run", help="only say what would be dropped")) -> None:
    """Drop whole month partitions of track_point before a day; presence (derived) is kept and checked first."""
    engine = make_engine(database_url())
    try:
        if dry_run or not yes:
            result = prune(engine, before.date(), dry_run=True)
            show(result, "to_drop" if result.drop else "to_drop_none")
            if result.missing:
                refuse(refusal(result))
            if dry_run or not result.drop:
                return
            if not typer.confirm(say("cli.tracks.confirm", months=len(result.drop), points=result.rows)):
                tell(say("cli.tracks.kept_all"))
                raise typer.Exit(1)
        result = prune(engine, before.date(), only=None if yes else {m.name for m in result.drop})
    except PresenceNotKept as exc:
        again = prune(engine, before.date(), dry_run=True)  # the days missing, to say them in the user's language
        refuse(refusal(again) if again.missing else str(exc))
    except LoadBusy as exc:
        raise LoadBusy(say("cli.tracks.busy", seconds=get_settings().load_lock_timeout_s)) from exc
    except XiaoAnError as exc:
        if type(exc) is not XiaoAnError or not isinstance(exc.__cause__, sa.exc.OperationalError):
            raise
        raise XiaoAnError(say("cli.tracks.in_use", timeout=DROP_LOCK_TIMEOUT)) from exc
    finally:
        engine.dispose()
    show(result, "dropped" if result.drop else "dropped_none")
    if result.run_id:
        tell(say("cli.tracks.recorded", run_id=result.run_id))
