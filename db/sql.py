"""SQL as SQL: one query per .sql file under db/sql, loaded by name; one identifier quoter."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import sqlalchemy as sa

SQL_DIR = Path(__file__).resolve().parent / "sql"


@cache
def load_sql(name: str) -> str:
    """The text of db/sql/<name>.sql."""
    path = SQL_DIR / f"{name}.sql"
    if not path.is_file():
        raise KeyError(f"no SQL file named {name!r} in {SQL_DIR}")
    return path.read_text(encoding="utf-8")


def query(name: str) -> sa.TextClause:
    """The named query as a SQLAlchemy text clause with bound parameters."""
    return sa.text(load_sql(name))


def quote_ident(name: str) -> str:
    """The one quoting helper for identifiers: double quotes, doubled inside."""
    if not name or "\x00" in name:
        raise ValueError(f"invalid SQL identifier {name!r}")
    return '"' + name.replace('"', '""') + '"'
