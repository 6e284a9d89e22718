"""Signing in: a password form (or a trusted SSO header), the token kept in the session and a cookie."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa
import streamlit as st

from dashboard.reads import core
from db import access
from db.errors import SignInLocked
from db.settings import get_settings
from texts import Translator

COOKIE = "xiaoan_token"
SIGNED_OUT = "_xiaoan_signed_out"  # this session signed out: its browser's cookie is ignored and cleared
LOAD_ROLES = ("clerk", "admin")  # who may load files (who sees phones in full is decided in the database)


@dataclass(frozen=True)
class User:
    """The signed-in user as the database knows them now."""

    name: str
    role: str
    county: str | None

    @property
    def counties(self) -> tuple[str, ...] | None:
        """The counties the user is limited to (None: all)."""
        return (self.county,) if self.county else None

    @property
    def may_load(self) -> bool:
        """Whether the user may load files."""
        return self.role in LOAD_ROLES


@st.cache_data(ttl=30, show_spinner=False)
def _whose(reader: core.Reader) -> User | None:
    """The token's user (None when it is forged, expired or the user is disabled); checked every 30 s."""
    with core.connect(reader) as conn:
        found = access.current_user(conn)
    return User(found["user_name"], found["role"], found["county_adcode"]) if found else None


def _set_cookie(value: str, seconds: int) -> None:
    """Set (or, with 0 seconds, clear) the same-site sign-in cookie in the browser."""
    st.html(f"<script>document.cookie = '{COOKIE}={value}; path=/; max-age={seconds}; SameSite=Strict';</script>",
            unsafe_allow_javascript=True)


def _signed_in(sign_in: Callable[[sa.Connection], str | None]) -> str | None:
    """A token from a sign-in on the low-privilege role; a database failure becomes DataUnavailable."""
    try:
        with core.web_engine().begin() as conn:
            answer = sign_in(conn)
    except (sa.exc.SQLAlchemyError, OSError) as exc:
        raise core.DataUnavailable(core.failure(exc)) from exc
    return access.token_of(answer)  # after the commit: a locked name's attempt stays in the audit log


def _remember(token: str) -> None:
    """Keep the token in the session and, for reloads and pasted links, in a same-site cookie."""
    st.session_state[core.TOKEN_KEY] = token
    st.session_state.pop(SIGNED_OUT, None)
    _set_cookie(token, get_settings().session_hours * 3600)


def _token_from_request() -> str | None:
    """A token from the session, the cookie, or the trusted SSO header (when configured)."""
    cookie = None if st.session_state.get(SIGNED_OUT) else st.context.cookies.get(COOKIE)
    token = st.session_state.get(core.TOKEN_KEY) or cookie
    settings = get_settings()
    if not token and settings.trusted_user_header and settings.trusted_header_key:
        name = st.context.headers.get(settings.trusted_user_header)
        if name:
            token = _signed_in(lambda conn: access.sign_in_trusted(conn, name, settings.trusted_header_key,
                                                                   settings.session_hours))
    return token


def current() -> User | None:
    """The signed-in user, or None (a token that no longer holds is forgotten)."""
    token = _token_from_request()
    if not token:
        return None
    st.session_state[core.TOKEN_KEY] = token
    user = core.run(_whose)
    if user is None:
        st.session_state.pop(core.TOKEN_KEY, None)
    return user


def _form(tr: Translator) -> str | None:
    """The sign-in form; a token when the name and password were right."""
    st.title(tr("auth.title"))
    st.caption(tr("auth.caption"))
    with st.form("sign_in"):
        name = st.text_input(tr("auth.user"), max_chars=64)
        password = st.text_input(tr("auth.password"), type="password", max_chars=200)
        submitted = st.form_submit_button(tr("auth.submit"), type="primary")
    if not submitted:
        return None
    try:
        token = _signed_in(lambda conn: access.sign_in(conn, name.strip(), password, get_settings().session_hours))
    except SignInLocked as locked:
        st.error(tr("auth.locked").format(minutes=locked.minutes))
        return None
    if not token:
        st.error(tr("auth.failed"))
    return token


def require(tr: Translator) -> User:
    """The signed-in user; otherwise the sign-in form, and the page goes no further."""
    user = current()
    if user:
        return user
    if st.session_state.get(SIGNED_OUT):
        _set_cookie("", 0)  # drawn with the form, so the browser runs it
    box = st.empty()
    with box.container():
        token = _form(tr)
    if not token:
        st.stop()
    box.empty()
    _remember(token)
    user = core.run(_whose)
    if user is None:  # disabled between the two queries
        st.stop()
    return user


def sign_out_button(user: User, tr: Translator) -> None:
    """Who is signed in, and a button to sign out (the cookie is cleared too)."""
    st.sidebar.caption(tr("auth.signed_in").format(user=user.name, role=tr(f"role.{user.role}")))
    if st.sidebar.button(tr("auth.sign_out"), key="sign_out"):
        with core.connect(core.reader()) as conn:
            access.sign_out(conn)  # the token (and any copy of it) stops working now
        st.session_state.pop(core.TOKEN_KEY, None)
        st.session_state[SIGNED_OUT] = True
        st.rerun()
