"""Backup and restore with pg_dump/pg_restore (custom format); the password goes through a private PGPASSFILE."""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from db import cluster
from db.access import enable_web_login, ensure_web_role
from db.engine import drop_database, ensure_database, make_engine
from db.errors import BackupError, MissingSoftware
from db.settings import get_settings
from db.sql import query

MAGIC = b"PGDMP"  # the first bytes of a pg_dump custom-format archive


def tool(name: str) -> Path:
    """pg_dump or pg_restore of the PostgreSQL that serves PostGIS here (as db/cluster.py finds initdb)."""
    path = cluster.find_bin_dir(get_settings()) / name
    if not path.is_file():
        raise MissingSoftware(name, "postgresql-client")
    return path


def _pgpass_field(value: object) -> str:
    """A .pgpass field: backslash and colon escaped."""
    return str(value).replace("\\", "\\\\").replace(":", "\\:")


@contextmanager
def connection_args(url: str) -> Iterator[tuple[list[str], dict[str, str]]]:
    """Host, port and user as arguments, the password in a 0600 PGPASSFILE that lives only for the call."""
    parsed = make_url(url)
    with tempfile.TemporaryDirectory(prefix="xiaoan-pgpass-") as folder:
        env = {k: v for k, v in os.environ.items() if k != "PGPASSWORD"}
        if parsed.password is not None:
            passfile = Path(folder) / "pgpass"
            passfile.touch(mode=0o600)
            passfile.write_text(":".join(_pgpass_field(v) for v in (
                parsed.host or "*", parsed.port or 5432, "*", parsed.username or "*", parsed.password)) + "\n")
            env["PGPASSFILE"] = str(passfile)
        args = ["-h", parsed.host or "localhost", "-p", str(parsed.port or 5432), "-U", parsed.username or "postgres",
                "--no-password"]
        yield args, env


def _run(command: list[str], env: dict[str, str], what: str) -> None:
    """Run a client program; its error text becomes a BackupError."""
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{what} failed: {(done.stderr or done.stdout).strip()}")


def backup(url: str, file: Path) -> Path:
    """Dump the database of url into file (custom format: compressed, restorable table by table)."""
    file = Path(file)
    file.parent.mkdir(parents=True, exist_ok=True)
    with connection_args(url) as (args, env):
        _run([str(tool("pg_dump")), *args, "--format=custom", f"--file={file}", make_url(url).database], env,
             "pg_dump")
    return file


def state(url: str) -> str:
    """'missing' (no such database), 'empty' (no table of anyone's) or 'in_use'."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return "in_use" if conn.execute(query("backup_user_tables")).scalar() else "empty"
    except sa.exc.OperationalError as exc:
        if "does not exist" in str(exc):
            return "missing"
        raise
    finally:
        engine.dispose()


def _is_dump(file: Path) -> bool:
    """Whether a file is a pg_dump custom-format archive."""
    if not file.is_file():
        return False
    with file.open("rb") as fh:
        return fh.read(len(MAGIC)) == MAGIC


def restore(url: str, file: Path, replace: bool = False) -> str:
    """Restore a dump into url's database in one transaction; 'created', 'empty' or 'replaced' says into what.

    A database that holds tables is only replaced (dropped and created again) when `replace` is given."""
    file = Path(file)
    if not _is_dump(file):
        raise BackupError(f"{file}: not a backup made by `xiaoan db backup` (pg_dump custom format)")
    found = state(url)
    if found == "in_use" and not replace:
        raise BackupError(f"the database {make_url(url).database} already holds tables; restoring would replace "
                          "everything in it: pass --yes to do so, or restore into an empty database")
    if found == "in_use":
        drop_database(url)
    if found != "empty":
        ensure_database(url)
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            ensure_web_role(conn)  # the dump grants to it; a new cluster does not have it yet
        with connection_args(url) as (args, env):
            _run([str(tool("pg_restore")), *args, "--single-transaction", "--exit-on-error",
                  f"--dbname={make_url(url).database}", str(file)], env, "pg_restore")
        with engine.begin() as conn:
            enable_web_login(conn)
    finally:
        engine.dispose()
    return {"missing": "created", "empty": "empty", "in_use": "replaced"}[found]
