"""Officers: badge numbers and phones stay text, units by code or name, phones never in a report."""

import sqlalchemy as sa

from etl.demo import write_xlsx
from tests.etl.field.conftest import FIELD, load, reasons, rows

OFFICERS = FIELD / "officers_gbk.csv"


def test_good_rows_load_and_bad_rows_are_reported(register):
    result = load(register, "officers", OFFICERS)
    assert reasons(result) == {(4, "required value missing"), (5, "unknown unit"), (6, "wrong type"),
                               (7, "duplicate key inside the file")}
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (7, 3, 4)
    assert rows(register, "SELECT badge_no, name, unit_code, rank, phone FROM officer ORDER BY 1") == [
        ("053001", "张三", "5333PS001", "社区民警", "13888880001"),
        ("053002", "李四", "5333PS001", "所长", "0886-3622110"),  # unit given by its name
        ("053006", "和七", None, None, None)]


def test_a_phone_number_never_appears_in_the_report(register, tmp_path):
    result = load(register, "officers", OFFICERS)
    text = result.report.write_csv(tmp_path / "r.csv").read_text(encoding="utf-8-sig")
    assert "1388888000" not in text and "3622110" not in text
    bad = next(r for r in result.report.rejects if r.row == 6)
    assert bad.column == "联系电话" and "personal data" in bad.value


def test_english_headers_and_xlsx_keep_leading_zeros(register, tmp_path):
    path = write_xlsx(tmp_path / "officers.xlsx", ["badge_no", "name", "unit_code", "phone"],
                      [["000123", "Li Hua", "5333PS002", "08863622110"]], 4)
    assert load(register, "officers", path).exit_code == 0
    assert rows(register, "SELECT badge_no, unit_code, phone FROM officer") == [
        ("000123", "5333PS002", "08863622110")]


def test_a_unit_name_shared_by_two_units_is_ambiguous(register, tmp_path):
    with register.begin() as conn:
        conn.execute(sa.text("UPDATE police_unit SET name = '城关派出所'"))
    path = tmp_path / "officers.csv"
    path.write_text("警号,姓名,所属单位\n053001,张三,城关派出所\n053002,李四,5333PS002\n", encoding="utf-8")
    result = load(register, "officers", path)
    assert reasons(result) == {(2, "ambiguous unit")}
    assert rows(register, "SELECT badge_no, unit_code FROM officer") == [("053002", "5333PS002")]
