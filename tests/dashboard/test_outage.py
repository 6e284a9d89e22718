"""The dashboard while its database is down: one clear message, no traceback; back without a restart when the
database returns (the throwaway cluster of tests/db/test_faults.py, so no other test loses its database)."""

import pytest
import streamlit as st

from db.engine import make_engine
from db.settings import get_settings
from tests.dashboard.apptest import run_page
from tests.db.test_faults import Throwaway
from tests.users import add_users

PAGES = ["overview", "data_admin"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from db import cluster

    throwaway = Throwaway(tmp_path_factory.mktemp("outage"))
    yield throwaway
    cluster.destroy(throwaway.settings)


@pytest.fixture
def dashboard_db(server, monkeypatch, fresh_caches):
    """The dashboard pointed at a fresh database of the throwaway cluster (counties loaded)."""
    url = server.fresh()
    monkeypatch.setenv("XIAOAN_DATABASE_URL", url)
    get_settings.cache_clear()
    engine = make_engine(url)
    add_users(engine)
    engine.dispose()
    yield server
    server.start()
    get_settings.cache_clear()


@pytest.mark.parametrize("page", PAGES)
def test_database_down_then_back(dashboard_db, page):
    up = run_page(page)
    assert not up.exception and not up.error
    dashboard_db.stop("fast")
    cached = up.run()  # the same session, as a user pressing R: answers cached within the TTL still show
    assert not cached.exception and not cached.error
    st.cache_data.clear()  # the TTL has passed: the page must ask the database
    down = cached.run()
    assert not down.exception, [e.value for e in down.exception]
    assert len(down.error) == 1, "one message, not one per widget"
    assert down.error[0].value.startswith("无法读取数据库，请检查数据库是否已启动、连接设置是否正确。")
    dashboard_db.start()
    back = down.run()
    assert not back.exception and not back.error
    assert back.title[0].value == up.title[0].value
