"""Liaison assignments: known schools and officers only, dates in any common form, periods forward."""

import datetime as dt

from etl.demo import write_xlsx
from tests.etl.field.conftest import FIELD, load, reasons, rows

ASSIGNMENTS = FIELD / "assignments.csv"


def test_good_rows_load_and_bad_rows_are_reported(officers):
    result = load(officers, "assignments", ASSIGNMENTS)
    assert reasons(result) == {(5, "unknown school"), (6, "unknown officer"), (7, "duplicate key inside the file"),
                               (8, "date logic"), (9, "wrong type"), (10, "wrong type")}
    assert rows(officers, "SELECT school_code, badge_no, role, valid_from, valid_to FROM liaison_assignment "
                          "ORDER BY 1, 2, 3") == [
        ("2153010001", "053001", "挂钩民警", dt.date(2021, 5, 31), None),
        ("2153010001", "053002", "护学岗", dt.date(2021, 9, 1), dt.date(2022, 7, 10)),
        ("2153240008", "053001", "挂钩民警", dt.date(2022, 9, 1), None)]  # liaison, Excel serial 44805


def test_date_logic_says_what_was_expected(officers):
    result = load(officers, "assignments", ASSIGNMENTS)
    bad = next(r for r in result.report.rejects if r.row == 8)
    assert (bad.column, bad.value) == ("结束日期", "2022-01-01")
    assert "before valid_from 2022-09-01" in bad.reason and "expected an end date on or after" in bad.reason


def test_one_query_finds_every_reference(officers, monkeypatch):
    from etl import references

    calls = []
    real = references.Context.known
    monkeypatch.setattr(references.Context, "known", lambda self, **kw: calls.append(kw) or real(self, **kw))
    load(officers, "assignments", ASSIGNMENTS)
    assert len(calls) == 1 and calls[0]["schools"] >= {"2153010001", "2153999999"}


def test_xlsx_dates_and_an_ended_assignment_upsert(officers, tmp_path):
    header = ["学校标识码", "警号", "角色", "开始日期", "结束日期"]
    path = write_xlsx(tmp_path / "a.xlsx", header, [["2153010001", "053001", "挂钩民警", dt.datetime(2021, 5, 31),
                                                       None]], 2)
    assert load(officers, "assignments", path).inserted == 1
    path = write_xlsx(tmp_path / "b.xlsx", header, [["2153010001", "053001", "挂钩民警", "2021-05-31",
                                                       dt.datetime(2026, 1, 31)]], 2)
    result = load(officers, "assignments", path)
    assert (result.inserted, result.updated) == (0, 1)
    assert rows(officers, "SELECT valid_to FROM liaison_assignment") == [(dt.date(2026, 1, 31),)]
