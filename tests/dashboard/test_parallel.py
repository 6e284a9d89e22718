"""Reads warmed side by side land in the caches the view then reads, as the view's own reader; failures surface."""

import threading

import pytest
import streamlit as st

from dashboard.reads import core, parallel

READER = core.Reader("postgresql+psycopg://nobody@127.0.0.1:1/none", "a-token")
seen: list[tuple[int, str, object]] = []


@st.cache_data(show_spinner=False)
def doubled(x: int) -> int:
    seen.append((x, threading.current_thread().name, core.reader()))
    return 2 * x


def test_warmed_reads_run_on_other_threads_as_the_reader_and_fill_the_cache():
    seen.clear()
    doubled.clear()
    with core.reading_as(READER):
        parallel.warm([lambda: doubled(1), lambda: doubled(2), lambda: doubled(3)])
        assert sorted(x for x, _, _ in seen) == [1, 2, 3]
        assert all(reader == READER for _, _, reader in seen)
        assert threading.current_thread().name not in {name for _, name, _ in seen}
        assert [doubled(x) for x in (1, 2, 3)] == [2, 4, 6] and len(seen) == 3  # cached: not computed again


def test_the_first_failure_is_raised_to_the_view():
    def broken() -> None:
        raise core.DataUnavailable("数据库不可用")

    with pytest.raises(core.DataUnavailable, match="数据库不可用"):
        parallel.warm([lambda: None, broken])
