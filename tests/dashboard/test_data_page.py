"""The data page: ETL runs, reject reports, and an upload going through the ETL with the CLI's report."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
import sqlalchemy as sa
import streamlit as st

from dashboard.views.data_admin import upload
from tests.dashboard.apptest import clean, metric, run_page, table

UNITS = ("单位代码,单位名称,单位类型,地址,经度,纬度\n"
         "PS9001,鲁掌派出所,派出所,鲁掌镇,98.781,25.961\n"
         "PS9002,六库西派出所,派出所,六库镇,98.850,25.880\n"
         "PS9003,,派出所,无名,abc,25.0\n").encode()


def submit(at):  # noqa: ANN001, ANN201
    """The upload form's submit button."""
    return next(b for b in at.button if b.label in {"导入", "Load"})


@pytest.fixture
def rejects(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Reject reports go to a temporary folder."""
    folder = tmp_path / "rejects"
    monkeypatch.setattr(upload, "rejects_dir", lambda: folder)
    return folder


def test_runs_and_no_reports(field_db: str, rejects: Path) -> None:
    at = run_page("data_admin")
    clean(at)
    runs = table(at)
    assert runs[["数据集", "文件", "结果", "读取行数", "导入行数", "问题行数", "操作人"]].values.tolist() == [
        ["隐患", "hazards_2025.xlsx", "部分导入", "8", "7", "1", "tester"]]
    assert any(i.value == "还没有问题行报告。" for i in at.info)


def test_upload_loads_through_the_etl(field_db: str, rejects: Path, engine: sa.Engine) -> None:
    at = run_page("data_admin", user="admin")
    at.selectbox(key="upload_dataset").select("units")
    at.file_uploader[0].set_value(("../../etc/units 新.csv", UNITS, "text/csv"))
    submit(at).click().run()
    clean(at)
    assert any(m.value == "导入结果：部分导入" for m in at.markdown)
    assert [metric(at, k) for k in ("读取行数", "导入行数", "问题行数", "新增")] == ["3", "2", "1", "2"]
    problems = table(at, 0)
    assert set(problems["行号"]) == {"4"} and "单位名称" in set(problems["列"]) | set(problems["原因"])
    assert at.get("download_button"), "the reject report can be downloaded"
    saved = list(rejects.glob("*.rejects.csv"))
    assert [re.sub(r"^run\d{6}-", "", p.name) for p in saved] == ["units_新.rejects.csv"]
    assert saved[0].read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM, as the CLI writes it
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM police_unit WHERE unit_code LIKE 'PS900%'")).scalar() == 2
        last = conn.execute(sa.text("SELECT file_name FROM etl_run ORDER BY id DESC LIMIT 1")).scalar()
    assert last == "units_新.csv"
    assert any(s.value.startswith("已导入") for s in at.success)
    assert table(at, 1)["文件"].tolist()[0] == "units_新.csv", "the new run is listed"
    again = run_page("data_admin")
    assert again.selectbox(key="report_pick").options == [saved[0].name]


def test_dry_run_changes_nothing(field_db: str, rejects: Path, engine: sa.Engine) -> None:
    at = run_page("data_admin", user="admin", lang="en")
    at.selectbox(key="upload_dataset").select("units")
    at.file_uploader[0].set_value(("units.csv", UNITS, "text/csv"))
    at.checkbox[0].check()
    submit(at).click().run()
    clean(at)
    assert any(m.value == "Result: Validated only" for m in at.markdown)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM police_unit WHERE unit_code LIKE 'PS900%'")).scalar() == 0


def test_unreadable_file_is_reported(field_db: str, rejects: Path) -> None:
    at = run_page("data_admin", user="admin")
    at.selectbox(key="upload_dataset").select("schools")
    at.file_uploader[0].set_value(("schools.xlsx", b"not a workbook", "application/octet-stream"))
    submit(at).click().run()
    clean(at)
    assert any(m.value == "导入结果：失败" for m in at.markdown)
    assert metric(at, "导入行数") == "0"


def test_safe_names() -> None:
    assert upload.safe_name("../../etc/passwd") == "passwd"
    assert upload.safe_name("C:\\Users\\x\\学校 名单.xlsx") == "学校_名单.xlsx"
    assert upload.safe_name("..") == "upload"


def test_a_clerk_loads_rows_of_their_county_only(field_db: str, rejects: Path, engine: sa.Engine) -> None:
    mixed = UNITS.splitlines()[:3] + ["PS9004,上帕东派出所,派出所,上帕镇,98.868,26.903".encode()]
    at = run_page("data_admin", user="clerk_lushui")
    assert any("泸水市" in c.value for c in at.caption)
    at.selectbox(key="upload_dataset").select("units")
    at.file_uploader[0].set_value(("units.csv", b"\n".join(mixed) + b"\n", "text/csv"))
    submit(at).click().run()
    assert any(m.value == "导入结果：失败" for m in at.markdown)
    assert any("行数据不在您可以导入的县（市）" in c.value and "533323" in c.value for c in at.caption)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM police_unit WHERE unit_code LIKE 'PS900%'")).scalar() == 0
    at.file_uploader[0].set_value(("units.csv", b"\n".join(mixed[:3]) + b"\n", "text/csv"))
    submit(at).click().run()
    assert any(m.value == "导入结果：已导入" for m in at.markdown)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM police_unit WHERE unit_code LIKE 'PS900%'")).scalar() == 2
        who = conn.execute(sa.text("SELECT user_name, action FROM audit_log WHERE action = 'load' ORDER BY id"))
        assert [tuple(r) for r in who] == [("clerk_lushui", "load")] * 2


def test_a_clerk_cannot_load_prefecture_wide_datasets(field_db: str, rejects: Path) -> None:
    at = run_page("data_admin", user="clerk_lushui")
    at.selectbox(key="upload_dataset").select("signs")
    at.file_uploader[0].set_value(("signs.csv", b"a,b\n1,2\n", "text/csv"))
    submit(at).click().run()
    assert any(m.value == "导入结果：失败" for m in at.markdown)
    assert any("只有管理员可以导入" in c.value for c in at.caption)


def test_injection_strings_in_upload_fields_are_only_text(field_db: str, rejects: Path, engine: sa.Engine) -> None:
    evil = "x'); DROP TABLE school; --"
    rows = UNITS.splitlines()[:1] + [f"PS9005,{evil},派出所,\"'; DELETE FROM hazard; --\",98.781,25.961".encode()]
    with engine.connect() as conn:
        before = [conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar() for t in ("school", "hazard")]
    at = run_page("data_admin", user="admin")
    at.selectbox(key="upload_dataset").select("units")
    at.file_uploader[0].set_value((f"{evil}.csv", b"\n".join(rows) + b"\n", "text/csv"))
    submit(at).click().run()
    assert not at.exception and any(m.value == "导入结果：已导入" for m in at.markdown)
    with engine.connect() as conn:
        assert [conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar() for t in ("school", "hazard")] == before
        assert conn.execute(sa.text("SELECT name FROM police_unit WHERE unit_code = 'PS9005'")).scalar() == evil
        assert conn.execute(sa.text("SELECT file_name FROM etl_run ORDER BY id DESC LIMIT 1")).scalar() == (
            upload.safe_name(f"{evil}.csv"))



@pytest.fixture
def offered(monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """The bytes each download button of the page offers, by key."""
    seen: dict[str, bytes] = {}
    original = st.download_button

    def spy(label, data, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        seen[kwargs.get("key", label)] = data
        return original(label, data, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", spy)
    return seen


def reasons_of(report: bytes) -> list[str]:
    """The reason column of a reject report (CSV, UTF-8 with a BOM)."""
    assert report.startswith(b"\xef\xbb\xbf")
    return [row["reason"] for row in csv.DictReader(io.StringIO(report.decode("utf-8-sig")))]


def test_problems_and_reports_are_in_chinese_and_in_english_with_lang_en(
        field_db: str, rejects: Path, offered: dict[str, bytes]) -> None:
    english = ["required value missing: name", "wrong type: expected a decimal number such as 98.857"]
    chinese = ["缺少必填值：name（此项不能为空）", "格式错误：应为数字（可带小数），如 98.857"]
    at = run_page("data_admin", user="admin")
    at.selectbox(key="upload_dataset").select("units")
    at.file_uploader[0].set_value(("units.csv", UNITS, "text/csv"))
    submit(at).click().run()
    clean(at)
    problems = table(at, 0)
    assert problems["原因"].tolist() == chinese and problems["值"].tolist() == ["", "abc"]
    assert reasons_of(offered["upload_report"]) == chinese, "the report downloaded after the upload"
    saved = next(rejects.glob("*.rejects.csv"))
    assert reasons_of(saved.read_bytes()) == english, "the file on disk stays as the CLI writes it"
    again = run_page("data_admin", user="admin")
    clean(again)
    assert reasons_of(offered["report_download"]) == chinese, "a listed report is downloaded in Chinese"
    assert reasons_of(saved.read_bytes()) == english

    at = run_page("data_admin", user="admin", lang="en")
    at.selectbox(key="upload_dataset").select("units")
    at.file_uploader[0].set_value(("units.csv", UNITS, "text/csv"))
    at.checkbox[0].check()
    submit(at).click().run()
    clean(at)
    assert table(at, 0)["Reason"].tolist() == english
    assert reasons_of(offered["upload_report"]) == english
    assert reasons_of(offered["report_download"]) == english
