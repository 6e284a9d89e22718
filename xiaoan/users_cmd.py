"""`xiaoan users add|set-role|disable|enable|password|list|trusted-key|audit`: who may sign in, and as what."""

from __future__ import annotations

import os
from collections.abc import Callable

import typer
from rich.console import Console
from rich.table import Table

from db import users
from db.engine import database_url, make_engine
from db.errors import AccessError
from db.models.access import ROLES
from db.sql import query
from texts import label
from xiaoan.say import lang, said, say

app = typer.Typer(help="Dashboard users: roles leader | planner | clerk | admin.", no_args_is_help=True)
console = Console()
PASSWORD_ENV = "XIAOAN_NEW_PASSWORD"  # for scripts; otherwise the password is asked for, twice, unseen


def _password() -> str:
    """The new password: from XIAOAN_NEW_PASSWORD, else asked for on the terminal, twice, until both agree."""
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    while True:
        first = typer.prompt(say("cli.users.password"), hide_input=True)
        if first == typer.prompt(say("cli.users.password_again"), hide_input=True):
            return first
        typer.echo(say("cli.users.password_mismatch"), err=True)


def _run(change: Callable[..., None], *args: object) -> None:
    """Run a change in one transaction; a refusal is raised again in the user's language (cli.main says it)."""
    try:
        with make_engine(database_url()).begin() as conn:
            change(conn, *args)
    except AccessError as exc:
        text = said(str(exc))
        if text == str(exc):
            raise
        raise AccessError(text) from exc


def _role(role: str) -> str:
    """A role as the user reads it: its name and code in Chinese, its code in English."""
    return say("cli.users.role", role=role, label=label("role", role, lang()))


def _changed(key: str, user: str, role: str, county: str | None) -> str:
    """What add or set-role says: the user, the role and the county if any."""
    if county:
        return say(f"{key}_county", user=user, role=_role(role), county=county)
    return say(key, user=user, role=_role(role))


@app.command()
def add(user: str = typer.Argument(..., help="sign-in name: letters, digits, _ . @ -"),
        role: str = typer.Option(..., "--role", help=" | ".join(ROLES)),
        county: str = typer.Option(None, "--county", help="county adcode (planner and clerk only)"),
        display: str = typer.Option(None, "--name", help="full name shown in the dashboard")) -> None:
    """Add a user with a bcrypt-hashed password."""
    _run(users.add, user, role, county, _password(), display)
    typer.echo(_changed("cli.users.added", user, role, county))


@app.command("set-role")
def set_role(user: str, role: str = typer.Option(..., "--role", help=" | ".join(ROLES)),
             county: str = typer.Option(None, "--county", help="county adcode (planner and clerk only)")) -> None:
    """Give a user another role (and county); it applies to their next query."""
    _run(users.set_role, user, role, county)
    typer.echo(_changed("cli.users.role_set", user, role, county))


@app.command()
def disable(user: str) -> None:
    """Disable a user: their sign-in stops working at once."""
    _run(users.set_disabled, user, True)
    typer.echo(say("cli.users.disabled", user=user))


@app.command()
def enable(user: str) -> None:
    """Enable a disabled user again."""
    _run(users.set_disabled, user, False)
    typer.echo(say("cli.users.enabled", user=user))


@app.command()
def password(user: str) -> None:
    """Set a new password for a user."""
    _run(users.set_password, user, _password())
    typer.echo(say("cli.users.password_changed", user=user))


@app.command("list")
def list_users() -> None:
    """Every user with role, county and state."""
    with make_engine(database_url()).connect() as conn:
        found = users.listing(conn)
    table = Table(*(say(f"cli.users.{c}") for c in ("user", "name", "role_col", "county", "is_disabled")),
                  title=say("cli.users.count", n=len(found)))
    for row in found.itertuples():
        table.add_row(row.user_name, row.display_name or "", _role(row.role), row.county or "",
                      say("cli.users.yes") if row.disabled else "")
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
    language = lang()
    table = Table(*(say(f"cli.users.{c}") for c in ("at", "user", "action", "target", "rows")),
                  title=say("cli.users.audit"))
    for at, user, action, target, count in rows:
        table.add_row(f"{at:%Y-%m-%d %H:%M:%S}", user, label("audit_action", action, language), target or "",
                      "" if count is None else f"{count:,}")
    console.print(table)
