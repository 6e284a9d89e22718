"""Users of the dashboard, managed by the owner (the `xiaoan users` command): add, role, disable, password."""

from __future__ import annotations

import getpass
import json
import re
import secrets

import pandas as pd
import sqlalchemy as sa

from db.errors import AccessError
from db.models.access import COUNTY_ROLES, ROLES
from db.sql import query

BCRYPT_COST = 12  # ≈ 0.25 s per sign-in on these machines
NAME = re.compile(r"^[A-Za-z0-9_.@-]{2,64}$")
MIN_PASSWORD = 8


def who() -> str:
    """The command-line actor recorded in the audit log."""
    return f"cli:{getpass.getuser()}"


def _check(conn: sa.Connection, role: str, county: str | None) -> None:
    """Role known; a county (that exists) exactly for planners and clerks."""
    if role not in ROLES:
        raise AccessError(f"unknown role {role!r}; expected one of {', '.join(ROLES)}")
    if (role in COUNTY_ROLES) != (county is not None):
        need = "needs --county ADCODE" if role in COUNTY_ROLES else "sees every county: leave out --county"
        raise AccessError(f"role {role} {need}")
    if county and not conn.execute(sa.text("SELECT 1 FROM county WHERE adcode = :c"), {"c": county}).scalar():
        raise AccessError(f"unknown county {county!r}; load the counties first or check the adcode")


def _audit(conn: sa.Connection, action: str, user: str, detail: dict[str, object]) -> None:
    """An audit row for a user change made from the command line."""
    conn.execute(query("audit_insert"), {"u": who(), "a": action, "t": user, "r": None, "d": json.dumps(detail)})


def _password(password: str) -> str:
    """The password when long enough."""
    if len(password) < MIN_PASSWORD:
        raise AccessError(f"the password is too short: at least {MIN_PASSWORD} characters")
    return password


def add(conn: sa.Connection, user: str, role: str, county: str | None, password: str, display: str | None = None,
        cost: int = BCRYPT_COST) -> None:
    """Add a user; an existing name or a bad name, role or county is an AccessError."""
    if not NAME.match(user):
        raise AccessError(f"user name {user!r} is not allowed: 2–64 letters, digits or _ . @ -")
    _check(conn, role, county)
    params = {"u": user, "d": display, "r": role, "c": county, "p": _password(password), "cost": cost}
    if conn.execute(query("users_add"), params).scalar() is None:
        raise AccessError(f"user {user!r} exists already; use set-role or password")
    _audit(conn, "user_add", user, {"role": role, "county": county})


def _changed(found: object, user: str) -> None:
    """An unknown user is an AccessError."""
    if found is None:
        raise AccessError(f"no user {user!r}; `xiaoan users list` shows who there is")


def set_role(conn: sa.Connection, user: str, role: str, county: str | None) -> None:
    """Give a user another role (and county)."""
    _check(conn, role, county)
    _changed(conn.execute(query("users_set_role"), {"u": user, "r": role, "c": county}).scalar(), user)
    _audit(conn, "user_set_role", user, {"role": role, "county": county})


def set_disabled(conn: sa.Connection, user: str, disabled: bool = True) -> None:
    """Disable a user (their sign-ins stop at once) or enable them again."""
    _changed(conn.execute(query("users_set_disabled"), {"u": user, "off": disabled}).scalar(), user)
    _audit(conn, "user_disable" if disabled else "user_enable", user, {})


def set_password(conn: sa.Connection, user: str, password: str, cost: int = BCRYPT_COST) -> None:
    """A new password for a user."""
    params = {"u": user, "p": _password(password), "cost": cost}
    _changed(conn.execute(query("users_set_password"), params).scalar(), user)
    _audit(conn, "user_password", user, {})


def listing(conn: sa.Connection) -> pd.DataFrame:
    """Every user (no hashes)."""
    result = conn.execute(query("users_list"))
    return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def new_trusted_key(conn: sa.Connection) -> str:
    """A new single-sign-on key, stored in the database; the dashboard needs it as XIAOAN_TRUSTED_HEADER_KEY."""
    key = secrets.token_urlsafe(32)
    conn.execute(query("users_trusted_key"), {"k": key})
    return key
