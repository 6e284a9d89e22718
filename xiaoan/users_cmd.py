"""`xiaoan users add|set-role|disable|enable|password|list|trusted-key|audit`: who may sign in, and as what."""

from __future__ import annotations

import os

import typer
from rich.console import Console
from rich.table import Table

from db import users
from db.engine import database_url, make_engine
from db.models.access import ROLES
from db.sql import query

app = typer.Typer(help="Dashboard users: roles leader | planner | clerk | admin.", no_args_is_help=True)
console = Console()
PASSWORD_ENV = "XIAOAN_NEW_PASSWORD"  # for scripts; otherwise the password is asked for, twice, unseen


def _password() -> str:
    """The new password: from XIAOAN_NEW_PASSWORD, else asked for on the terminal."""
    return os.environ.get(PASSWORD_ENV) or typer.prompt("password", hide_input=True, confirmation_prompt=True)


def _run(change: object, *args: object) -> None:
    """Run a change in one transaction."""
    with make_engine(database_url()).begin() as conn:
        change(conn, *args)  # type: ignore[operator]


@app.command()
def add(user: str = typer.Argument(..., help="sign-in name: letters, digits, _ . @ -"),
        role: str = typer.Option(..., "--role", help=" | ".join(ROLES)),
        county: str = typer.Option(None, "--county", help="county adcode (planner and clerk only)"),
        display: str = typer.Option(None, "--name", help="full name shown in the dashboard")) -> None:
    """Add a user with a bcrypt-hashed password."""
    _run(users.add, user, role, county, _password(), display)
    typer.echo(f"user {user} added as {role}" + (f" of {county}" if county else ""))


@app.command("set-role")
def set_role(user: str, role: str = typer.Option(..., "--role", help=" | ".join(ROLES)),
             county: str = typer.Option(None, "--county", help="county adcode (planner and clerk only)")) -> None:
    """Give a user another role (and county); it applies to their next query."""
    _run(users.set_role, user, role, county)
    typer.echo(f"user {user} is now {role}" + (f" of {county}" if county else ""))


@app.command()
def disable(user: str) -> None:
    """Disable a user: their sign-in stops working at once."""
    _run(users.set_disabled, user, True)
    typer.echo(f"user {user} disabled")


@app.command()
def enable(user: str) -> None:
    """Enable a disabled user again."""
    _run(users.set_disabled, user, False)
    typer.echo(f"user {user} enabled")


@app.command()
def password(user: str) -> None:
    """Set a new password for a user."""
    _run(users.set_password, user, _password())
    typer.echo(f"password of {user} changed")


@app.command("list")
def list_users() -> None:
    """Every user with role, county and state."""
    with make_engine(database_url()).connect() as conn:
        found = users.listing(conn)
    table = Table("user", "name", "role", "county", "disabled", title=f"{len(found)} user(s)")
    for row in found.itertuples():
        table.add_row(row.user_name, row.display_name or "", row.role, row.county or "", "yes" if row.disabled else "")
    console.print(table)


@app.command("trusted-key")
def trusted_key() -> None:
    """Make a new key for single sign-on by a trusted header; give it to the dashboard as XIAOAN_TRUSTED_HEADER_KEY."""
    with make_engine(database_url()).begin() as conn:
        typer.echo(users.new_trusted_key(conn))


@app.command()
def audit(last: int = typer.Option(50, "--last", help="how many records")) -> None:
    """The latest audit records: sign-ins, loads, exports, user changes."""
    with make_engine(database_url()).connect() as conn:
        rows = conn.execute(query("audit_recent"), {"n": last}).all()
    table = Table("at", "user", "action", "target", "rows", title="audit log")
    for at, user, action, target, count in rows:
        table.add_row(f"{at:%Y-%m-%d %H:%M:%S}", user, action, target or "", "" if count is None else f"{count:,}")
    console.print(table)
