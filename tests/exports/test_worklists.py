"""Work lists (.xlsx): the expected rows of the fixture prefecture, a sheet per county, no phone unmasked."""

import datetime as dt
import io
import zipfile

import openpyxl
import pytest

from dashboard.exports.worklists import write_worklist
from tests.exports import fixture as fx
from tests.exports.conftest import UNMASKED


def book(conn, kind, counties=None):
    out = io.BytesIO()
    rows = write_worklist(conn, kind, counties, fx.P_FROM, fx.P_TO, out)
    return rows, out.getvalue(), openpyxl.load_workbook(io.BytesIO(out.getvalue()))


def values(sheet, columns):
    header = [c.value for c in sheet[1]]
    return [[row[header.index(c)] for c in columns] for row in sheet.iter_rows(min_row=2, values_only=True)]


def no_unmasked_phone(data: bytes) -> None:
    archive = zipfile.ZipFile(io.BytesIO(data))
    xml = "\n".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml"))
    assert not UNMASKED.search(xml)


def test_signs_missing_and_not_reinstalled_by_school_and_road(conn):
    rows, data, wb = book(conn, "signs")
    assert rows == 3 and wb.sheetnames == ["交通标志", "说明"]
    finished = dt.datetime(2025, 2, 20)
    assert values(wb["交通标志"], ["县（市）", "学校", "道路", "标志种类", "问题", "标志编号", "完工"]) == [
        ["泸水市", "六库镇团结小学", "团结路", "减速带", "缺失", "T9", None],
        ["福贡县", "福贡县第一中学", "上帕大街", "限速30", "道路施工后未恢复", "T3", finished],
        ["福贡县", "福贡县第一中学", "上帕大街", "注意儿童/学校区域", "道路施工后未恢复", "T4", finished]]
    about = dict(wb["说明"].iter_rows(values_only=True))
    assert about["清单"] == "怒江州校园周边交通标志缺失及施工后未恢复清单" and about["行数"] == 3
    no_unmasked_phone(data)


def test_gap_schools_by_county_with_masked_liaison_phones(conn):
    rows, data, wb = book(conn, "gaps")
    assert rows == 3 and wb.sheetnames == ["汇总", "泸水市", "福贡县", "说明"]
    assert values(wb["泸水市"], ["学校", "缺口", "原因", "挂钩到期日", "见警时段数"]) == [
        ["鲁掌镇完小", "无挂钩民警", "挂钩已到期", dt.datetime(2025, 3, 5), 0],
        ["泸水市第一幼儿园", "无挂钩民警", "从未挂钩", None, 10]]
    assert values(wb["福贡县"], ["学校", "缺口", "挂钩民警及电话", "高峰时段数", "见警率"]) == [
        ["福贡县上帕小学", "高峰无见警", "王警官 139****4321（上帕派出所）", 30, 0]]
    assert values(wb["汇总"], ["县（市）", "无挂钩民警", "高峰无见警", "学校数"]) == [
        ["泸水市", 2, 0, 2], ["福贡县", 0, 1, 1], ["贡山独龙族怒族自治县", 0, 0, 0], ["兰坪白族普米族自治县", 0, 0, 0]]
    assert wb["泸水市"].freeze_panes == "A2" and wb["泸水市"]["E1"].font.bold
    no_unmasked_phone(data)


def test_overdue_hazards_whenever_found_with_masked_numbers_in_free_text(conn):
    rows, data, wb = book(conn, "hazards")
    assert rows == 2
    assert values(wb["逾期隐患"], ["编号", "说明", "整改期限", "逾期天数", "状态", "挂钩民警及电话"]) == [
        ["H7", "家长反映，联系电话137****1234", dt.datetime(2025, 3, 1), 15, "限期整改中", None],
        ["H3", "摄像头损坏", dt.datetime(2025, 3, 10), 6, "未整改", "李警官 138****1111（六库派出所）"]]
    no_unmasked_phone(data)


def test_a_county_work_list_and_english_headers(conn):
    out = io.BytesIO()
    assert write_worklist(conn, "hazards", ["533323"], fx.P_FROM, fx.P_TO, out, lang="en") == 0
    sheet = openpyxl.load_workbook(io.BytesIO(out.getvalue()))["Overdue hazards"]
    assert [c.value for c in sheet[1]][:3] == ["County", "ID", "Kind"] and sheet.max_row == 1


def test_unknown_work_list_is_an_error(conn):
    with pytest.raises(ValueError, match="unknown work list"):
        write_worklist(conn, "weather", None, fx.P_FROM, fx.P_TO, io.BytesIO())
