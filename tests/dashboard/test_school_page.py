"""The school page: search, facts and four-100% flags, officers with masked phones, presence, hazards, signs."""

from __future__ import annotations

import sqlalchemy as sa

from dashboard.analysis import fmt
from tests.dashboard import fixture_data as fx
from tests.dashboard.apptest import chart_data, clean, deck, layer, metric, run_page, table
from tests.dashboard.conftest import add_schools

XSS = "<img src=x onerror=alert(1)>"


def school(code: str, user: str = "leader", **params: str | list[str]):  # noqa: ANN201
    """The school page of one school for the fixture period P."""
    return run_page("school", user=user, **{**fx.PERIOD, "school": code, **params})


def everything_shown(at) -> str:  # noqa: ANN001
    """Every value the page shows, as one text."""
    parts = [str(getattr(e, "value", "")) for e in at.main] + [at.dataframe[i].value.to_csv()
                                                               for i in range(len(at.dataframe))]
    return "\n".join(parts + [c.proto.json for c in at.get("deck_gl_json_chart")])


def test_a_school_with_everything(field_db: str) -> None:
    at = school("2153330101", user="lushui")  # a county planner: phones masked
    clean(at)
    assert at.header[0].value == "六库镇中心小学"
    assert metric(at, "类型") == "小学" and metric(at, "在校学生") == "900"
    assert [metric(at, k) for k in ("专职保安员", "封闭化管理", "一键报警/视频联网", "护学岗")] == ["是"] * 4
    assert any(m.value == "2025-03-16 有有效挂钩民警。" for m in at.markdown)
    officers = table(at, 0)
    assert officers[["姓名", "警号", "所属单位", "电话", "当前有效"]].values.tolist() == [
        ["张警官", "O1", "六库派出所", "139****5554", "是"]]
    assert fx.PHONE not in everything_shown(at)
    assert any(m.value == "见警率 100.0%（30/30 个高峰时段）" for m in at.markdown)
    assert len(chart_data(at)) == 30
    assert table(at, 1)[["编号", "状态"]].values.tolist() == [["H1", "逾期未整改"], ["H2", "已整改"]]
    assert table(at, 2)[["标志种类", "调查状态"]].values.tolist() == [
        ["注意儿童/学校区域", "损坏"], ["减速带", "未设置/未调查"], ["限速30", "完好"]]
    spec = deck(at)
    assert len(layer(spec, "schools")["data"]) == 1 and len(layer(spec, "hazards")["data"]) == 2
    assert {p["title"] for p in layer(spec, "signs")["data"]} == {"限速30 · T1", "注意儿童/学校区域 · T2"}
    assert spec["initialViewState"]["zoom"] == 14.5


def test_leaders_and_administrators_see_phones_in_full(field_db: str) -> None:
    for user in ("leader", "admin"):
        assert table(school("2153330101", user=user), 0)["电话"].tolist() == [fx.PHONE]
    assert table(school("2153330101", user="clerk_lushui"), 0)["电话"].tolist() == ["139****5554"]


def test_a_planner_cannot_open_a_school_of_another_county(field_db: str) -> None:
    at = school("2153332301", user="lushui")  # 福贡县第一中学, asked for by a 泸水市 planner
    shown = everything_shown(at)
    assert "福贡县第一中学" not in shown and "李警官" not in shown


def test_liaison_states_and_late_signs(field_db: str) -> None:
    assert any(m.value == "2025-03-16 没有有效挂钩民警：挂钩已到期。" for m in school("2153330102").markdown)
    assert any(m.value == "2025-03-16 有挂钩民警，但所属单位距离过远。" for m in school("2153332401").markdown)
    at = school("2153332301")
    assert any(w.value == "附近道路施工后未恢复的标志：T3、T4" for w in at.warning)
    assert table(school("2153332502"), 0)["电话"].tolist() == ["—"]
    assert any(i.value.startswith("没有挂钩民警记录") for i in school("2153332302").info)


def test_search_by_name_and_code(field_db: str) -> None:
    at = run_page("school", **fx.PERIOD)
    clean(at)
    assert any(i.value == "请搜索学校，或在任一地图上点击学校。" for i in at.info)
    at.text_input(key="school_search").input("福贡").run()
    options = at.selectbox[0].options
    assert len(options) == 2 and all("福贡县" in o for o in options)
    at.selectbox[0].select("2153332301").run()
    assert at.query_params["school"] in ("2153332301", ["2153332301"])
    assert at.header[0].value == "福贡县第一中学"
    at.text_input(key="school_search").input("2153332501").run()
    assert at.selectbox[0].options[0].endswith("2153332501")
    at.text_input(key="school_search").input("%").run()
    assert any(i.value.startswith("没有找到匹配的学校") for i in at.info)


def test_unknown_or_out_of_scope_school(field_db: str) -> None:
    for at in (school("'; DROP TABLE school; --"), school("2153330101", county="533325")):
        clean(at)
        assert at.warning[0].value.startswith("链接中的学校不存在") and not at.header
        assert "school" not in at.query_params


def test_hostile_name_is_text(field_db: str, engine: sa.Engine) -> None:
    add_schools(engine, [("2153339999", XSS, "小学", "533301", 98.86, 25.86, 10)])
    at = school("2153339999", lang="en")
    clean(at)
    assert at.header[0].value == fmt.md(XSS)
    assert "\\<img" in at.header[0].value
