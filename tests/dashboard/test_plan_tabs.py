"""The plan page's sizing (车辆测算) and weekly rota (一周轮巡) tabs, on the hand-made county of tests/patrol/town.py.

The county's answers are worked out by hand in tests/patrol/test_sizing.py and test_rota.py: with a 12-minute
dwell one vehicle at A covers three gates and the post, three vehicles cover all seven reachable schools; with
18 minutes and the holidays of test_rota the week from 2027-01-09 has three school days.
"""

from __future__ import annotations

import datetime as dt
import io
import json

import openpyxl
import pytest
import sqlalchemy as sa
from streamlit import dataframe_util

from dashboard.exports import week_cards
from db.settings import get_settings
from patrol.inputs import Scope
from patrol.sizing import sizing
from tests.dashboard.apptest import chart_data, clean, run_page, table
from tests.patrol import town
from tests.patrol.test_rota import DAYS, FIRST, HOLIDAYS
from tests.users import add_users

DAY = dt.date(2026, 12, 8)  # a Tuesday in term (tests/patrol/test_sizing.py)


@pytest.fixture
def town_db(use_db: str, engine: sa.Engine, tmp_path, monkeypatch: pytest.MonkeyPatch, fresh_caches: None) -> str:
    """The hand-made county with the rota's holidays and the test users, its morning window 07:30–08:10."""
    monkeypatch.setenv("XIAOAN_PEAK_WINDOWS", json.dumps({"morning": ["07:30", "08:10"]}))
    get_settings.cache_clear()
    town.build(engine, tmp_path, HOLIDAYS)
    add_users(engine)
    monkeypatch.setattr("dashboard.views.plan.rota_data.WEEK_TIME_S", 1.0)
    return use_db


def scoped(at, day: dt.date, dwell: int):
    at.date_input(key="plan_date").set_value(day).run()
    at.number_input(key="plan_dwell").set_value(dwell).run()
    return at


def test_the_sizing_tab_runs_on_the_button_and_says_what_sizing_says(town_db: str, engine: sa.Engine) -> None:
    at = scoped(run_page("plan", user="lushui"), DAY, 12)
    clean(at)
    assert [t.label for t in at.tabs] == ["巡逻方案", "执行情况", "车辆测算", "一周轮巡"]
    assert not at.get("vega_lite_chart")  # nothing sized before the button (it takes up to a minute)
    assert any(i.value == "点击“开始测算”查看结果。" for i in at.info)
    at.button(key="sizing_run").click().run()
    clean(at)
    with engine.connect() as conn:
        (found,) = sizing(conn, Scope(DAY, "morning", ("533301",), 12), get_settings())
    assert (found.vehicles, found.covered, found.reachable, found.vehicles_needed) == (1, 4, 7, 3)  # by hand
    more, gain = found.vehicles_needed - found.vehicles, found.reachable - found.covered
    assert f"泸水市：再增加 {more} 辆车，可多覆盖 {gain} 所学校。" in [m.value.strip("*") for m in at.markdown]
    summary = table(at, 0)
    assert summary.iloc[0].to_dict() == {"县（市）": "泸水市", "学校": 9, "可达": 7, "现有车辆": 1, "现可覆盖": 4,
                                         "全覆盖所需车辆": 3}
    curve = chart_data(at, 0)  # the line's data: one point per step of the curve
    assert list(zip(curve["vehicles"], curve["covered"], strict=True)) == [(s.vehicles, s.covered)
                                                                          for s in found.curve]
    layers = [dataframe_util.convert_arrow_bytes_to_pandas_df(d.data.data).to_dict("records")
              for d in at.get("vega_lite_chart")[0].proto.datasets]
    assert [{"reachable": 7, "said": "可达学校 7 所"}] in layers  # the rule at reachable
    assert [{"vehicles": 1, "covered": 4, "said": "现有车辆"}] in layers  # the marker at today's vehicles
    assert any("新增车辆建议驻点（测算第 2–3 辆）：单位3、单位1" in c.value for c in at.caption)
    beyond = table(at, 2)
    assert dict(zip(beyond["学校"], beyond["原因"], strict=True)) == {"远山小学": "路程太远", "无路小学": "无路可达"}
    at.number_input(key="plan_dwell").set_value(12).run()  # another run keeps the answer (cached, remembered)
    assert f"泸水市：再增加 {more} 辆车，可多覆盖 {gain} 所学校。" in [m.value.strip("*") for m in at.markdown]


def test_a_clerk_sees_the_week_but_cannot_make_one(town_db: str) -> None:
    at = run_page("plan", user="clerk_lushui")
    at.date_input(key="week_from").set_value(FIRST).run()
    clean(at)
    assert "week_run" not in {b.key for b in at.button}
    assert any("只有规划员、领导和管理员可以生成轮巡方案。" in c.value for c in at.caption)
    assert any(i.value == f"{FIRST.isoformat()} 起尚无该时段的一周轮巡方案。" for i in at.info)


def test_a_leader_makes_a_week_and_sees_the_grid_and_the_cards(town_db: str, engine: sa.Engine,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    written: list[bytes] = []

    def write_xlsx(week, out, lang="zh"):
        week_cards_write(week, out, lang)
        written.append(out.getvalue())

    week_cards_write = week_cards.write_xlsx
    monkeypatch.setattr(week_cards, "write_xlsx", write_xlsx)
    at = run_page("plan", user="leader")
    at.number_input(key="plan_dwell").set_value(18).run()
    at.date_input(key="week_from").set_value(FIRST).run()
    at.button(key="week_run").click().run()
    clean(at)
    assert any(s.value.startswith("已生成 3 个上学日的轮巡方案") for s in at.success)
    with engine.connect() as conn:
        made = conn.execute(sa.text("SELECT made_by, service_date FROM patrol_plan ORDER BY service_date")).all()
    assert made == [("leader", d) for d in DAYS]
    assert any(s.value == "本周 3 个上学日共覆盖 5 所不同学校（可达 5 所）。" for s in at.subheader)
    days = next(t.value for t in at.dataframe if "方案编号" in t.value.columns)
    assert list(days["日期"]) == [d.isoformat() for d in DAYS] and list(days["覆盖学校"]) == [3, 3, 3]
    grid = next(t.value for t in at.dataframe if list(t.value.columns) == ["学校", *(d.isoformat() for d in DAYS)])
    rows = {r[0]: tuple(r[1:]) for r in grid.itertuples(index=False)}
    assert rows["甲三小"] == ("车辆不足", "云Q0001警", "车辆不足") and rows["岗亭小学"] == ("护学岗",) * 3
    assert "week_xlsx" in {b.key for b in at.get("download_button")}
    (cards,) = written  # the workbook the page offers, made once and cached
    book = openpyxl.load_workbook(io.BytesIO(cards))
    assert list(book["学校×日期"].values)[0] == ("学校", *(d.isoformat() for d in DAYS))
    assert len(list(book["一周各车路线"].values)) == 1 + 6
