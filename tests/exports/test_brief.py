"""The brief (.docx): every number from the fixture prefecture, the county tables, four maps, masked phones."""

import datetime as dt
import io
import zipfile

import docx
import pytest

from dashboard.exports.brief import write_brief
from tests.exports import fixture as fx
from tests.exports.conftest import UNMASKED

WORK = ("2025年3月3日至3月16日，全州公安机关共出动警力20人次、车辆8辆次；排查校园内部安全隐患4处，整改2处，"
        "限期整改1处，尚未整改1处；排查整治校园周边治安乱点2处，整治1处，限期整改1处；开展督导检查1次；"
        "开展法制教育2场；组织应急演练1次；发放宣传资料500份，受教育620人次。")
LIAISON = ("截至2025年3月16日，全州共有学校（幼儿园）6所，落实挂钩民警4所，覆盖率66.7%；2所未落实挂钩民警。"
           "时段内上学日高峰时段共180个，有警车到校90个，高峰见警率50.0%；2所学校高峰时段始终无警车到校，"
           "1所见警率低于50%。")
SAFETY = ("“四个100%”全部达标学校4所，达标率66.7%（配备专职保安员6所、封闭化管理5所、一键式紧急报警和视频监控联网"
          "6所、设立护学岗5所）。本期各项达标学校数无增减。校门临路学校3所，必设交通标志齐全2所，缺少必设标志1所；道路施工后未恢复的交通标志"
          "2块。截至2025年3月16日，仍有4处隐患未完成整改，其中2处已逾期，最早一处发现于2025年2月10日。")
ESCALATE = "逾期超过30天、需专报党委、政府的隐患：无。"
WORK_TABLE = [["县（市）", "出动警力（人次）", "出动车辆（辆次）", "督导检查（次）", "法制教育（场）", "应急演练（次）",
               "宣传资料（份）", "受教育（人次）"],
              ["泸水市", "12", "5", "1", "1", "1", "0", "420"], ["福贡县", "8", "3", "0", "1", "0", "500", "200"],
              ["贡山独龙族怒族自治县", "0", "0", "0", "0", "0", "0", "0"],
              ["兰坪白族普米族自治县", "0", "0", "0", "0", "0", "0", "0"],
              ["合计", "20", "8", "1", "2", "1", "500", "620"]]
STATE_TABLE = [["泸水市", "4", "50.0%", "58.3%", "75.0%", "3/1/1", "1/1/0", "2", "1", "0"],
               ["福贡县", "2", "100.0%", "33.3%", "50.0%", "1/1/0", "1/0/1", "0", "0", "2"],
               ["贡山独龙族怒族自治县", "0", "—", "—", "—", "0/0/0", "0/0/0", "0", "0", "0"],
               ["兰坪白族普米族自治县", "0", "—", "—", "—", "0/0/0", "0/0/0", "0", "0", "0"],
               ["合计", "6", "66.7%", "50.0%", "66.7%", "4/2/1", "2/1/1", "2", "1", "2"]]


@pytest.fixture
def brief(conn, tmp_path):
    path = tmp_path / "brief.docx"
    write_brief(conn, None, fx.P_FROM, fx.P_TO, path, dpi=60)
    return path


def texts(document):
    return [p.text for p in document.paragraphs]


def rows(table):
    return [[c.text for c in r.cells] for r in table.rows]


def test_the_sentences_carry_exactly_the_fixture_numbers(brief):
    found = texts(docx.Document(str(brief)))
    assert found[0] == "怒江州校园及周边安全工作情况简报" and found[1] == "（2025年3月3日至3月16日）"
    assert WORK in found and LIAISON in found and SAFETY in found and ESCALATE in found


