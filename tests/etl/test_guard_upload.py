"""Uploads through the data page (views/data_admin/upload.py): a zipped shapefile loads; refusals said in Chinese."""

import io
import zipfile

import pytest
import sqlalchemy as sa

from dashboard.views.data_admin import upload
from db.errors import RefusedFile
from db.settings import get_settings
from etl.datasets import DATASETS
from etl.runner import load_file
from tests.conftest import COUNTIES, FIXTURES
from texts import translator

FIELD = FIXTURES / "field"


@pytest.fixture
def counties(engine, tmp_path, monkeypatch):
    monkeypatch.setattr(upload, "rejects_dir", lambda: tmp_path / "rejects")
    assert load_file(engine, DATASETS["counties"], COUNTIES).status == "loaded"
    return engine


def zipped(members):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return out.getvalue()


def runs(engine):
    with engine.connect() as conn:
        return conn.execute(sa.text("SELECT file_name, status FROM etl_run WHERE dataset <> 'counties'")).all()


def test_a_zipped_shapefile_loads_like_its_parts(counties):
    data = zipped([(f"道路/{p.name}", p.read_bytes()) for p in sorted(FIELD.glob("roads_gbk.*"))])
    done = upload.load_upload(counties, "roads", [("道路.zip", data)])
    assert (done.refused, done.result.status, done.result.rows_loaded) == (None, "loaded", 2)
    assert runs(counties) == [("roads_gbk.shp", "loaded")]


def test_a_hostile_zip_is_a_failed_run_with_the_reason_in_chinese(counties):
    done = upload.load_upload(counties, "roads", [("roads.zip", zipped([("../../x.shp", b"x")]))])
    assert done.result.status == "failed" and done.refused.code == "archive_path"
    assert upload.refusal(done.refused, translator("zh")) == (
        "压缩包 roads\\.zip 中的 \\.\\./\\.\\./x\\.shp 指向压缩包以外的位置。")
    assert runs(counties) == [("roads.zip", "failed")]


def test_content_not_matching_the_extension_is_said_in_chinese(counties):
    done = upload.load_upload(counties, "units", [("units.csv", b"\x89PNG\r\n\x1a\n" + bytes(40))])
    assert done.result.status == "failed" and done.result.rows_loaded == 0
    said = upload.refusal(done.refused, translator("zh"))
    assert said.startswith("units\\.csv 的内容是PNG 图片，但扩展名为 \\.csv 的文件应是")
    assert "纯文本（UTF-8 或 GB18030）" in said
    assert upload.refusal(done.refused, translator("en")).startswith("units\\.csv holds a PNG image")


def test_an_upload_over_the_limit_is_refused_before_anything_is_written(counties, monkeypatch):
    monkeypatch.setenv("XIAOAN_UPLOAD_MAX_MB", "1")
    get_settings.cache_clear()
    try:
        with pytest.raises(RefusedFile) as caught:
            upload.load_upload(counties, "units", [("units.csv", b"a" * ((1 << 20) + 1))])
    finally:
        get_settings.cache_clear()
    assert upload.refusal(caught.value, translator("zh")) == "units\\.csv 大小为 1\\.0 MB，超过上传上限 1 MB。"
    assert runs(counties) == []
