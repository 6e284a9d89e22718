"""`xiaoan export REPORT`: any figure of the dashboard as CSV or Excel, for a period and county; and
`xiaoan export map | brief | worklist` (xiaoan.brief_cmd)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
import typer
from typer.core import TyperGroup

from db import clock
from db.analytics import compliance, presence, reports
from db.engine import database_url, make_engine
from xiaoan import brief_cmd
from xiaoan.say import say

Builder = Callable[[sa.Connection, dt.date, dt.date, list[str] | None], pd.DataFrame]
REPORTS: dict[str, Builder] = {
    "presence": lambda c, a, b, k: presence.export(c, a, b, k),
    "coverage": lambda c, a, b, k: reports.coverage(c, b, k),
    "four100": lambda c, a, b, k: reports.four100(c, k, b),
    "four100-rates": lambda c, a, b, k: reports.four100_rates(reports.four100(c, k, b)),
    "four100-changes": lambda c, a, b, k: reports.four100_changes(c, a, b, k),
    "hazards": lambda c, a, b, k: reports.hazards(c, a, b, counties=k),
    "hazard-summary": lambda c, a, b, k: reports.hazard_summary(c, a, b, counties=k),
    "signs": lambda c, a, b, k: reports.sign_status(c, b, k),
    "not-reinstalled": lambda c, a, b, k: reports.signs_not_reinstalled(c, b, k),
    "activities": lambda c, a, b, k: reports.activities(c, a, b, k),
    "plan-compliance": lambda c, a, b, k: compliance.export(c, a, b, k),
}


def flatten(df: pd.DataFrame) -> pd.DataFrame:
    """Lists become `a;b`, so every cell is one value in Excel."""
    out = df.copy()
    for column in out.columns:
        if out[column].map(lambda v: isinstance(v, list | tuple)).any():
            out[column] = out[column].map(lambda v: ";".join(map(str, v)) if isinstance(v, list | tuple) else v)
    return out


def formats(*allowed: str) -> str:
    """The usage error of a --format that is none of allowed."""
    return say("cli.export.formats", formats=say("cli.export.or").join(allowed))


def write(df: pd.DataFrame, path: Path | None, fmt: str) -> None:
    """Write CSV (UTF-8 with BOM, which Excel opens) or .xlsx; CSV to stdout without a path."""
    df = flatten(df)
    if fmt == "xlsx":
        if path is None:
            raise typer.BadParameter(say("cli.export.xlsx_needs_file"))
        df.to_excel(path, index=False)
    elif path is None:
        typer.echo(df.to_csv(index=False), nl=False)
    else:
        df.to_csv(path, index=False, encoding="utf-8-sig")


def export(report: str = typer.Argument(..., help=f"one of: {', '.join(REPORTS)}"),
           county: list[str] = typer.Option(None, "--county", help="county adcode; repeat for several"),
           date_from: dt.datetime = typer.Option(None, "--from", formats=["%Y-%m-%d"], help="first day"),
           date_to: dt.datetime = typer.Option(None, "--to", formats=["%Y-%m-%d"], help="last day (today)"),
           fmt: str = typer.Option("csv", "--format", help="csv | xlsx"),
           output: Path = typer.Option(None, "-o", "--output", help="file to write (CSV: stdout)")) -> None:
    """Export a report; coverage, four-100% and signs are as of --to."""
    if report not in REPORTS:
        raise typer.BadParameter(say("cli.export.unknown_report", report=repr(report), reports=", ".join(REPORTS)))
    if fmt not in {"csv", "xlsx"}:
        raise typer.BadParameter(formats("csv", "xlsx"))
    last = date_to.date() if date_to else clock.today()
    first = date_from.date() if date_from else last - dt.timedelta(days=29)
    engine = make_engine(database_url())
    with engine.connect() as conn:
        df = REPORTS[report](conn, first, last, county or None)
    write(df, output, fmt)
    if output:
        typer.echo(say("cli.export.rows", label=say(f"cli.export.report.{report}"), report=report, n=len(df),
                       file=output), err=True)


class ExportGroup(TyperGroup):
    """`xiaoan export NAME`: a report, map, brief or worklist; any other name is an unknown report."""

    def resolve_command(self, ctx: typer.Context, args: list[str]) -> tuple:
        """The subcommand of args[0], or a usage error listing the reports."""
        if args and not args[0].startswith("-") and args[0] not in self.commands:
            raise typer.BadParameter(say("cli.export.unknown_report", report=repr(args[0]),
                                         reports=", ".join(self.commands)), ctx)
        return super().resolve_command(ctx, args)


app = typer.Typer(cls=ExportGroup, no_args_is_help=True,
                  help="Export a report (CSV/Excel), a map (PNG), the brief (Word) or a work list (Excel).")


def _report(report: str) -> Callable[..., None]:
    """The `export REPORT` command of one report."""
    def command(county: list[str] = typer.Option(None, "--county", help="county adcode; repeat for several"),
                date_from: dt.datetime = typer.Option(None, "--from", formats=["%Y-%m-%d"], help="first day"),
                date_to: dt.datetime = typer.Option(None, "--to", formats=["%Y-%m-%d"], help="last day (today)"),
                fmt: str = typer.Option("csv", "--format", help="csv | xlsx"),
                output: Path = typer.Option(None, "-o", "--output", help="file to write (CSV: stdout)")) -> None:
        export(report, county, date_from, date_to, fmt, output)
    state = " (as of --to)" if report in {"coverage", "four100", "four100-rates", "signs", "not-reinstalled"} else ""
    command.__doc__ = f"The {report} report{state} as CSV or Excel."
    return command


for _name in REPORTS:
    app.command(_name)(_report(_name))
brief_cmd.register(app)


@app.command("plan")
def export_plan(plan_id: int = typer.Argument(..., help="the plan's number (xiaoan plan make prints it)"),
                fmt: str = typer.Option("xlsx", "--format", help="xlsx | docx"),
                output: Path = typer.Option(None, "-o", "--output", help="file to write (default plan-ID.FORMAT)"),
                language: str = typer.Option("zh", "--lang", help="zh | en")) -> None:
    """A stored patrol plan's route cards: per vehicle its stops and times, and the schools not covered."""
    from dashboard.exports import route_cards
    from db.errors import PlanError
    from db.plans import read_plan

    if fmt not in {"xlsx", "docx"}:
        raise typer.BadParameter(formats("xlsx", "docx"))
    engine = make_engine(database_url())
    try:
        with engine.connect() as conn:
            plan = read_plan(conn, plan_id)
    finally:
        engine.dispose()
    if plan is None:
        raise PlanError("not_found", plan_id=plan_id)
    path = output or Path(f"plan-{plan_id}.{fmt}")
    (route_cards.write_xlsx if fmt == "xlsx" else route_cards.write_docx)(plan, path, language)
    typer.echo(say("cli.export.plan", plan_id=plan_id, stops=len(plan.stops), uncovered=len(plan.uncovered),
                   file=path), err=True)
