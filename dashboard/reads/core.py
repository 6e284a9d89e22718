"""What the dashboard reads: cached engine, cached queries, errors turned into user text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, NamedTuple, TypeVar

import pandas as pd
import sqlalchemy as sa
import streamlit as st

from db import access, clock
from db.engine import database_url, make_engine
from db.errors import XiaoAnError, user_message
from db.settings import get_settings
from db.sql import query

Rows = list[dict[str, Any]]
T = TypeVar("T")
TTL_S = get_settings().cache_ttl_s
TOKEN_KEY = "xiaoan_token"  # the signed-in user's token in the Streamlit session
# What a page derives from its frames (maps as JSON, tables as shown, headline figures) is cached too, per
# user and selection: a cached function of (reader, selection), called through run(), whose body reads its
# frames `with reading_as(reader)`, so that what it reads is that reader's, the cache's key. At most this many
# selections each.
VIEW_ENTRIES = 32


class Reader(NamedTuple):
    """How a query reaches the database: the low-privilege role's URL and the signed-in user's token.

    Cached results are keyed by it, so one user's answers are never served to another."""

    url: str
    token: str


_reading_as: ContextVar[Reader | None] = ContextVar("xiaoan_reader", default=None)  # see VIEW_ENTRIES


class DataUnavailable(Exception):
    """The database could not answer; the message is fit for a user."""


def _dispose(engine: sa.Engine) -> None:
    """Close the pooled connections of an engine leaving the cache."""
    engine.dispose()


@st.cache_resource(show_spinner=False, on_release=_dispose)
def _engine(url: str) -> sa.Engine:
    """One engine per database URL for the whole server process."""
    return make_engine(url)


@contextmanager
def connect(reader: Reader) -> Iterator[sa.Connection]:
    """A transaction as the low-privilege role, scoped by row-level security to the token's user."""
    with _engine(reader.url).begin() as conn:
        access.set_token(conn, reader.token)
        yield conn


def _read(reader: Reader, name: str, params: dict[str, Any] | None = None) -> Rows:
    """Rows of the named query as dicts."""
    with connect(reader) as conn:
        return [dict(r) for r in conn.execute(query(name), params or {}).mappings()]


@st.cache_data(ttl=TTL_S, show_spinner=False)
def _frame(reader: Reader, name: str, params: dict[str, Any]) -> pd.DataFrame:
    """The named query's rows as a DataFrame, columns kept when it is empty (cached)."""
    with connect(reader) as conn:
        result = conn.execute(query(name), params)
        # as plain tuples: pandas asks each Row for a dtype first, which costs 8 µs a row (0.8 s for 100k rows)
        return pd.DataFrame([tuple(row) for row in result.fetchall()], columns=list(result.keys()))


@st.cache_data(ttl=TTL_S, show_spinner=False)
def _counties(reader: Reader) -> Rows:
    """All counties with outline GeoJSON and label point (cached)."""
    return _read(reader, "county_map")


def reader() -> Reader:
    """The current session's way to the database (within reading_as: the reader given there)."""
    return _reading_as.get() or Reader(access.web_url(database_url()), str(st.session_state.get(TOKEN_KEY) or ""))


@contextmanager
def reading_as(given: Reader) -> Iterator[None]:
    """Every read within goes through the given reader (a cached view's key), whatever the session holds."""
    token = _reading_as.set(given)
    try:
        yield
    finally:
        _reading_as.reset(token)


def run(fn: Callable[..., T], *args: Any) -> T:
    """Call fn(reader, *args); a database or configuration failure becomes DataUnavailable."""
    try:
        return fn(reader(), *args)
    except (sa.exc.SQLAlchemyError, XiaoAnError, OSError) as exc:  # ValueError stays a bug
        raise DataUnavailable(failure(exc)) from exc


def frame(name: str, **params: Any) -> pd.DataFrame:
    """A dash_*.sql query (values bound) as a cached DataFrame."""
    return run(_frame, name, params)


def counties() -> Rows:
    """Counties for the basemap and the filter."""
    return run(_counties)


def schools(selected: Sequence[str]) -> pd.DataFrame:
    """Schools in the selected counties (all when the selection is empty), one cached frame per selection."""
    return frame("school_map", all_counties=not selected, counties=sorted(selected))


def latest_day() -> dt.date:
    """The last day with presence, hazards or activities (not after today): where the default period ends."""
    found = frame("dash_latest_day", today=clock.today())
    value = found["latest"].iloc[0] if len(found) else None
    return value if isinstance(value, dt.date) else clock.today()


def data_as_of() -> dt.datetime | None:
    """When a load last stored rows (None before any)."""
    found = frame("brief_data_as_of")
    value = found["as_of"].iloc[0] if len(found) else None
    return None if value is None or pd.isna(value) else pd.Timestamp(value).to_pydatetime()


def web_engine() -> sa.Engine:
    """The low-privilege role's engine, for signing in (shared, one per URL)."""
    try:
        return _engine(access.web_url(database_url()))
    except (sa.exc.SQLAlchemyError, XiaoAnError, OSError) as exc:
        raise DataUnavailable(failure(exc)) from exc


def owner_engine() -> sa.Engine:
    """The owner's engine, for the ETL's loads only (the pages read through the low-privilege role)."""
    try:
        return _engine(database_url())
    except (sa.exc.SQLAlchemyError, XiaoAnError, OSError) as exc:
        raise DataUnavailable(failure(exc)) from exc


def failure(exc: BaseException) -> str:
    """The one-line user message of a failure."""
    return user_message(exc).splitlines()[0]


FAILURES = (sa.exc.SQLAlchemyError, XiaoAnError, OSError, ValueError)
