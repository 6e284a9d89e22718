"""`xiaoan db …`: make the database in use ready, stop it, show it, rebuild it, back it up and restore it."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
import typer
from rich import print as rprint
from rich.markup import escape
from sqlalchemy.engine import make_url

from db import backup as dumps
from db import cluster
from db.engine import (
    database_exists,
    database_url,
    downgrade,
    drop_database,
    ensure_database,
    make_engine,
    migrate,
    uses_embedded,
)
from db.errors import XiaoAnError, user_message
from db.settings import get_settings
from xiaoan.say import lang, say

app = typer.Typer(help="The database: embedded PostGIS cluster or the one XIAOAN_DATABASE_URL names.",
                  no_args_is_help=True)


def prepare() -> str:
    """Start the embedded cluster if it is the one in use, create the database if missing, PostGIS, migrate."""
    settings = get_settings()
    url = database_url(settings)
    if uses_embedded(settings):
        cluster.start(settings)
        ensure_database(url)
    elif not database_exists(url):  # an external server: created only when it lacks it (needs CREATEDB)
        ensure_database(url)
    migrate(url)
    return url


@app.command()
def up() -> None:
    """Make the database in use ready (start, create PostGIS, migrate to head); harmless twice."""
    url = prepare()
    rprint(f"[green]{say('cli.dbc.ready')}[/green] {escape(_shown(url))}")


@app.command()
def down() -> None:
    """Stop the embedded cluster (an external database is left alone)."""
    if not uses_embedded():
        rprint(say("cli.dbc.nothing_to_stop"))
        return
    cluster.stop(get_settings())
    rprint(say("cli.dbc.stopped"))


@app.command()
def status() -> None:
    """Say which database is in use, whether it answers, and its migration revision."""
    settings = get_settings()
    url = database_url(settings)
    kind = (say("cli.dbc.embedded", dir=cluster.data_dir(settings)) if uses_embedded(settings)
            else say("cli.dbc.external"))
    rprint(escape(say("cli.dbc.database", url=_shown(url), kind=kind)))
    try:
        with make_engine(url).connect() as conn:
            revision = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
            schools = conn.execute(sa.text("SELECT count(*) FROM school")).scalar()
        said = say("cli.dbc.migration", revision=revision, schools=schools)
        rprint(f"[green]{say('cli.dbc.up')}[/green]{escape(said)}")
    except sa.exc.SQLAlchemyError as exc:
        rprint(f"[red]{say('cli.dbc.not_ready')}[/red]{escape(user_message(exc, lang(), url=_shown(url)))}")
        raise typer.Exit(1) from None


@app.command()
def reset(yes: bool = typer.Option(False, "--yes", help="do not ask")) -> None:
    """Drop everything in the database in use and rebuild the schema at head."""
    if not yes:
        typer.confirm(say("cli.dbc.confirm_reset"), abort=True)
    url = database_url()
    if uses_embedded():
        cluster.start(get_settings())
        drop_database(url)
    else:
        downgrade(url)
    prepare()
    rprint(f"[green]{say('cli.dbc.rebuilt')}[/green]")


@app.command()
def url() -> None:
    """Print the SQLAlchemy URL in use, however it was configured."""
    typer.echo(database_url())


def _shown(url: str) -> str:
    """A URL without its password."""
    return make_url(url).render_as_string(hide_password=True)


@app.command()
def backup(file: Path = typer.Argument(..., help="the dump to write (pg_dump custom format)")) -> None:
    """Dump the database in use into FILE with pg_dump (custom format; restore with `xiaoan db restore`)."""
    settings = get_settings()
    if uses_embedded(settings):
        cluster.start(settings)
    url = database_url(settings)
    try:
        dumps.backup(url, file)
    except XiaoAnError as exc:
        rprint(f"[red]{say('cli.dbc.backup_failed')}[/red]{escape(user_message(exc, lang()))}")
        raise typer.Exit(2) from None
    said = say("cli.dbc.backup_to", url=_shown(url), file=file, mb=file.stat().st_size / 1e6)
    rprint(f"[green]{say('cli.dbc.backed_up')}[/green] {escape(said)}")


@app.command()
def restore(file: Path = typer.Argument(..., help="a dump written by `xiaoan db backup`"),
            yes: bool = typer.Option(False, "--yes", help="replace a database that already holds tables")) -> None:
    """Restore FILE into the database in use: created if missing, filled if empty, replaced only with --yes."""
    settings = get_settings()
    if uses_embedded(settings):
        cluster.start(settings)
    url = database_url(settings)
    try:
        how = dumps.restore(url, file, replace=yes)
    except XiaoAnError as exc:
        rprint(f"[red]{say('cli.dbc.restore_failed')}[/red]{escape(user_message(exc, lang()))}")
        raise typer.Exit(2) from None
    said = say("cli.dbc.restored_how", file=file, how=say(f"cli.dbc.how.{how}"), url=_shown(url))
    rprint(f"[green]{say('cli.dbc.restored')}[/green] {escape(said)}")