def test_the_tables_by_county_and_the_four_maps(brief):
    document = docx.Document(str(brief))
    work, state = document.tables
    assert rows(work) == WORK_TABLE
    assert rows(state)[1:] == STATE_TABLE
    assert len(document.inline_shapes) == 4
    pictures = [n for n in zipfile.ZipFile(brief).namelist() if n.startswith("word/media/")]
    assert len(pictures) == 4 and all(zipfile.ZipFile(brief).read(n)[:8] == b"\x89PNG\r\n\x1a\n" for n in pictures)
    captions = [t for t in texts(document) if t.startswith("附图")]
    assert captions == ["附图", "附图1  怒江州学校综合状况分布图", "附图2  怒江州一校一警覆盖缺口分布图",
                        "附图3  怒江州隐患热点分布图", "附图4  怒江州交通标志缺失分布图"]
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == [
        "一、工作开展情况", "二、一校一警落实及校园安全设施情况", "三、各县（市）情况", "四、存在的问题", "附图"]


def test_the_problems_name_the_schools_hazards_and_signs(brief):
    found = "\n".join(texts(docx.Document(str(brief))))
    assert ("2所学校没有有效的挂钩民警：鲁掌镇完小（泸水市，挂钩已到期）、泸水市第一幼儿园（泸水市，从未挂钩）"
            in found)
    assert ("2所学校时段内高峰时段始终无警车到校：鲁掌镇完小、福贡县上帕小学；"
            "1所学校见警率低于50%：泸水市第一幼儿园（33%）" in found)
    assert ("2处隐患已过整改期限仍未整改：泸水市第一幼儿园用电线路老化，限期2025年3月1日，已逾期15天；"
            "六库镇团结小学监控设备故障，限期2025年3月10日，已逾期6天，挂钩民警：李警官 138****1111（六库派出所）。"
            in found)
    assert "1所临路学校缺少必设交通标志：六库镇团结小学（团结路，缺减速带）" in found
    assert "道路施工后未恢复的交通标志2块：上帕大街限速30（T3，施工于2025年2月20日完工）" in found
    assert "数据更新于 2025-03-16 18:00" in found


def test_no_phone_number_is_left_unmasked_anywhere_in_the_document(brief):
    archive = zipfile.ZipFile(brief)
    xml = "\n".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith((".xml", ".rels")))
    assert not UNMASKED.search(xml)
    assert "138****1111" in xml
    for raw in [*fx.PHONES.values(), fx.PARENT_PHONE]:
        assert raw not in xml and raw.replace("-", "").replace(" ", "")[-11:] not in xml


def test_a_county_brief_counts_only_that_county(conn):
    out = io.BytesIO()
    figures = write_brief(conn, ["533323"], fx.P_FROM, fx.P_TO, out, dpi=40)
    document = docx.Document(io.BytesIO(out.getvalue()))
    assert texts(document)[0] == "福贡县校园及周边安全工作情况简报"
    assert ("2025年3月3日至3月16日，福贡县公安机关共出动警力8人次、车辆3辆次；排查校园内部安全隐患1处，整改1处；"
            "排查整治校园周边治安乱点1处，整治0处，限期整改1处；开展法制教育1场；发放宣传资料500份，受教育200人次。"
            in texts(document))
    assert [rows(t)[1:] for t in document.tables] == [[WORK_TABLE[2]], [STATE_TABLE[1]]]
    assert figures["schools"] == 2 and figures["not_reinstalled"] == 2 and figures["overdue_all"] == 0


def test_hazards_overdue_longer_than_the_limit_are_reported_up(conn, monkeypatch):
    from db.settings import get_settings

    monkeypatch.setenv("XIAOAN_ESCALATE_DAYS", "10")
    get_settings.cache_clear()
    try:
        out = io.BytesIO()
        figures = write_brief(conn, None, fx.P_FROM, fx.P_TO, out, dpi=40)
    finally:
        get_settings.cache_clear()
    found = texts(docx.Document(io.BytesIO(out.getvalue())))
    assert "逾期超过10天、需及时专报党委、政府的隐患1处：泸水市第一幼儿园用电线路老化（逾期15天）。" in found
    assert (figures["backlog"], figures["backlog_overdue"], figures["oldest_open"]) == (4, 2, dt.date(2025, 2, 10))
