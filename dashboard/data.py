"""What the dashboard reads: cached engine, cached view queries, errors turned into user text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
import streamlit as st

from db.engine import database_url, make_engine
from db.errors import XiaoAnError, user_message
from db.settings import get_settings
from db.sql import query

Rows = list[dict[str, Any]]
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


def _read(url: str, name: str, params: dict[str, Any] | None = None) -> Rows:
    """Rows of the named query as dicts."""
    with _engine(url).connect() as conn:
        return [dict(r) for r in conn.execute(query(name), params or {}).mappings()]


@st.cache_data(ttl=TTL_S, show_spinner=False)
def _counties(url: str) -> Rows:
    """All counties with outline GeoJSON and label point (cached per URL)."""
    return _read(url, "county_map")


@st.cache_data(ttl=TTL_S, show_spinner=False)
def _schools(url: str, counties: tuple[str, ...]) -> Rows:
    """Schools of the given counties, or of all counties when none is given (cached)."""
    return _read(url, "school_map", {"all_counties": not counties, "counties": list(counties)})


def _guard(fn: Any, *args: Any) -> Rows:
    """Call a query function; a database or configuration failure becomes DataUnavailable."""
    try:
        return fn(database_url(), *args)
    except (sa.exc.SQLAlchemyError, XiaoAnError, OSError) as exc:
        raise DataUnavailable(user_message(exc).splitlines()[0]) from exc


def counties() -> Rows:
    """Counties for the basemap and the filter."""
    return _guard(_counties)


def schools(selected: Sequence[str]) -> Rows:
    """Schools in the selected counties (all when the selection is empty)."""
    return _guard(_schools, tuple(sorted(selected)))
