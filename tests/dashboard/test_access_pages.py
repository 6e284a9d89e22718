"""Signing in, and what each role sees and may do on every page (row-level security behind the pages)."""

from __future__ import annotations

import io

import openpyxl
import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from dashboard.frame import downloads
from dashboard.reads.core import TOKEN_KEY, Reader
from db import access
from tests.dashboard import fixture_data as fx
from tests.dashboard.apptest import VIEWS, clean, run_page, signed_in
from tests.dashboard.conftest import SCHOOLS

PAGES = ["overview", "gaps", "hotspots", "signs", "work", "school", "data_admin"]
OTHER_COUNTIES = [name for code, name, *_ in SCHOOLS if not code.startswith("215333010")] + [
    code for code, *_ in SCHOOLS if not code.startswith("215333010")] + ["李警官", "王警官", "上帕派出所", "金顶派出所",
                                                                       "上帕大街管网改造", "门卫管理", "网吧"]
INJECTIONS = ["533301' OR '1'='1", "533323; DROP TABLE school; --", "' UNION SELECT name FROM app_user --",
              "<script>alert(1)</script>", "%27%20OR%201%3D1", "\x00"]


def shown(at: AppTest) -> str:
    """Every text, table cell and map datum the page sends."""
    parts = [str(getattr(e, "value", "")) for e in [*at.main, *at.sidebar]]
    parts += [frame.value.to_csv() for frame in at.dataframe]
    parts += [chart.proto.json for chart in at.get("deck_gl_json_chart")]
    parts += [chart.proto.spec for chart in at.get("arrow_vega_lite_chart")] if at.get("arrow_vega_lite_chart") else []
    return "\n".join(parts)


def test_signed_out_is_the_sign_in_form_and_nothing_else(field_db: str) -> None:
    at = run_page("overview", user=None, **fx.PERIOD)
    assert not at.exception
    assert at.title[0].value == "校安图 · 登录" and len(at.text_input) == 2
    assert not at.get("deck_gl_json_chart") and not at.metric and not at.dataframe
    at.text_input[0].input("lushui")
    at.text_input[1].input("wrong password")
    at.button[0].click().run()
    assert at.error[0].value.startswith("用户名或密码不正确") and not at.metric
    at.text_input[1].input("test-password")
    at.button[0].click().run()
    clean(at)
    assert at.metric and at.session_state[TOKEN_KEY].startswith("lushui:")
    assert any("已登录：lushui（县（市）业务人员）" in c.value for c in at.sidebar.caption)


def test_a_name_locked_by_failures_is_told_when_to_try_again(field_db: str) -> None:
    at = run_page("overview", user=None, **fx.PERIOD)
    at.text_input[0].input("lushui")
    for _ in range(5):
        at.text_input[1].input("wrong password")
        at.button[0].click().run()
        assert at.error[0].value.startswith("用户名或密码不正确")
    at.text_input[1].input("test-password")
    at.button[0].click().run()
    assert not at.exception and not at.metric and TOKEN_KEY not in at.session_state
    assert at.error[0].value == "该用户名登录失败次数过多，已暂时锁定，请 15 分钟后再试。"


def test_a_forged_token_is_signed_out(field_db: str) -> None:
    at = run_page("overview", user=None, raw_token="leader:1:9999999999:" + "0" * 64, **fx.PERIOD)
    assert not at.exception and at.title[0].value == "校安图 · 登录" and not at.metric


@pytest.mark.parametrize("page", PAGES)
def test_a_planner_sees_no_row_of_another_county(field_db: str, page: str) -> None:
    params = {**fx.PERIOD, **({"school": "2153332301"} if page == "school" else {})}
    for url in (params, {**params, "county": "533323"}, {**params, "county": ["533301", "533323"]}):
        at = run_page(page, user="lushui", **url)
        assert not at.exception, [e.value for e in at.exception]
        text = shown(at)
        assert not [s for s in OTHER_COUNTIES if s in text], (page, url)
    counties = at.sidebar.multiselect[0]
    assert counties.options == ["泸水市"]


@pytest.mark.parametrize("page", ["overview", "gaps", "hotspots", "signs", "school"])
def test_a_leader_sees_every_county(field_db: str, page: str) -> None:
    at = run_page(page, user="leader", **{**fx.PERIOD, **({"school": "2153332301"} if page == "school" else {})})
    clean(at)
    assert "福贡县第一中学" in shown(at)


@pytest.mark.parametrize("user", ["leader", "lushui"])
def test_viewers_cannot_load(field_db: str, user: str) -> None:
    at = run_page("data_admin", user=user)
    clean(at)
    assert not at.get("file_uploader")
    assert any(i.value.startswith("您的角色不能导入数据") for i in at.info)


@pytest.mark.parametrize("page", ["overview", "gaps", "hotspots", "signs", "school", "work"])
def test_injection_strings_in_every_filter_change_nothing(field_db: str, engine: sa.Engine, page: str) -> None:
    with engine.connect() as conn:
        before = conn.execute(sa.text("SELECT count(*) FROM school")).scalar()
    for bad in INJECTIONS:
        params = {name: bad for name in ("county", "type", "from", "to", "window", "radius", "on", "kind",
                                         "category", "status", "hex", "show", "colour", "school", "q", "lang")}
        at = run_page(page, user="lushui", **params)
        assert not at.exception, (page, bad, [e.value for e in at.exception])
        assert not [s for s in OTHER_COUNTIES if s in shown(at)], (page, bad)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM school")).scalar() == before


def test_exports_are_scoped_and_audited(field_db: str, engine: sa.Engine, db_url: str) -> None:
    reader = Reader(access.web_url(db_url), signed_in("lushui"))
    raw = downloads.worklist_xlsx(reader, "gaps", ("533323",), fx.P_FROM, fx.P_TO, "zh")  # a crafted county
    book = openpyxl.load_workbook(io.BytesIO(raw))
    cells = " ".join(str(c.value) for ws in book for row in ws.iter_rows() for c in row if c.value is not None)
    assert not [s for s in OTHER_COUNTIES if s in cells]
    with engine.connect() as conn:
        last = conn.execute(sa.text("SELECT user_name, action, target FROM audit_log ORDER BY id DESC LIMIT 1")).one()
    assert tuple(last) == ("lushui", "export", "worklist:gaps")


def test_sign_out_forgets_the_token(field_db: str) -> None:
    at = AppTest.from_file(str(VIEWS / "overview" / "view.py"), default_timeout=60)
    at.session_state[TOKEN_KEY] = signed_in("leader")
    at.query_params.update(fx.PERIOD)
    at.run()
    next(b for b in at.sidebar.button if b.label == "退出登录").click().run()
    assert TOKEN_KEY not in at.session_state and at.title[0].value == "校安图 · 登录"
