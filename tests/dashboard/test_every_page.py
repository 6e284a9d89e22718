"""What every page file must do: be tested, survive a database that is down, honour the basemap setting."""

from __future__ import annotations

import socket
from pathlib import Path
from types import SimpleNamespace

import pytest

from dashboard.frame import nav
from dashboard.reads import geography
from db.settings import get_settings
from tests.dashboard import fixture_data as fx
from tests.dashboard.apptest import VIEWS, decks, run_page

PAGES = [file.removesuffix(".py") for _, file in nav.PAGES]
TESTS = Path(__file__).resolve().parent


def test_every_view_is_routed_and_has_its_apptest_module() -> None:
    assert sorted(PAGES) == sorted(p.parent.name for p in VIEWS.glob("*/view.py"))
    for page in PAGES:
        name = {"data_admin": "data"}.get(page, page)
        assert (TESTS / f"test_{name}_page.py").is_file(), page


@pytest.mark.parametrize("page", PAGES)
def test_database_down_is_a_message_on_every_page(page: str, monkeypatch: pytest.MonkeyPatch,
                                                  fresh_caches: None) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("XIAOAN_DATABASE_URL", f"postgresql+psycopg://nobody:secret@127.0.0.1:{port}/xiaoan")
    get_settings.cache_clear()
    try:
        at = run_page(page, user=None, raw_token="leader:9999999999:00", lang="en")  # checking it needs the database
    finally:
        get_settings.cache_clear()
    assert not at.exception
    assert at.error and at.error[0].value.startswith("The database cannot be read")
    assert "secret" not in at.error[0].value


@pytest.mark.parametrize("page", ["overview", "gaps", "hotspots", "signs", "school"])
def test_intranet_basemap_style_is_used_when_configured(page: str, field_db: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    style = "http://10.1.2.3/basemap/style.json"
    monkeypatch.setattr(geography, "get_settings", lambda: SimpleNamespace(basemap_style_url=style))
    at = run_page(page, **fx.PERIOD, school="2153330101")
    assert not at.exception
    assert [d["mapStyle"] for d in decks(at)] == [style]


@pytest.mark.parametrize("page", PAGES)
def test_no_school_in_the_selection_is_no_crash(page: str, field_db: str) -> None:
    at = run_page(page, **fx.PERIOD, county="533324", type="特殊教育", school="2153332401")
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error


@pytest.mark.parametrize("page", PAGES)
def test_counties_only_is_no_crash(page: str, use_db: str, seed, fresh_caches: None) -> None:  # noqa: ANN001
    seed([])
    at = run_page(page, lang="en")
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error
