"""Small display helpers the pages share: a row of figures, a legend, a text table."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard.maps import legend


@dataclass(frozen=True)
class Card:
    """One headline figure: label, value as shown, change as shown, help, whether a rise is bad."""

    label: str
    value: str
    delta: str | None = None
    help: str | None = None
    rise_is_bad: bool = False


def cards(row: Sequence[Card], per_row: int | None = None) -> None:
    """The figures side by side (per_row at a time when given)."""
    step = per_row or len(row)
    for start in range(0, len(row), step):
        _card_row(row[start:start + step], step)


def _card_row(row: Sequence[Card], width: int) -> None:
    """One row of figures in width equal columns."""
    for column, card in zip(st.columns(width), row, strict=False):
        flat = bool(card.delta) and card.delta.startswith("0")  # "0.0 个百分点" is no change either
        column.metric(card.label, card.value, delta=card.delta, help=card.help,
                      delta_color="off" if flat else "inverse" if card.rise_is_bad else "normal",
                      delta_arrow="off" if flat else "auto")


def legend_box(entries: Iterable[legend.Entry], lang: str, head: str, title: str | None = None) -> None:
    """A legend beside a map: only catalogue labels, colours and counts, all escaped."""
    if title:
        st.markdown(f"**{title}**")
    st.markdown(legend.table(entries, lang, head), unsafe_allow_html=True)


def table(frame: pd.DataFrame, key: str | None = None, height: int | str = "auto") -> None:
    """A text table without the index column."""
    st.dataframe(frame, hide_index=True, width="stretch", key=key, height=height)


def table_or_info(frame: pd.DataFrame, empty: str) -> None:
    """The table, or a message when it has no rows."""
    if frame.empty:
        st.info(empty)
    else:
        table(frame)
