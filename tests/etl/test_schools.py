"""Loading school lists: every bad row reported, good rows in one transaction, nothing twice."""


import pytest
import sqlalchemy as sa

from etl import runner
from etl.datasets import DATASETS
from etl.demo import SCHOOL_HEADER, write_xlsx
from etl.runner import load_file
from tests.conftest import COUNTIES, FIXTURES

MIXED = FIXTURES / "schools_mixed_gb18030.csv"


@pytest.fixture
def counties(engine):
    assert load_file(engine, DATASETS["counties"], COUNTIES).status == "loaded"
    return engine


def schools(engine):
    with engine.connect() as conn:
        return conn.execute(sa.text("SELECT school_code, name, county_adcode, full_time_guard, "
                                    "ST_AsText(gate_geom) FROM school ORDER BY 1")).all()


def reasons(result):
    return {(r.row, r.reason.split(" (")[0].split(":")[0]) for r in result.report.rejects}


def test_bad_rows_are_reported_and_good_rows_load(counties):
    result = load_file(counties, DATASETS["schools"], MIXED)
    assert reasons(result) == {
        (3, "required value missing"), (4, "point outside the prefecture"),
        (5, "latitude and longitude swapped"), (6, "wrong type"),
        (7, "duplicate key inside the file"), (8, "unknown school type")}
    assert [(r.column, r.value) for r in result.report.rejects if r.row == 6] == [("在校生数", "很多")]
    assert result.status == "partial" and result.exit_code == 1
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (9, 3, 6)
    rows = schools(counties)
    assert [r.school_code for r in rows] == ["2153010001", "2153240008", "2153250009"]
    assert rows[0].county_adcode == "533301" and rows[0][4] == "POINT(98.8574 25.851)"
    assert rows[1][4] == "POINT(98.666 27.741)"  # no gate given: the school point is the gate
    assert rows[2].name == "金顶镇䶮𠮷幼儿园" and rows[2].full_time_guard is True


def test_reject_report_is_a_csv_excel_opens(counties, tmp_path):
    result = load_file(counties, DATASETS["schools"], MIXED)
    path = result.report.write_csv(tmp_path / "rejects.csv")
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "file,row,column,value,reason" and len(lines) == 7
    assert lines[1].startswith("schools_mixed_gb18030.csv,3,学校名称,,required value missing")


def test_the_same_file_twice_changes_nothing(counties):
    load_file(counties, DATASETS["schools"], MIXED)
    before = schools(counties)
    again = load_file(counties, DATASETS["schools"], MIXED)
    assert again.status == "unchanged" and again.exit_code == 0
    assert schools(counties) == before
    with counties.connect() as conn:
        runs = conn.execute(sa.text("SELECT status FROM etl_run WHERE dataset = 'schools' ORDER BY id"))
        assert runs.scalars().all() == ["partial", "unchanged"]


def test_a_corrected_file_upserts(counties, tmp_path):
    load_file(counties, DATASETS["schools"], MIXED)
    text = MIXED.read_bytes().decode("gb18030").replace("茨开镇双河小学", "茨开镇双河完全小学")
    corrected = tmp_path / "schools.csv"
    corrected.write_text(text, encoding="utf-8-sig")
    result = load_file(counties, DATASETS["schools"], corrected)
    assert (result.inserted, result.updated) == (0, 1)
    assert schools(counties)[1].name == "茨开镇双河完全小学"


def test_an_unreadable_file_loads_nothing(counties, tmp_path):
    broken = tmp_path / "学校.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not really a workbook")
    result = load_file(counties, DATASETS["schools"], broken)
    assert result.status == "failed" and result.exit_code == 2
    assert "should be an Excel workbook" in result.report.rejects[0].reason  # the guard refuses it before reading
    assert schools(counties) == []


def test_a_missing_required_column_loads_nothing(counties, tmp_path):
    path = write_xlsx(tmp_path / "s.xlsx", ["学校标识码", "学校名称", "经度", "纬度"],
                      [["2153010001", "六库镇团结小学", 98.8571, 25.8512]], 1)
    result = load_file(counties, DATASETS["schools"], path)
    assert result.exit_code == 2 and "学校类型 (school_type)" in result.message
    assert schools(counties) == []


def test_a_crash_mid_load_leaves_the_database_as_it_was(counties, monkeypatch):
    def crash(*args):
        raise RuntimeError("killed after the upsert")

    monkeypatch.setattr(runner, "finish_run", crash)
    with pytest.raises(RuntimeError):
        load_file(counties, DATASETS["schools"], MIXED)
    assert schools(counties) == []
    with counties.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM etl_run WHERE dataset = 'schools'")).scalar() == 0


def test_xlsx_codes_stay_text_and_dry_run_changes_nothing(counties, tmp_path):
    row = ["0153010001", "六库镇团结小学", "小学", "六库镇", "", 420, 30, 98.8571, 25.8512, "", "", "是", "是",
           "是", "是"]
    path = write_xlsx(tmp_path / "学校名录.xlsx", SCHOOL_HEADER, [row], 3)
    dry = load_file(counties, DATASETS["schools"], path, dry_run=True)
    assert dry.status == "dry_run" and dry.rows_read == 1 and schools(counties) == []
    assert load_file(counties, DATASETS["schools"], path).exit_code == 0
    assert schools(counties)[0].school_code == "0153010001"


def test_loading_schools_before_counties_is_a_clear_error(engine):
    result = load_file(engine, DATASETS["schools"], MIXED)
    assert result.exit_code == 2 and "xiaoan load counties" in result.message


def test_no_rows_left_behind_in_staging(counties):
    load_file(counties, DATASETS["schools"], MIXED)
    with counties.connect() as conn:
        assert not conn.execute(sa.text("SELECT to_regclass('stage_school')")).scalar()
