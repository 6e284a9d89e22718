"""`xiaoan users`: add, set-role, disable, enable, password, list, trusted-key, audit — and what sign-in then does."""

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from db import access
from db.errors import AccessError, user_message
from db.models.access import AUDIT_ACTIONS
from etl.demo.users import DEMO_USERS, add_demo_users
from tests.conftest import COUNTIES
from texts import CATALOGUE
from xiaoan.cli import app

runner = CliRunner()


def run(*args: str, lang: str | None = None, **kwargs):
    """`xiaoan users …` in Chinese (the default) or in lang, on a wide terminal."""
    return runner.invoke(app, ["users", *args], env={"COLUMNS": "300", "XIAOAN_LANGUAGE": lang}, **kwargs)


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
    result = run("add", "lushui", "--role", "planner", "--county", "533301", "--name", "泸水业务员")
    assert result.exit_code == 0, result.output
    assert result.output == "已添加用户 lushui，角色：县（市）业务人员（planner），县（市）：533301\n"
    assert sign_in(db, "lushui", "first-password") and not sign_in(db, "lushui", "other-password")
    listed = run("list")
    assert "lushui" in listed.output and "县（市）业务人员（planner）" in listed.output and "泸水市" in listed.output
    assert "共 1 个用户" in listed.output and "用户名" in listed.output and "已停用" in listed.output
    english = run("list", lang="en")
    assert "1 user(s)" in english.output and "│ planner " in english.output and "业务人员" not in english.output
    boss = run("add", "boss", "--role", "leader", lang="en")
    assert boss.exit_code == 0 and boss.output == "user boss added as leader\n"
    with db.connect() as conn:
        stored = conn.execute(sa.text("SELECT password_hash FROM app_user WHERE user_name = 'lushui'")).scalar()
    assert stored.startswith("$2a$12$") and "first-password" not in stored  # bcrypt, cost 12


@pytest.mark.parametrize(("args", "says", "in_english"), [
    (["bad name!", "--role", "leader"], "用户名 'bad name!' 不可用：应为 2–64 个字母、数字或 _ . @ -", "not allowed"),
    (["x1", "--role", "boss"], "未知的角色 'boss'；应为以下之一：leader, planner, clerk, admin", "unknown role"),
    (["x2", "--role", "planner"], "角色 planner 须用 --county 指定县（市）行政区划代码", "needs --county"),
    (["x3", "--role", "leader", "--county", "533301"], "角色 leader 可查看所有县（市）：请去掉 --county",
     "leave out --county"),
    (["x4", "--role", "clerk", "--county", "999999"], "未知的县（市）'999999'；请先导入县（市）边界", "unknown county"),
])
def test_bad_additions_are_refused_with_a_reason(db, args, says, in_english):
    result = run("add", *args)
    assert isinstance(result.exception, AccessError) and says in str(result.exception)
    assert user_message(result.exception, "zh") == str(result.exception)  # what cli.main prints, as it is
    english = run("add", *args, lang="en")
    assert isinstance(english.exception, AccessError) and in_english in str(english.exception)
    with db.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM app_user")).scalar() == 0


def test_short_password_and_duplicate_are_refused(db, monkeypatch):
    assert run("add", "boss", "--role", "leader").exit_code == 0
    again = run("add", "boss", "--role", "leader")
    assert isinstance(again.exception, AccessError) and "用户 'boss' 已存在" in str(again.exception)
    again = run("add", "boss", "--role", "leader", lang="en")
    assert isinstance(again.exception, AccessError) and "exists already" in str(again.exception)
    monkeypatch.setenv("XIAOAN_NEW_PASSWORD", "short")
    short = run("password", "boss")
    assert isinstance(short.exception, AccessError) and "密码太短：至少 8 个字符" in str(short.exception)
    short = run("password", "boss", lang="en")
    assert isinstance(short.exception, AccessError) and "too short" in str(short.exception)
    assert sign_in(db, "boss", "first-password")


def test_role_change_disable_enable_password_and_the_audit(db, monkeypatch):
    run("add", "clerk1", "--role", "clerk", "--county", "533301")
    moved = run("set-role", "clerk1", "--role", "planner", "--county", "533323")
    assert moved.exit_code == 0, moved.output
    assert moved.output == "用户 clerk1 的角色已改为：县（市）业务人员（planner），县（市）：533323\n"
    off = run("disable", "clerk1")
    assert off.exit_code == 0 and off.output == "已停用用户 clerk1\n"
    assert not sign_in(db, "clerk1", "first-password")
    assert "│ 是 " in run("list").output and "│ yes " in run("list", lang="en").output
    on = run("enable", "clerk1", lang="en")
    assert on.exit_code == 0 and on.output == "user clerk1 enabled\n"
    monkeypatch.setenv("XIAOAN_NEW_PASSWORD", "second-password")
    changed = run("password", "clerk1")
    assert changed.exit_code == 0 and changed.output == "已修改用户 clerk1 的密码\n"
    assert not sign_in(db, "clerk1", "first-password") and sign_in(db, "clerk1", "second-password")
    unknown = run("disable", "nobody")
    assert isinstance(unknown.exception, AccessError) and "没有用户 'nobody'" in str(unknown.exception)
    unknown = run("disable", "nobody", lang="en")
    assert isinstance(unknown.exception, AccessError) and "no user 'nobody'" in str(unknown.exception)
    with db.connect() as conn:
        actions = conn.execute(sa.text("SELECT action FROM audit_log WHERE target = 'clerk1' ORDER BY id")).scalars()
        assert list(actions) == ["user_add", "user_set_role", "user_disable", "user_enable", "user_password"]
        who = conn.execute(sa.text("SELECT DISTINCT user_name FROM audit_log WHERE target = 'clerk1'")).scalars()
        assert [w.startswith("cli:") for w in who] == [True]
    shown = run("audit", "--last", "20")
    assert "审计日志" in shown.output and "│ 修改密码 " in shown.output and "│ 登录失败 " in shown.output
    shown = run("audit", "--last", "20", lang="en")
    assert "audit log" in shown.output and "│ password changed " in shown.output and "│ sign-in failed " in shown.output
    assert all(f"audit_action.{action}" in CATALOGUE for action in AUDIT_ACTIONS)


def test_the_password_is_asked_twice_until_both_agree(db, monkeypatch):
    monkeypatch.delenv("XIAOAN_NEW_PASSWORD")
    result = run("add", "asked", "--role", "leader", input="a-password\nanother\nthe-password\nthe-password\n")
    assert result.exit_code == 0, result.output
    assert "新密码: " in result.output and "再次输入新密码: " in result.output
    assert "两次输入的密码不一致，请重新输入" in result.output and sign_in(db, "asked", "the-password")
    english = run("password", "asked", lang="en", input="pass-word-2\npass-word-2\n")
    assert english.exit_code == 0 and "repeat the password: " in english.output and sign_in(db, "asked", "pass-word-2")


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
