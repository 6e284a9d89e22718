"""`xiaoan db …` pointed by XIAOAN_DATABASE_URL at another, empty PostGIS database."""

import uuid

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory
from typer.testing import CliRunner

from db.engine import alembic_config, drop_database, ensure_database, make_engine
from db.settings import get_settings
from tests.conftest import url_for
from xiaoan.cli import app

runner = CliRunner()


@pytest.fixture
def empty_db(monkeypatch):
    url = url_for(f"xiaoan_empty_{uuid.uuid4().hex[:8]}")
    ensure_database(url)
    monkeypatch.setenv("XIAOAN_DATABASE_URL", url)
    get_settings.cache_clear()
    yield url
    get_settings.cache_clear()
    drop_database(url)


def count_schools(url):
    engine = make_engine(url)
    with engine.connect() as conn:
        n = conn.execute(sa.text("SELECT count(*) FROM school")).scalar()
    engine.dispose()
    return n


def test_url_prints_the_configured_url(empty_db):
    result = runner.invoke(app, ["db", "url"])
    assert result.exit_code == 0
    assert result.stdout.strip() == empty_db


def test_up_prepares_an_empty_database_and_is_harmless_twice(empty_db):
    first = runner.invoke(app, ["db", "up"])
    second = runner.invoke(app, ["db", "up"])
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    assert count_schools(empty_db) == 0
    status = runner.invoke(app, ["db", "status"])
    head = ScriptDirectory.from_config(alembic_config(empty_db)).get_current_head()
    assert status.exit_code == 0 and "外部数据库" in status.stdout and head in status.stdout


def test_reset_rebuilds_an_external_database(empty_db):
    assert runner.invoke(app, ["db", "up"]).exit_code == 0
    assert runner.invoke(app, ["load", "counties", "db/data/nujiang_counties.geojson"]).exit_code == 0
    result = runner.invoke(app, ["db", "reset", "--yes"])
    assert result.exit_code == 0, result.output
    engine = make_engine(empty_db)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM county")).scalar() == 0
    engine.dispose()


def test_status_of_an_unreachable_database_fails_clearly(monkeypatch):
    monkeypatch.setenv("XIAOAN_DATABASE_URL", "postgresql+psycopg://x:y@127.0.0.1:9/none")
    get_settings.cache_clear()
    result = runner.invoke(app, ["db", "status"])
    get_settings.cache_clear()
    assert result.exit_code == 1 and "未就绪" in result.stdout and "xiaoan db up" in result.stdout
