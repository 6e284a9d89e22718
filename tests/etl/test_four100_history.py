"""The four-100% history: a dated row where a school's flags changed, the state on any date, the changes."""

import datetime as dt

import pytest
import sqlalchemy as sa

from db import clock
from db.analytics import reports
from etl.datasets import DATASETS
from etl.runner import load_file
from tests.conftest import COUNTIES, FIXTURES

SPRING = FIXTURES / "four100" / "schools_spring.csv"
AUTUMN = FIXTURES / "four100" / "schools_autumn_gb18030.csv"
LUSHUI, FUGONG = "533301", "533323"
FLAGS = ["full_time_guard", "closed_management", "alarm_video_linked", "guard_post"]
T, F = True, False
MAR, SEP = dt.date(2026, 3, 2), dt.date(2026, 9, 1)
HISTORY = [  # school, checked on, guard, closed, alarm, post
    ("2153010101", MAR, T, T, T, F), ("2153010101", SEP, T, T, T, T),
    ("2153010102", MAR, T, T, F, F), ("2153010102", SEP, F, T, F, F),
    ("2153010103", MAR, T, T, T, T),  # the same flags on 1 September: no second row
    ("2153230101", MAR, F, F, T, F), ("2153230101", SEP, T, T, T, F),
    ("2153230102", MAR, T, T, T, T), ("2153230102", SEP, T, T, F, T),
    ("2153230103", SEP, T, T, T, T)]


@pytest.fixture
def counties(engine):
    assert load_file(engine, DATASETS["counties"], COUNTIES).status == "loaded"
    return engine


@pytest.fixture
def loaded(counties):
    spring, autumn = (load_file(counties, DATASETS["schools"], p) for p in (SPRING, AUTUMN))
    assert (spring.status, spring.inserted, spring.updated) == ("loaded", 5, 0)
    assert (autumn.status, autumn.inserted, autumn.updated) == ("loaded", 1, 4)
    return counties


def history(engine):
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(
            "SELECT school_code, checked_on, full_time_guard, closed_management, alarm_video_linked, guard_post "
            "FROM school_four100 ORDER BY 1, 2"))]


def stored(engine):
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(
            f"SELECT school_code, {', '.join(FLAGS)}, etl_run_id FROM school ORDER BY 1"))]


def state(engine, on):
    with engine.connect() as conn:
        df = reports.four100(conn, as_of=on)
    return [(r["school_code"], r["checked_on"], *(bool(r[f]) for f in [*FLAGS, "all_four"]))
            for r in df.to_dict("records")]


def test_two_loads_give_a_row_per_change_and_the_latest_flags_on_the_school(loaded):
    assert history(loaded) == HISTORY
    assert [s[:5] for s in stored(loaded)] == [("2153010101", T, T, T, T), ("2153010102", F, T, F, F),
                                               ("2153010103", T, T, T, T), ("2153230101", T, T, T, F),
                                               ("2153230102", T, T, F, T), ("2153230103", T, T, T, T)]


def test_the_state_on_each_date_reads_back(loaded):
    assert state(loaded, dt.date(2026, 3, 1)) == [  # before any check: nothing met, no check in effect
        (code, None, F, F, F, F, F) for code in ["2153010101", "2153010102", "2153010103", "2153230101",
                                                 "2153230102", "2153230103"]]
    assert state(loaded, dt.date(2026, 8, 31)) == [
        ("2153010101", MAR, T, T, T, F, F), ("2153010102", MAR, T, T, F, F, F), ("2153010103", MAR, T, T, T, T, T),
        ("2153230101", MAR, F, F, T, F, F), ("2153230102", MAR, T, T, T, T, T), ("2153230103", None, F, F, F, F, F)]
    assert state(loaded, SEP) == [
        ("2153010101", SEP, T, T, T, T, T), ("2153010102", SEP, F, T, F, F, F), ("2153010103", MAR, T, T, T, T, T),
        ("2153230101", SEP, T, T, T, F, F), ("2153230102", SEP, T, T, F, T, F), ("2153230103", SEP, T, T, T, T, T)]


