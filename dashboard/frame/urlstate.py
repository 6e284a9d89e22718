"""Widgets bound to URL query parameters: the URL seeds the widget, the widget writes the URL back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import streamlit as st


def parse_list(values: Iterable[str], valid: Iterable[str]) -> list[str]:
    """Known values from repeated and/or comma-separated parameters, in order, without duplicates."""
    known = {str(v) for v in valid}
    wanted: list[str] = []
    for value in values:
        for part in str(value).split(","):
            item = part.strip()
            if item in known and item not in wanted:
                wanted.append(item)
    return wanted


def encode(value: Any) -> str | list[str]:
    """A widget value as URL text: dates as ISO, lists item by item."""
    if isinstance(value, list | tuple):
        return [str(encode(v)) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def seed(widget_key: str, url_value: Any) -> None:
    """Give the widget the URL's value when the URL changed outside it (first load, pasted link)."""
    seen = f"_url_{widget_key}"
    if widget_key not in st.session_state or st.session_state.get(seen) != url_value:
        st.session_state[widget_key] = url_value
        st.session_state[seen] = url_value


def write(param: str, widget_key: str, empty: Any) -> None:
    """Callback: put the widget's new value into the URL (removed when it is the default)."""
    value = st.session_state[widget_key]
    st.session_state[f"_url_{widget_key}"] = value
    if value == empty or value is None:
        st.query_params.pop(param, None)
    else:
        st.query_params[param] = encode(value)


def _normalise(param: str, raw: list[str], kept: list[str]) -> None:
    """Drop unknown values from the URL so that it shows what is applied."""
    if raw and raw != kept:
        if kept:
            st.query_params[param] = kept
        else:
            st.query_params.pop(param, None)


def multi(container: Any, label: str, param: str, options: Sequence[str], key: str,
          format_func: Callable[[str], str] = str, **kwargs: Any) -> list[str]:
    """A multiselect bound to a repeated parameter; unknown values are ignored and dropped."""
    raw = st.query_params.get_all(param)
    chosen = parse_list(raw, options)
    _normalise(param, raw, chosen)
    seed(key, chosen)
    picked = container.multiselect(label, list(options), key=key, format_func=format_func,
                                   on_change=write, args=(param, key, []), **kwargs)
    return [p for p in picked if p in options]


def one(container: Any, label: str, param: str, options: Sequence[str], key: str, default: str,
        format_func: Callable[[str], str] = str, radio: bool = False, **kwargs: Any) -> str:
    """A selectbox (or radio) bound to one parameter; an unknown value falls back to default."""
    raw = st.query_params.get(param)
    value = raw if raw in options else default
    if raw is not None and raw not in options:
        st.query_params.pop(param, None)
    seed(key, value)
    widget = container.radio if radio else container.selectbox
    picked = widget(label, list(options), key=key, format_func=format_func, on_change=write,
                    args=(param, key, default), **kwargs)
    return picked if picked in options else default


def day(container: Any, label: str, param: str, key: str, default: dt.date, lo: dt.date, hi: dt.date,
        **kwargs: Any) -> dt.date:
    """A date input bound to one parameter; a value outside lo…hi (or no date) falls back to default."""
    try:
        value = dt.date.fromisoformat(str(st.query_params.get(param, "")))
    except ValueError:
        value = default
    if not lo <= value <= hi:
        value = default
        st.query_params.pop(param, None)
    seed(key, value)
    picked = container.date_input(label, key=key, min_value=lo, max_value=hi, format="YYYY-MM-DD",
                                  on_change=write, args=(param, key, default), **kwargs)
    return picked if isinstance(picked, dt.date) and lo <= picked <= hi else value
