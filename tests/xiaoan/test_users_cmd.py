"""`xiaoan users`: add, set-role, disable, enable, password, list, trusted-key, audit — and what sign-in then does."""

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from db import access
from db.errors import AccessError
from etl.demo.users import DEMO_USERS, add_demo_users
from tests.conftest import COUNTIES
from xiaoan.cli import app

runner = CliRunner()


@pytest.fixture
def db(use_db, monkeypatch):
    """Counties loaded; new passwords come from the environment, as in a script."""
    assert runner.invoke(app, ["load", "counties", str(COUNTIES)]).exit_code == 0
    monkeypatch.setenv("XIAOAN_NEW_PASSWORD", "first-password")
    engine = sa.create_engine(use_db)
    yield engine
    engine.dispose()


def sign_in(engine, user, password):
    """A token, or None."""
    with engine.begin() as conn:
        return access.sign_in(conn, user, password, 1)


def test_add_list_and_sign_in(db):
    result = runner.invoke(app, ["users", "add", "lushui", "--role", "planner", "--county", "533301",
                                 "--name", "泸水业务员"])
    assert result.exit_code == 0, result.output
    assert sign_in(db, "lushui", "first-password") and not sign_in(db, "lushui", "other-password")
    listed = runner.invoke(app, ["users", "list"])
    assert "lushui" in listed.output and "planner" in listed.output and "泸水市" in listed.output
    with db.connect() as conn:
        stored = conn.execute(sa.text("SELECT password_hash FROM app_user WHERE user_name = 'lushui'")).scalar()
    assert stored.startswith("$2a$12$") and "first-password" not in stored  # bcrypt, cost 12


@pytest.mark.parametrize(("args", "says"), [
    (["bad name!", "--role", "leader"], "not allowed"),
    (["x1", "--role", "boss"], "unknown role"),
    (["x2", "--role", "planner"], "needs --county"),
    (["x3", "--role", "leader", "--county", "533301"], "leave out --county"),
    (["x4", "--role", "clerk", "--county", "999999"], "unknown county"),
])
def test_bad_additions_are_refused_with_a_reason(db, args, says):
    result = runner.invoke(app, ["users", "add", *args])
    assert isinstance(result.exception, AccessError) and says in str(result.exception)
    with db.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM app_user")).scalar() == 0


def test_short_password_and_duplicate_are_refused(db, monkeypatch):
    assert runner.invoke(app, ["users", "add", "boss", "--role", "leader"]).exit_code == 0
    again = runner.invoke(app, ["users", "add", "boss", "--role", "leader"])
    assert isinstance(again.exception, AccessError) and "exists already" in str(again.exception)
    monkeypatch.setenv("XIAOAN_NEW_PASSWORD", "short")
    short = runner.invoke(app, ["users", "password", "boss"])
    assert isinstance(short.exception, AccessError) and "too short" in str(short.exception)
    assert sign_in(db, "boss", "first-password")


def test_role_change_disable_enable_password_and_the_audit(db, monkeypatch):
    runner.invoke(app, ["users", "add", "clerk1", "--role", "clerk", "--county", "533301"])
    assert runner.invoke(app, ["users", "set-role", "clerk1", "--role", "planner", "--county", "533323"]).exit_code == 0
    assert runner.invoke(app, ["users", "disable", "clerk1"]).exit_code == 0
    assert not sign_in(db, "clerk1", "first-password")
    assert runner.invoke(app, ["users", "enable", "clerk1"]).exit_code == 0
    monkeypatch.setenv("XIAOAN_NEW_PASSWORD", "second-password")
    assert runner.invoke(app, ["users", "password", "clerk1"]).exit_code == 0
    assert not sign_in(db, "clerk1", "first-password") and sign_in(db, "clerk1", "second-password")
    unknown = runner.invoke(app, ["users", "disable", "nobody"])
    assert isinstance(unknown.exception, AccessError)
    with db.connect() as conn:
        actions = conn.execute(sa.text("SELECT action FROM audit_log WHERE target = 'clerk1' ORDER BY id")).scalars()
        assert list(actions) == ["user_add", "user_set_role", "user_disable", "user_enable", "user_password"]
        who = conn.execute(sa.text("SELECT DISTINCT user_name FROM audit_log WHERE target = 'clerk1'")).scalars()
        assert [w.startswith("cli:") for w in who] == [True]
    shown = runner.invoke(app, ["users", "audit", "--last", "20"])
    assert "user_password" in shown.output and "sign_in_failed" in shown.output


def test_trusted_key_signs_in_named_users_only_with_the_key(db):
    runner.invoke(app, ["users", "add", "sso_user", "--role", "leader"])
    key = runner.invoke(app, ["users", "trusted-key"]).output.strip()
    with db.begin() as conn:
        assert access.sign_in_trusted(conn, "sso_user", key, 1)
        assert access.sign_in_trusted(conn, "sso_user", key + "x", 1) is None
        assert access.sign_in_trusted(conn, "nobody", key, 1) is None


def test_demo_users_are_added_once(db):
    assert add_demo_users(db) == [name for name, *_ in DEMO_USERS]
    assert add_demo_users(db) == []
    assert sign_in(db, "clerk_lushui", "xiaoan-demo")
