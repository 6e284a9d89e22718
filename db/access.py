"""The dashboard's low-privilege login (xiaoan_web): its URL and password, and signing in through the database."""

from __future__ import annotations

import logging
import secrets
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from db.errors import SignInLocked
from db.settings import Settings, get_settings
from db.sql import query

WEB_ROLE = "xiaoan_web"
LOCKED = "locked:"  # what xiaoan_sign_in answers instead of a token while a name is locked
LOG = logging.getLogger(__name__)


def _password_file(settings: Settings) -> Path:
    """Where the generated password of xiaoan_web is kept (mode 600)."""
    return settings.home / "web-password"


def web_password(settings: Settings | None = None) -> str:
    """The password of xiaoan_web: the setting, else one generated once and kept under home."""
    settings = settings or get_settings()
    if settings.web_password:
        return settings.web_password
    path = _password_file(settings)
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(24))
    return path.read_text().strip()


def web_url(owner_url: str, settings: Settings | None = None) -> str:
    """The URL the dashboard reads through: XIAOAN_WEB_DATABASE_URL, else the owner's with xiaoan_web."""
    settings = settings or get_settings()
    if settings.web_database_url:
        return settings.web_database_url
    url = make_url(owner_url).set(username=WEB_ROLE, password=web_password(settings))
    return url.render_as_string(hide_password=False)


def ensure_web_role(conn: sa.Connection) -> None:
    """Create the cluster-wide role xiaoan_web (NOLOGIN) when missing: a dump restored grants to it."""
    if not conn.execute(query("access_role_exists"), {"r": WEB_ROLE}).scalar():
        conn.execute(sa.text(f"CREATE ROLE {WEB_ROLE} NOLOGIN"))


def enable_web_login(conn: sa.Connection, settings: Settings | None = None) -> bool:
    """Let xiaoan_web log in with its password (needs CREATEROLE); False, with a warning, when not allowed."""
    settings = settings or get_settings()
    if settings.web_database_url:
        return True  # its administrator set the role up
    literal = web_password(settings).replace("'", "''")
    try:
        with conn.begin_nested():
            conn.execute(sa.text(f"ALTER ROLE {WEB_ROLE} LOGIN PASSWORD '{literal}'"))
    except sa.exc.DBAPIError as exc:
        LOG.warning("cannot enable the login of %s (%s); set XIAOAN_WEB_DATABASE_URL", WEB_ROLE, exc.orig)
        return False
    return True


def sign_in(conn: sa.Connection, user: str, password: str, hours: int) -> str | None:
    """A signed token when the password matches, None when not, `locked:<seconds>` after five failures of the
    name within 15 minutes (migration 0013); every attempt is audited, so commit before `token_of`."""
    return conn.execute(query("access_sign_in"), {"u": user, "p": password, "h": hours}).scalar()


def token_of(answer: str | None) -> str | None:
    """The token of a sign-in's answer (None: refused); SignInLocked while the name is locked."""
    if answer and answer.startswith(LOCKED):
        raise SignInLocked(int(answer.removeprefix(LOCKED)))
    return answer


def sign_in_trusted(conn: sa.Connection, user: str, key: str, hours: int) -> str | None:
    """A token for a user named by the single-sign-on proxy, when the dashboard's key is right."""
    return conn.execute(query("access_sign_in_trusted"), {"u": user, "k": key, "h": hours}).scalar()


def sign_out(conn: sa.Connection) -> None:
    """Sign the transaction's user out: every token issued to them until now stops working (audited)."""
    conn.execute(query("access_sign_out"))


def set_token(conn: sa.Connection, token: str | None) -> None:
    """Scope the current transaction to the token's user (no token: nothing is visible)."""
    conn.execute(query("access_set_token"), {"t": token or ""})


def current_user(conn: sa.Connection) -> dict[str, str] | None:
    """The user of the transaction's token, or None when it is missing, forged, expired or disabled."""
    row = conn.execute(query("access_current_user")).mappings().first()
    return dict(row) if row and row["user_name"] else None


def audit(conn: sa.Connection, action: str, target: str | None, rows: int | None = None) -> None:
    """Record an action of the transaction's user (or of the database login when no user is set)."""
    conn.execute(query("access_audit"), {"a": action, "t": target, "r": rows})
