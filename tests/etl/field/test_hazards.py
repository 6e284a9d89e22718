"""Hazards: kinds and statuses in Chinese or English, the status and its dates agree, points placed."""

import datetime as dt

import pandas as pd

from dashboard.exports import findings
from etl.options import LoadOptions
from tests.etl.field.conftest import FIELD, load, reasons, rows

HAZARDS = FIELD / "hazards.xlsx"


def test_good_rows_load_and_bad_rows_are_reported(register):
    result = load(register, "hazards", HAZARDS)
    assert reasons(result) == {
        (5, "date logic"), (6, "date logic"), (7, "point outside the prefecture"),
        (8, "latitude and longitude swapped"), (9, "unknown school"), (10, "wrong type"),
        (11, "required value missing"), (12, "duplicate key inside the file"), (13, "date logic")}
    assert rows(register, "SELECT hazard_id, kind, status, school_code, county_adcode, found_on, deadline, "
                          "rectified_on, ST_AsText(geom), source_crs FROM hazard ORDER BY 1") == [
        ("H001", "campus", "open", "2153010001", "533301", dt.date(2026, 3, 2), None, None,
         "POINT(98.8575 25.8515)", "EPSG:4326"),
        ("H002", "surrounding", "deadline", None, "533301", dt.date(2026, 3, 5), dt.date(2026, 4, 5), None,
         "POINT(98.86 25.853)", "EPSG:4326"),
        ("H003", "surrounding", "rectified", "2153240008", "533324", dt.date(2026, 3, 1), None,
         dt.date(2026, 3, 20), "POINT(98.667 27.742)", "EPSG:4326")]


def test_each_date_problem_says_what_was_expected(register):
    result = load(register, "hazards", HAZARDS)
    by_row = {r.row: r for r in result.report.rejects}
    assert "status 已整改 (rectified) needs a rectified date" in by_row[5].reason
    assert "status 限期整改 (deadline) needs a deadline" in by_row[6].reason
    assert by_row[13].value == "2026-03-01" and "rectified before it was found on 2026-03-10" in by_row[13].reason


def test_a_gcj02_file_is_converted_and_its_crs_recorded(register, tmp_path):
    path = tmp_path / "h.csv"
    path.write_text("hazard_id,kind,category,found_on,status,lon,lat\n"  # GCJ-02 of 98.8575, 25.8515:
                    "H100,campus,围墙,2026-03-02,open,98.857892,25.84816\n", encoding="utf-8")
    assert load(register, "hazards", path, options=LoadOptions(crs="gcj02")).exit_code == 0
    (lon, lat, crs), = rows(register, "SELECT ST_X(geom), ST_Y(geom), source_crs FROM hazard")
    assert crs == "GCJ-02" and abs(lon - 98.8575) < 1e-5 and abs(lat - 25.8515) < 1e-5


def test_a_temporary_measure_is_kept_and_said_in_the_escalation_list(register, tmp_path):
    path = tmp_path / "h.csv"
    path.write_text("编号,类别,隐患类型,发现日期,状态,整改期限,经度,纬度,临时措施\n"
                    "H200,周边,校门口交通秩序混乱,2026-01-05,限期整改,2026-02-01,98.8575,25.8515,上下学时段护学岗值守\n"
                    "H201,校内,围墙,2026-01-06,限期整改,2026-02-01,98.8575,25.8515,\n", encoding="utf-8")
    assert load(register, "hazards", path).exit_code == 0
    assert rows(register, "SELECT hazard_id, temporary_measure FROM hazard ORDER BY 1") == [
        ("H200", "上下学时段护学岗值守"), ("H201", None)]
    assert load(register, "hazards", path).status == "unchanged"
    listed = pd.DataFrame({"col.school": ["", ""], "col.county": ["泸水市", "泸水市"],
                           "col.category": ["校门口交通秩序混乱", "围墙"], "col.days_overdue": [40, 39],
                           "col.temporary_measure": ["上下学时段护学岗值守", ""]})
    assert findings.escalate(listed, 30) == (
        "逾期超过30天、需及时专报党委、政府的隐患2处：泸水市校门口交通秩序混乱（逾期40天，"
        "临时措施：上下学时段护学岗值守）；泸水市围墙（逾期39天）。")
