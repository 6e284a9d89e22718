"""The views the pages cache per user and selection (maps as JSON, shown tables, figures): never another user's,
and emptied with the data caches when a load stores new rows."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
import streamlit as st

from dashboard.frame.filters import Filters
from dashboard.maps.layers import MAP_SIZE
from dashboard.reads import core
from dashboard.reads.core import Reader
from dashboard.views.gaps import data as gaps_data
from dashboard.views.overview import data as overview_data
from dashboard.views.signs import data as signs_data
from db import access
from db.engine import database_url
from tests.dashboard import fixture_data as fx
from tests.dashboard.apptest import clean, deck, metric, run_page, signed_in
from tests.dashboard.conftest import add_schools
from tests.dashboard.test_access_pages import OTHER_COUNTIES, shown

PAGES = ["overview", "gaps", "signs"]
EVERY_COUNTY = Filters((), fx.P_FROM, fx.P_TO)
FUGONG_SCHOOL = "2153332301"  # 福贡县第一中学: the leader sees it, lushui (a planner of 533301) does not


def reader_of(user: str) -> Reader:
    """The reader a session signed in as user reads through."""
    return Reader(access.web_url(database_url()), signed_in(user))


@pytest.mark.parametrize("page", PAGES)
def test_a_planner_after_the_leader_sees_only_their_county(field_db: str, page: str) -> None:
    leader = run_page(page, user="leader", **fx.PERIOD)
    clean(leader)
    assert "福贡县第一中学" in shown(leader)
    planner = run_page(page, user="lushui", **fx.PERIOD)  # the leader's views are cached now
    clean(planner)
    text = shown(planner)
    assert not [s for s in OTHER_COUNTIES if s in text]
    again = run_page(page, user="leader", **fx.PERIOD)  # and the planner's too
    clean(again)
    assert shown(again) == shown(leader)


def test_same_selection_different_scopes_different_views(field_db: str) -> None:
    """The same arguments for two users: each view is read through its own user's scope (row-level security)."""
    leader, lushui = reader_of("leader"), reader_of("lushui")
    gap_selection = gaps_data.Selection(EVERY_COUNTY, None, None, fx.P_TO)
    views = {}
    for name, reader in (("leader", leader), ("lushui", lushui), ("leader again", leader)):
        views[name] = (
            overview_data._school_map(reader, EVERY_COUNTY, "status", "zh", MAP_SIZE, None).spec,  # noqa: SLF001
            gaps_data._gap_map(reader, gap_selection, "zh", MAP_SIZE, None).spec,  # noqa: SLF001
            signs_data._view(reader, EVERY_COUNTY, "zh", MAP_SIZE, None).map.spec,  # noqa: SLF001
            overview_data._summary(reader, EVERY_COUNTY).schools,  # noqa: SLF001
            gaps_data._gap_list(reader, gap_selection, "zh").codes)  # noqa: SLF001
    overview, gaps, _, schools, listed = views["lushui"]
    assert FUGONG_SCHOOL in views["leader"][0] and FUGONG_SCHOOL in views["leader"][1]
    assert FUGONG_SCHOOL not in overview and FUGONG_SCHOOL not in gaps
    assert views["leader"][0] != overview and views["leader"][1] != gaps and views["leader"][2] != views["lushui"][2]
    assert schools == 3 and views["leader"][3] == 9
    assert all(code.startswith("215333010") for code in listed)
    assert views["leader again"] == views["leader"]


def test_reading_as_wins_over_the_session(field_db: str) -> None:
    lushui = reader_of("lushui")
    with core.reading_as(lushui):
        assert core.reader() == lushui
        assert set(core.schools(())["county_adcode"]) == {"533301"}


def school_codes(spec: dict) -> set[str]:
    """The school codes on a deck's school layer."""
    return {p["school_code"] for layer in spec["layers"] if layer["id"] == "schools" for p in layer["data"]}


@pytest.mark.parametrize("page", ["overview", "gaps"])
def test_views_follow_a_load(field_db: str, engine: sa.Engine, page: str) -> None:
    at = run_page(page, user="leader", **fx.PERIOD)
    clean(at)
    before = school_codes(deck(at))
    add_schools(engine, [("2153330199", "新建小学", "小学", "533301", 98.86, 25.86, 100)])
    st.cache_data.clear()  # what the data page does after a load
    at.run()
    clean(at)
    assert school_codes(deck(at)) == before | {"2153330199"}
    if page == "overview":
        assert metric(at, "学校总数") == "10"


def test_a_cached_map_is_sent_as_built(field_db: str) -> None:
    """The deck a page sends on a rerun is the cached JSON, with the tooltip every map has."""
    at = run_page("overview", user="leader", **fx.PERIOD)
    first = at.get("deck_gl_json_chart")[0].proto
    at.run()
    again = at.get("deck_gl_json_chart")[0].proto
    assert again.json == first.json and json.loads(again.tooltip)["html"] == "<b>{title}</b><br/>{detail}"


def test_a_gaps_selection_warmed_side_by_side_is_the_view_it_then_reads(field_db: str, monkeypatch) -> None:
    """gaps_data.warm() fills the list, calendar and map caches as the view's reader, with what the view builds."""
    lushui = reader_of("lushui")
    s = gaps_data.Selection(EVERY_COUNTY, ("morning",), None, fx.P_TO)
    st.cache_data.clear()
    with core.reading_as(lushui):
        built = json.loads(gaps_data.gap_map(s, "zh", MAP_SIZE, None).spec)
    st.cache_data.clear()
    with core.reading_as(lushui):
        gaps_data.warm(s, "zh", MAP_SIZE, None)

        def no_read(*args: object) -> None:
            raise AssertionError(f"read after the warm-up: {args[1:]}")

        monkeypatch.setattr(core, "_frame", no_read)
        monkeypatch.setattr(core, "_read", no_read)
        listed = gaps_data.gap_list(s, "zh")
        calendar = gaps_data.calendar(s, listed.codes[:gaps_data.CALENDAR_SCHOOLS])
        warmed = json.loads(gaps_data.gap_map(s, "zh", MAP_SIZE, None).spec)
    assert listed.codes and all(code.startswith("215333010") for code in listed.codes)
    assert set(calendar["school_code"]) <= set(listed.codes) and not calendar.empty
    assert school_codes(warmed) == school_codes(built) and FUGONG_SCHOOL not in school_codes(warmed)
    paths = [sorted(f["properties"]["title"] for f in layer["data"]["features"])
             for spec in (built, warmed) for layer in spec["layers"] if layer["id"] == "patrol-paths"]
    assert len(paths) == 2 and paths[0] == paths[1] and paths[0], "the paths spliced in, the same vehicles"
