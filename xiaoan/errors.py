"""The command line's one place for database problems: two lines in the user's language, exit 2 (domain errors
go on to cli.main)."""

from __future__ import annotations

import os
from typing import Any

import click
import typer
from sqlalchemy.engine import make_url
from typer.core import TyperGroup

from db.errors import XiaoAnError, database_problem, user_message
from db.settings import get_settings
from xiaoan.say import lang, say


def shown_url() -> str:
    """The database URL in use with its password hidden."""
    from db.engine import database_url

    try:
        return make_url(database_url()).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - the URL itself may be what is broken
        return "?"


def message(error: BaseException) -> str | None:
    """The user's message for a database problem (None: anything else, left to main() or shown as a bug)."""
    if database_problem(error) and not isinstance(error, XiaoAnError):  # domain errors go on to main()
        return user_message(error, lang(), url=shown_url())
    return None


class Guarded(TyperGroup):
    """A command group whose commands end with one or two lines, not a traceback, when the database fails."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command with settings read afresh; database problems exit 2 with their message."""
        get_settings.cache_clear()  # each invocation reads XIAOAN_* as a new process would
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:
            text = message(exc)
            if text is None or os.environ.get("XIAOAN_DEBUG") == "1":
                raise
            typer.secho(text, fg="red", err=True)
            typer.secho(say("cli.debug"), err=True)
            raise typer.Exit(2) from None
