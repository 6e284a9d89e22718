"""`xiaoan export map | brief | worklist`: print maps (PNG), the brief (.docx) and work lists (.xlsx)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import sqlalchemy as sa
import typer

from db import clock
from db.engine import database_url, make_engine
from texts import short_county
from xiaoan.say import say

COUNTY = typer.Option(None, "--county", help="county adcode or name (泸水市, Lushui); repeat for several")
FROM = typer.Option(None, "--from", formats=["%Y-%m-%d"], help="first day (30 days before --to)")
TO = typer.Option(None, "--to", formats=["%Y-%m-%d"], help="last day (today)")
LANG = typer.Option("zh", "--lang", help="zh | en")


def period(date_from: dt.datetime | None, date_to: dt.datetime | None) -> tuple[dt.date, dt.date]:
    """The period asked for: --to (today) and --from (29 days before it) as dates."""
    last = date_to.date() if date_to else clock.today()
    first = date_from.date() if date_from else last - dt.timedelta(days=29)
    if first > last:
        raise typer.BadParameter(say("cli.export.backwards", first=first, last=last))
    return first, last


def counties(conn: sa.Connection, asked: list[str] | None) -> list[str] | None:
    """The adcodes of the counties asked for by adcode or name (None: all); an unknown one is an error."""
    if not asked:
        return None
    rows = conn.execute(sa.text("SELECT adcode, name_zh, name_en FROM county ORDER BY adcode")).all()
    names = {key.lower(): r.adcode for r in rows for key in (r.adcode, r.name_zh, r.name_en, short_county(r.name_zh))}
    unknown = [a for a in asked if a.lower() not in names]
    if unknown:
        raise typer.BadParameter(say("cli.export.unknown_county", unknown=", ".join(unknown),
                                     known=", ".join(f"{r.adcode} {r.name_zh}" for r in rows)))
    return sorted({names[a.lower()] for a in asked})


def choose(value: str, allowed: tuple[str, ...], option: str) -> str:
    """value if allowed, else a usage error naming the choices."""
    if value not in allowed:
        raise typer.BadParameter(say("cli.export.choose", option=option, choices=", ".join(allowed), value=repr(value)))
    return value


def export_map(view: str = typer.Option(..., "--view", help="gaps | hotspots | signs | overview"),
               county: list[str] = COUNTY, date_from: dt.datetime = FROM, date_to: dt.datetime = TO,
               lang: str = LANG, dpi: int = typer.Option(300, "--dpi", help="dots per inch (A4 landscape)"),
               output: Path = typer.Option(..., "-o", "--output", help="PNG file to write")) -> None:
    """A print-quality map (PNG) of one view: gaps, hotspots, signs or overview."""
    from dashboard.exports.maps import VIEWS, render_map

    first, last = period(date_from, date_to)
    with make_engine(database_url()).connect() as conn:
        png = render_map(conn, choose(view, VIEWS, "--view"), counties(conn, county), first, last,
                         choose(lang, ("zh", "en"), "--lang"), dpi)
    output.write_bytes(png)
    typer.echo(say("cli.export.map", label=say(f"map.view.{view}"), view=view, size=len(png), file=output), err=True)


def export_brief(county: list[str] = COUNTY, date_from: dt.datetime = FROM, date_to: dt.datetime = TO,
                 output: Path = typer.Option(..., "-o", "--output", help=".docx file to write")) -> None:
    """The brief (Word): the period's figures as sentences, tables by county, the maps, the problems found."""
    from dashboard.exports.brief import write_brief

    first, last = period(date_from, date_to)
    with make_engine(database_url()).connect() as conn:
        write_brief(conn, counties(conn, county), first, last, output)
    typer.echo(say("cli.export.brief", first=first, last=last, file=output), err=True)


def export_worklist(kind: str = typer.Argument(..., help="signs | gaps | hazards"), county: list[str] = COUNTY,
                    date_from: dt.datetime = FROM, date_to: dt.datetime = TO, lang: str = LANG,
                    output: Path = typer.Option(..., "-o", "--output", help=".xlsx file to write")) -> None:
    """A work list (Excel): missing signs, gap schools by county, or overdue hazards."""
    from dashboard.exports.worklists import WORKLISTS, write_worklist

    first, last = period(date_from, date_to)
    with make_engine(database_url()).connect() as conn:
        rows = write_worklist(conn, choose(kind, WORKLISTS, say("cli.export.worklist_kind")), counties(conn, county),
                              first, last, output, choose(lang, ("zh", "en"), "--lang"))
    typer.echo(say("cli.export.worklist", label=say(f"worklist.{kind}"), kind=kind, n=rows, file=output), err=True)


def register(app: typer.Typer) -> None:
    """Add map, brief and worklist to the `export` group."""
    app.command("map")(export_map)
    app.command("brief")(export_brief)
    app.command("worklist")(export_worklist)
