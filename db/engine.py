"""Which database is in use, and making it ready: extension, migrations."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import make_url

from db import cluster
from db.access import enable_web_login
from db.errors import database_problem
from db.settings import Settings, configured_url, get_settings
from db.sql import quote_ident

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def database_url(settings: Settings | None = None) -> str:
    """The SQLAlchemy URL in use: XIAOAN_DATABASE_URL, secrets.toml, else the embedded cluster."""
    settings = settings or get_settings()
    return configured_url(settings) or cluster.url(settings)


def uses_embedded(settings: Settings | None = None) -> bool:
    """Whether the embedded cluster is the database in use."""
    return configured_url(settings or get_settings()) is None


def make_engine(url: str) -> sa.Engine:
    """An engine for url; psycopg 3 is the driver whatever the URL names."""
    parsed = make_url(url)
    if parsed.drivername in {"postgresql", "postgres", "postgresql+psycopg2"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    # JIT compiles the analytic queries for seconds and wins nothing at this size (measured: 16.7 s of
    # JIT for a 40 ms presence refresh), so it is off for every session of ours.
    options = {"connect_timeout": 5, "options": "-c jit=off"}
    return sa.create_engine(parsed, pool_pre_ping=True, connect_args=options)


def alembic_config(url: str) -> Config:
    """Alembic configuration pointing at the packaged migrations."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def _admin(url: str, statement: str, check: str | None = None) -> None:
    """Run a statement on the server's `postgres` database about url's database."""
    target = make_url(url)
    admin = make_engine(target.set(database="postgres").render_as_string(hide_password=False))
    try:
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            if check and conn.execute(sa.text(check), {"n": target.database}).scalar():
                return
            conn.execute(sa.text(statement.format(db=quote_ident(target.database))))
    finally:
        admin.dispose()


def ensure_database(url: str) -> None:
    """Create the database named in url when its server lacks it (needs CREATEDB)."""
    _admin(url, "CREATE DATABASE {db}", check="SELECT 1 FROM pg_database WHERE datname = :n")


def database_exists(url: str) -> bool:
    """Whether url's server has its database (False only when the server says it does not exist)."""
    engine = make_engine(url)
    try:
        with engine.connect():
            return True
    except sa.exc.OperationalError as exc:
        if database_problem(exc) == "missing":
            return False
        raise
    finally:
        engine.dispose()


def drop_database(url: str) -> None:
    """Drop the database named in url, disconnecting its sessions."""
    _admin(url, "DROP DATABASE IF EXISTS {db} WITH (FORCE)")


def downgrade(url: str, revision: str = "base") -> None:
    """Downgrade the schema to revision (base: no tables of ours left)."""
    command.downgrade(alembic_config(url), revision)


def migrate(url: str, revision: str = "head") -> None:
    """Create PostGIS if missing and upgrade the schema to revision."""
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE EXTENSION IF NOT EXISTS postgis"))
    engine.dispose()
    command.upgrade(alembic_config(url), revision)
    if revision == "head":
        engine = make_engine(url)
        with engine.begin() as conn:
            enable_web_login(conn)
        engine.dispose()
