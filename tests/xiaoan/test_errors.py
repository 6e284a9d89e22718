"""A database that is down, refuses the password, is missing or not migrated: two lines, no traceback, exit 2."""

import socket
import uuid

import pytest
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from db.engine import drop_database, ensure_database
from db.settings import get_settings
from tests.conftest import COUNTIES, url_for
from xiaoan.cli import app

runner = CliRunner()


def closed_port() -> int:
    """A loopback port nobody listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def point_at(monkeypatch):
    def use(url: str, lang: str | None = None) -> None:
        monkeypatch.setenv("XIAOAN_DATABASE_URL", url)
        if lang:
            monkeypatch.setenv("XIAOAN_LANGUAGE", lang)
        monkeypatch.delenv("XIAOAN_DEBUG", raising=False)
        get_settings.cache_clear()
    yield use
    get_settings.cache_clear()


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "300"})


def test_a_database_that_is_down(point_at):
    point_at(f"postgresql+psycopg://xiaoan:secret-pw@127.0.0.1:{closed_port()}/xiaoan")
    result = run("load", "counties", str(COUNTIES))
    assert result.exit_code == 2
    assert "无法连接数据库" in result.output and "xiaoan db up" in result.output
    assert "secret-pw" not in result.output and "***" in result.output
    assert "Traceback" not in result.output
    assert run("export", "coverage").exit_code == 2


def test_english_when_the_language_is_english(point_at):
    point_at(f"postgresql+psycopg://xiaoan:pw@127.0.0.1:{closed_port()}/xiaoan", lang="en")
    result = run("load", "counties", str(COUNTIES))
    assert result.exit_code == 2 and "cannot be reached" in result.output and "xiaoan db up" in result.output


def test_a_wrong_password(point_at, db_url):
    point_at(make_url(db_url).set(password="not-the-password").render_as_string(hide_password=False))
    result = run("load", "counties", str(COUNTIES))
    assert result.exit_code == 2 and "拒绝了用户名或密码" in result.output and "not-the-password" not in result.output


def test_a_missing_database(point_at):
    point_at(url_for(f"xiaoan_absent_{uuid.uuid4().hex[:8]}"))
    result = run("load", "counties", str(COUNTIES))
    assert result.exit_code == 2 and "不存在" in result.output and "xiaoan db up" in result.output


def test_a_database_not_migrated(point_at):
    url = url_for(f"xiaoan_bare_{uuid.uuid4().hex[:8]}")
    ensure_database(url)
    try:
        point_at(url)
        result = run("load", "counties", str(COUNTIES))
        assert result.exit_code == 2 and "尚未建表" in result.output, result.output
        assert "Traceback" not in result.output
    finally:
        drop_database(url)


def test_debug_shows_the_traceback(point_at, monkeypatch):
    point_at(f"postgresql+psycopg://xiaoan:pw@127.0.0.1:{closed_port()}/xiaoan")
    monkeypatch.setenv("XIAOAN_DEBUG", "1")
    result = run("load", "counties", str(COUNTIES))
    assert result.exit_code != 0 and type(result.exception).__name__ == "OperationalError"
