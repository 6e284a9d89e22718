"""Shared fixtures: a real PostGIS (template database at migration head, a fresh copy per test)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from pytest_postgresql import factories
from sqlalchemy.engine import URL, make_url

from db import cluster
from db.engine import database_url, drop_database, ensure_database, make_engine, migrate, uses_embedded
from db.settings import get_settings

FIXTURES = Path(__file__).resolve().parent / "fixtures"
COUNTIES = Path(__file__).resolve().parent.parent / "db" / "data" / "nujiang_counties.geojson"

if uses_embedded():
    cluster.start(get_settings())
SERVER: URL = make_url(database_url())


def url_for(dbname: str) -> str:
    """SQLAlchemy URL of a database on the test server."""
    return SERVER.set(database=dbname).render_as_string(hide_password=False)


@contextmanager
def scratch_database(prefix: str) -> Iterator[sa.Engine]:
    """A database of its own at migration head (a module's demo, say), dropped afterwards."""
    url = url_for(f"{prefix}_{uuid.uuid4().hex[:8]}")
    ensure_database(url)
    migrate(url)
    engine = make_engine(url)
    try:
        yield engine
    finally:
        engine.dispose()
        drop_database(url)


def migrate_template(host: str, port: int, user: str, dbname: str, password: str, **_: object) -> None:
    """Bring the template database to migration head (runs once per session)."""
    migrate(url_for(dbname))


postgis_server = factories.postgresql_noproc(
    host=SERVER.host, port=SERVER.port, user=SERVER.username, password=SERVER.password,
    dbname=f"xiaoan_test_{os.getpid()}", load=[migrate_template])
postgis_conn = factories.postgresql("postgis_server")


@pytest.fixture
def db_url(postgis_conn) -> str:  # noqa: ANN001
    """URL of a fresh database at migration head, dropped after the test."""
    return url_for(postgis_conn.info.dbname)


@pytest.fixture
def engine(db_url: str) -> Iterator[sa.Engine]:
    """An engine on the fresh database."""
    eng = make_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def use_db(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Make the fresh database the one XiaoAn's settings point at."""
    monkeypatch.setenv("XIAOAN_DATABASE_URL", db_url)
    get_settings.cache_clear()
    yield db_url
    get_settings.cache_clear()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI a skipped test means a missing part (PostGIS, browser): fail the run."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if os.environ.get("CI") and skipped:
        reporter.write_line(f"CI: {len(skipped)} test(s) skipped; a skip in CI fails the run", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
