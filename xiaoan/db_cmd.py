"""`xiaoan db …`: make the database in use ready, stop it, show it, rebuild it."""

from __future__ import annotations

import sqlalchemy as sa
import typer
from rich import print as rprint
from sqlalchemy.engine import make_url

from db import cluster
from db.engine import (
    database_url,
    downgrade,
    drop_database,
    ensure_database,
    make_engine,
    migrate,
    uses_embedded,
)
from db.settings import get_settings

app = typer.Typer(help="The database: embedded PostGIS cluster or the one XIAOAN_DATABASE_URL names.",
                  no_args_is_help=True)


def prepare() -> str:
    """Start the embedded cluster if it is the one in use, create the database, PostGIS, migrate."""
    settings = get_settings()
    url = database_url(settings)
    if uses_embedded(settings):
        cluster.start(settings)
        ensure_database(url)
    migrate(url)
    return url


@app.command()
def up() -> None:
    """Make the database in use ready (start, create PostGIS, migrate to head); harmless twice."""
    url = prepare()
    rprint(f"[green]ready[/green] {make_url(url).render_as_string(hide_password=True)}")


@app.command()
def down() -> None:
    """Stop the embedded cluster (an external database is left alone)."""
    if not uses_embedded():
        rprint("an external database is configured; nothing to stop")
        return
    cluster.stop(get_settings())
    rprint("stopped")


@app.command()
def status() -> None:
    """Say which database is in use, whether it answers, and its migration revision."""
    settings = get_settings()
    url = database_url(settings)
    kind = f"embedded cluster in {cluster.data_dir(settings)}" if uses_embedded(settings) else "external"
    rprint(f"database: {make_url(url).render_as_string(hide_password=True)} ({kind})")
    try:
        with make_engine(url).connect() as conn:
            revision = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
            schools = conn.execute(sa.text("SELECT count(*) FROM school")).scalar()
        rprint(f"[green]up[/green]: migration {revision}, {schools} schools")
    except sa.exc.SQLAlchemyError as exc:
        rprint(f"[red]not ready[/red]: {str(exc).splitlines()[0]}")
        raise typer.Exit(1) from None


@app.command()
def reset(yes: bool = typer.Option(False, "--yes", help="do not ask")) -> None:
    """Drop everything in the database in use and rebuild the schema at head."""
    if not yes:
        typer.confirm("Delete all data in the database in use?", abort=True)
    url = database_url()
    if uses_embedded():
        cluster.start(get_settings())
        drop_database(url)
    else:
        downgrade(url)
    prepare()
    rprint("[green]rebuilt[/green]")


@app.command()
def url() -> None:
    """Print the SQLAlchemy URL in use, however it was configured."""
    typer.echo(database_url())
