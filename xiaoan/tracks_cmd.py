"""`xiaoan tracks prune --before DATE`: drop whole months of patrol GPS once their presence is kept."""

from __future__ import annotations

import datetime as dt

import typer
from rich.console import Console
from rich.table import Table

from db.engine import database_url, make_engine
from etl.tracks.prune import Plan, PresenceNotKept, prune, refusal

app = typer.Typer(help="Patrol GPS tracks: retention.", no_args_is_help=True)
console = Console()
if not console.is_terminal:  # logs and pipes get the whole table, not a squeezed 80 columns
    console.width = 160


def show(result: Plan, verb: str) -> None:
    """The months dropped (or to drop) with points and size, then what is kept and why."""
    table = Table("month", "partition", "points", "size (MB)", title=f"track_point partitions {verb}")
    for m in result.drop:
        table.add_row(m.label, m.name, f"{m.rows:,}", f"{m.bytes / 2**20:,.1f}")
    table.add_row("total", str(len(result.drop)), f"{result.rows:,}",
                  f"{sum(m.bytes for m in result.drop) / 2**20:,.1f}", style="bold")
    console.print(table)
    for m in result.straddling:
        console.print(f"kept {m.label} ({m.name}): it runs to {m.last_day}, on or after "
                      f"{result.before}; only whole months are dropped", markup=False)
    if result.later:
        console.print(f"kept {result.later} later month(s) (on or after {result.before})", markup=False)
    if result.default_rows:
        console.print(f"kept {result.default_rows:,} point(s) before {result.before} in track_point_default "
                      "(they move to their month on the next load of it)", markup=False)


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
            show(result, "to drop" if result.drop else "to drop: none")
            if result.missing:
                console.print(f"[red]refused[/red]: {refusal(result)}")
                raise typer.Exit(2)
            if dry_run or not result.drop:
                return
            typer.confirm(f"Drop {len(result.drop)} month(s), {result.rows:,} points, for good?", abort=True)
        result = prune(engine, before.date(), only=None if yes else {m.name for m in result.drop})
    except PresenceNotKept as exc:
        console.print(f"[red]refused[/red]: {exc}")
        raise typer.Exit(2) from None
    finally:
        engine.dispose()
    show(result, "dropped" if result.drop else "dropped: none (nothing ends on or before the day)")
    if result.run_id:
        console.print(f"recorded as etl_run {result.run_id}", markup=False)
