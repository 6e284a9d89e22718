"""A database that is down, refuses the password, is missing or not migrated: two lines, no traceback, exit 2."""

import os
import socket
import subprocess
import sys
import uuid

import pytest
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from db.engine import drop_database, ensure_database
from db.settings import get_settings
from tests.conftest import COUNTIES, url_for
from xiaoan.cli import app

runner = CliRunner()
SAID = {  # what each problem says, in Chinese and in English
    "down": ("无法连接数据库", "cannot be reached"),
    "password": ("拒绝了用户名或密码", "refused the user name or password"),
    "missing": ("不存在", "does not exist"),
    "not_migrated": ("尚未建表", "has no XiaoAn tables"),
}
OTHER_COMMANDS = [["refresh"], ["holidays", "2026"], ["export", "coverage"], ["demo", "--if-empty"],
                  ["tracks", "prune", "--before", "2026-09-01", "--dry-run"], ["users", "list"]]


def closed_port() -> int:
    """A loopback port nobody listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(params=list(SAID))
def broken(request, monkeypatch):
    """(problem, URL) of a database with that problem, made the one in use; Chinese unless a test says."""
    kind, made = request.param, None
    if kind == "down":
        url = f"postgresql+psycopg://xiaoan:secret-pw@127.0.0.1:{closed_port()}/xiaoan"
    elif kind == "password":
        db_url = request.getfixturevalue("db_url")
        url = make_url(db_url).set(password="secret-pw").render_as_string(hide_password=False)
    else:
        url = made = url_for(f"xiaoan_{kind}_{uuid.uuid4().hex[:8]}")
        if kind == "not_migrated":
            ensure_database(url)  # a fresh, empty database
    monkeypatch.setenv("XIAOAN_DATABASE_URL", url)
    for name in ("XIAOAN_LANGUAGE", "XIAOAN_DEBUG"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    yield kind, url
    get_settings.cache_clear()
    if made:
        drop_database(made)


def run(*args: str, **env: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "300", **env})


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_load_says_which_problem_and_what_to_run(broken, lang):
    kind, url = broken
    result = run("load", "counties", str(COUNTIES), **({"XIAOAN_LANGUAGE": "en"} if lang == "en" else {}))
    assert result.exit_code == 2, result.output  # nothing loaded
    assert SAID[kind][lang == "en"] in result.output, result.output
    assert SAID[kind][lang != "en"] not in result.output
    assert make_url(url).render_as_string(hide_password=True) in result.output and "secret-pw" not in result.output
    assert ("xiaoan db up" in result.output) == (kind != "password")
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 2
    assert "XIAOAN_DEBUG=1" in result.output


def test_every_other_command_fails_with_the_same_message(broken, tmp_path):
    kind, _ = broken
    for command in [*OTHER_COMMANDS, ["db", "status"]]:
        result = run(*command, *(["--out", str(tmp_path)] if command[0] == "demo" else []))
        assert result.exit_code != 0 and SAID[kind][0] in result.output, (command, result.output)
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), (command, result.exception)


@pytest.mark.parametrize("broken", ["missing", "not_migrated"], indirect=True)
def test_what_it_says_to_run_mends_it(broken):
    assert run("db", "up").exit_code == 0
    assert run("load", "counties", str(COUNTIES)).exit_code == 0


@pytest.mark.parametrize("broken", ["down"], indirect=True)
def test_debug_shows_the_traceback(broken, monkeypatch):
    monkeypatch.setenv("XIAOAN_DEBUG", "1")
    result = run("load", "counties", str(COUNTIES))
    assert result.exit_code != 0 and type(result.exception).__name__ == "OperationalError"


@pytest.mark.parametrize("broken", ["down"], indirect=True)
def test_the_installed_command_prints_no_traceback_unless_debugging(broken):
    command = [sys.executable, "-c", "from xiaoan.cli import main; main()", "load", "counties", str(COUNTIES)]
    plain = subprocess.run(command, capture_output=True, text=True, env=os.environ.copy(), timeout=120)
    assert plain.returncode == 2 and "无法连接数据库" in plain.stderr and "Traceback" not in plain.stderr
    debug = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "XIAOAN_DEBUG": "1"},
                           timeout=120)
    assert debug.returncode != 0 and "Traceback" in debug.stderr and "OperationalError" in debug.stderr
