"""What the dashboard reads: cached engine, cached queries, errors turned into user text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import pandas as pd
import sqlalchemy as sa
import streamlit as st

from db.engine import database_url, make_engine
from db.errors import XiaoAnError, user_message
from db.settings import get_settings
from db.sql import query

Rows = list[dict[str, Any]]
T = TypeVar("T")
TTL_S = get_settings().cache_ttl_s


class DataUnavailable(Exception):
    """The database could not answer; the message is fit for a user."""


def _dispose(engine: sa.Engine) -> None:
    """Close the pooled connections of an engine leaving the cache."""
    engine.dispose()


@st.cache_resource(show_spinner=False, on_release=_dispose)
def _engine(url: str) -> sa.Engine:
    """One engine per database URL for the whole server process."""
    return make_engine(url)


def engine(url: str) -> sa.Engine:
    """The cached engine of a database URL."""
    return _engine(url)


def _read(url: str, name: str, params: dict[str, Any] | None = None) -> Rows:
    """Rows of the named query as dicts."""
    with _engine(url).connect() as conn:
        return [dict(r) for r in conn.execute(query(name), params or {}).mappings()]


@st.cache_data(ttl=TTL_S, show_spinner=False)
def _frame(url: str, name: str, params: dict[str, Any]) -> pd.DataFrame:
    """The named query's rows as a DataFrame, columns kept when it is empty (cached)."""
    with _engine(url).connect() as conn:
        result = conn.execute(query(name), params)
        return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


@st.cache_data(ttl=TTL_S, show_spinner=False)
def _counties(url: str) -> Rows:
    """All counties with outline GeoJSON and label point (cached per URL)."""
    return _read(url, "county_map")


@st.cache_data(ttl=TTL_S, show_spinner=False)
def _schools(url: str, counties: tuple[str, ...]) -> Rows:
    """Schools of the given counties, or of all counties when none is given (cached)."""
    return _read(url, "school_map", {"all_counties": not counties, "counties": list(counties)})


def run(fn: Callable[..., T], *args: Any) -> T:
    """Call fn(url, *args); a database or configuration failure becomes DataUnavailable."""
    try:
        return fn(database_url(), *args)
    except (sa.exc.SQLAlchemyError, XiaoAnError, OSError) as exc:  # ValueError stays a bug
        raise DataUnavailable(failure(exc)) from exc


def frame(name: str, **params: Any) -> pd.DataFrame:
    """A dash_*.sql query (values bound) as a cached DataFrame."""
    return run(_frame, name, params)


def counties() -> Rows:
    """Counties for the basemap and the filter."""
    return run(_counties)


def schools(selected: Sequence[str]) -> Rows:
    """Schools in the selected counties (all when the selection is empty)."""
    return run(_schools, tuple(sorted(selected)))


def latest_day() -> dt.date:
    """The last day with presence, hazards or activities (not after today): where the default period ends."""
    found = frame("dash_latest_day", today=dt.date.today())
    value = found["latest"].iloc[0] if len(found) else None
    return value if isinstance(value, dt.date) else dt.date.today()


def data_as_of() -> dt.datetime | None:
    """When a load last stored rows (None before any)."""
    found = frame("brief_data_as_of")
    value = found["as_of"].iloc[0] if len(found) else None
    return None if value is None or pd.isna(value) else value.to_pydatetime() if hasattr(value, "to_pydatetime") \
        else value


def current_engine() -> sa.Engine:
    """The cached engine of the database in use (for the ETL's loads)."""
    return run(_engine)


def failure(exc: BaseException) -> str:
    """The one-line user message of a failure."""
    return user_message(exc).splitlines()[0]


FAILURES = (sa.exc.SQLAlchemyError, XiaoAnError, OSError, ValueError)
