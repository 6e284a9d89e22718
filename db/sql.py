"""SQL as SQL: one query per .sql file under db/sql/<layer>/, loaded by its name alone; one identifier quoter."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import sqlalchemy as sa

SQL_DIR = Path(__file__).resolve().parent / "sql"


@cache
def sql_files() -> dict[str, Path]:
    """Every query file by name; the folder (the layer that runs it) is not part of the name."""
    found: dict[str, Path] = {}
    for path in sorted(SQL_DIR.rglob("*.sql")):
        if path.stem in found:
            raise RuntimeError(f"two SQL files named {path.stem!r}: {found[path.stem]} and {path}")
        found[path.stem] = path
    return found


@cache
def load_sql(name: str) -> str:
    """The text of db/sql/<layer>/<name>.sql."""
    path = sql_files().get(name)
    if path is None:
        raise KeyError(f"no SQL file named {name!r} under {SQL_DIR}")
    return path.read_text(encoding="utf-8")


def query(name: str) -> sa.TextClause:
    """The named query as a SQLAlchemy text clause with bound parameters."""
    return sa.text(load_sql(name))


def quote_ident(name: str) -> str:
    """The one quoting helper for identifiers: double quotes, doubled inside."""
    if not name or "\x00" in name:
        raise ValueError(f"invalid SQL identifier {name!r}")
    return '"' + name.replace('"', '""') + '"'