def test_loading_the_same_file_twice_changes_nothing(loaded, tmp_path):
    before, schools = history(loaded), stored(loaded)
    assert load_file(loaded, DATASETS["schools"], AUTUMN).status == "unchanged"
    copy = tmp_path / "autumn_again.csv"  # the same rows in other bytes: read, and still nothing changes
    copy.write_text(AUTUMN.read_bytes().decode("gb18030").replace("\r\n", "\n"), encoding="utf-8-sig")
    again = load_file(loaded, DATASETS["schools"], copy)
    assert (again.rows_read, again.inserted, again.updated) == (6, 0, 0)
    assert (history(loaded), stored(loaded)) == (before, schools)


def test_an_older_check_loaded_later_keeps_the_later_state(loaded, tmp_path):
    older = tmp_path / "spring_again.csv"
    older.write_bytes(SPRING.read_bytes() + b"\n")
    schools = stored(loaded)
    result = load_file(loaded, DATASETS["schools"], older)
    assert (result.inserted, result.updated) == (0, 0)
    assert (history(loaded), stored(loaded)) == (HISTORY, schools)


def test_the_same_flags_without_a_date_add_nothing_and_new_flags_are_dated_today(loaded, tmp_path, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: dt.date(2026, 10, 9))
    rows = AUTUMN.read_bytes().decode("gb18030").splitlines()
    undated = [",".join(r.split(",")[:-1]) for r in rows]
    same = tmp_path / "undated.csv"
    same.write_text("\n".join(undated), encoding="utf-8-sig")
    assert load_file(loaded, DATASETS["schools"], same).updated == 0 and history(loaded) == HISTORY
    changed = tmp_path / "undated_changed.csv"
    lost_post = undated[1].replace(",有,有,有,有", ",有,有,有,无")
    changed.write_text("\n".join([undated[0], lost_post]), encoding="utf-8-sig")
    assert load_file(loaded, DATASETS["schools"], changed).updated == 1
    assert history(loaded)[2] == ("2153010101", dt.date(2026, 10, 9), T, T, T, F)


def test_a_file_without_the_flags_keeps_them_and_their_history(loaded, tmp_path):
    plain = tmp_path / "plain.csv"
    plain.write_text("学校标识码,学校名称,学校类型,经度,纬度\n2153010101,六库镇向阳完全小学,小学,98.857,25.851\n",
                     encoding="utf-8")
    assert load_file(loaded, DATASETS["schools"], plain).updated == 1  # the name changed, not the flags
    assert history(loaded) == HISTORY and stored(loaded)[0][:5] == ("2153010101", T, T, T, T)


def test_a_check_date_that_is_no_date_rejects_the_row(counties, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("学校标识码,学校名称,学校类型,经度,纬度,护学岗,检查日期\n"
                   "2153010101,六库镇向阳小学,小学,98.857,25.851,是,2026-02-30\n", encoding="utf-8")
    result = load_file(counties, DATASETS["schools"], bad)
    assert [(r.row, r.column, r.reason) for r in result.report.rejects] == [
        (2, "检查日期", "wrong type: no such day in the calendar")]
    assert history(counties) == []


def test_a_check_between_two_others_is_added_and_the_load_is_not_unchanged(loaded, tmp_path):
    june = tmp_path / "june.csv"
    june.write_text("学校标识码,学校名称,学校类型,经度,纬度,专职保安员,封闭化管理,一键报警视频联网,护学岗,检查日期\n"
                    "2153010102,六库镇双奎地幼儿园,幼儿园,98.860,25.853,否,是,否,否,2026-06-01\n", encoding="utf-8")
    schools = stored(loaded)
    result = load_file(loaded, DATASETS["schools"], june)
    assert (result.status, result.inserted, result.updated) == ("loaded", 0, 1)  # a new check, the school as it was
    assert history(loaded) == sorted([*HISTORY, ("2153010102", dt.date(2026, 6, 1), F, T, F, F)])
    assert stored(loaded) == schools
