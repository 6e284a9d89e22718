"""Files checked before reading: content against extension, workbook bombs, zipped shapefiles, upload size."""

import random
import shutil
import stat
import struct
import zipfile

import pytest
import sqlalchemy as sa

from db.errors import RefusedFile
from db.settings import get_settings
from etl import guard
from etl.datasets import DATASETS
from etl.runner import load_file
from etl.sniff import sniff
from tests.conftest import COUNTIES, FIXTURES

FIELD = FIXTURES / "field"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


@pytest.fixture
def one_mb(monkeypatch):
    """An upload limit of 1 MB."""
    monkeypatch.setenv("XIAOAN_UPLOAD_MAX_MB", "1")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def zipped(path, members, compression=zipfile.ZIP_DEFLATED):
    """A ZIP of (name or ZipInfo, bytes) members."""
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return path


def refused(path, code):
    with pytest.raises(RefusedFile) as caught:
        guard.check(path) if path.suffix != ".zip" else guard.unpack_shapefile(path, path.parent)
    assert caught.value.code == code, caught.value
    return caught.value


@pytest.mark.parametrize(("name", "kind"), [
    ("hazards.xlsx", "xlsx"), ("officers_gbk.csv", "text"), ("roads.geojson", "json"), ("roads_gbk.shp", "shp"),
    ("roads_gbk.shx", "shp"), ("roads_gbk.dbf", "dbf"), ("roads_gbk.prj", "text"),
    ("../tracks/patrol_gpx11.gpx", "xml"), ("../schools_mixed_gb18030.csv", "text")])
def test_real_files_are_what_their_extension_says(name, kind):
    assert sniff(FIELD / name) == kind
    guard.check(FIELD / name)


@pytest.mark.parametrize(("name", "content", "found"), [
    ("units.csv", PNG, "a PNG image"),
    ("units.csv", (FIELD / "hazards.xlsx").read_bytes(), "an Excel workbook"),
    ("hazards.xlsx", (FIELD / "units.csv").read_bytes(), "plain text"),
    ("hazards.xlsx", b"", "an empty file"),
    ("roads.geojson", b"<?xml version='1.0'?><gpx/>", "XML text"),
    ("t.gpx", b'{"type": "FeatureCollection"}', "JSON text"),
    ("r.shp", b"%PDF-1.4\n", "a PDF document"),
    ("units.csv", b"\x00\x01\x02\xff" * 50, "binary data"),
])
def test_content_not_matching_the_extension_is_refused_saying_both(tmp_path, name, content, found):
    path = tmp_path / name
    path.write_bytes(content)
    error = refused(path, "wrong_type")
    assert found in str(error) and path.suffix in str(error)


def test_a_refused_file_is_a_failed_run_with_a_report_and_nothing_loaded(engine, tmp_path):
    path = tmp_path / "counties.geojson"
    path.write_bytes(PNG)
    result = load_file(engine, DATASETS["counties"], path)
    assert (result.status, result.exit_code) == ("failed", 2) and "PNG image" in result.message
    assert result.report.rejects[0].reason == result.message
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM county")).scalar() == 0
        assert conn.execute(sa.text("SELECT status FROM etl_run")).scalars().all() == ["failed"]
    assert load_file(engine, DATASETS["counties"], COUNTIES).status == "loaded"


def workbook(path, member, data):
    """An .xlsx-shaped archive: content types and one more member."""
    return zipped(path, [("[Content_Types].xml", b"<Types/>"), (member, data)])


def test_workbook_bombs_are_refused_before_calamine_reads_them(tmp_path, one_mb):
    refused(workbook(tmp_path / "bomb.xlsx", "xl/worksheets/sheet1.xml", bytes(5 << 20)), "archive_ratio")
    refused(workbook(tmp_path / "big.xlsx", "xl/a.xml", random.Random(1).randbytes(3 << 19)), "archive_size")
    refused(zipped(tmp_path / "many.xlsx", [("[Content_Types].xml", b"")] + [(f"x{i}", b"") for i in range(1001)]),
            "archive_members")


def test_a_workbook_whose_sizes_lie_is_refused(tmp_path):
    path = workbook(tmp_path / "lie.xlsx", "xl/a.xml", b"<row/>" * 10_000)
    data = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):  # local and central uncompressed size
        at = data.rfind(signature)
        struct.pack_into("<I", data, at + offset, 100)
    path.write_bytes(bytes(data))
    refused(path, "archive_broken")


def shapefile_zip(path, prefix=""):
    """roads_utf8's parts zipped, optionally under a folder."""
    return zipped(path, [(prefix + p.name, p.read_bytes()) for p in sorted(FIELD.glob("roads_utf8.*"))])


def test_a_zipped_shapefile_is_unpacked_flat(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    got = guard.unpack_shapefile(shapefile_zip(tmp_path / "r.zip", "data/"), out)
    assert sorted(p.name for p in got) == sorted(p.name for p in FIELD.glob("roads_utf8.*"))
    assert all((out / p.name).read_bytes() == (FIELD / p.name).read_bytes() for p in got)


def link(name):
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


@pytest.mark.parametrize(("members", "code"), [
    ([("../../evil.shp", b"x")], "archive_path"),
    ([("/etc/evil.shp", b"x")], "archive_path"),
    ([("C:\\evil.shp", b"x")], "archive_path"),
    ([(link("roads.shp"), b"/etc/passwd")], "archive_link"),
    ([(f"r{i}.dbf", b"") for i in range(51)], "archive_members"),
    ([("readme.txt", b"x")], "archive_no_shapefile"),
    ([("a/r.shp", b"x"), ("b/r.shp", b"y")], "archive_no_shapefile"),
])
def test_hostile_archives_are_refused_and_nothing_is_written(tmp_path, members, code):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(RefusedFile) as caught:
        guard.unpack_shapefile(zipped(tmp_path / "x.zip", members), out)
    assert caught.value.code == code
    assert not list(out.iterdir()) and not (tmp_path.parent / "evil.shp").exists()


def test_garbage_called_zip_is_refused(tmp_path):
    path = tmp_path / "x.zip"
    path.write_bytes(b"PK\x03\x04" + bytes(100))
    refused(path, "archive_broken")


def test_uploads_over_the_limit_are_refused_before_anything_is_written(one_mb):
    with pytest.raises(RefusedFile) as caught:
        guard.check_size("big.csv", (1 << 20) + 1)
    assert caught.value.params == {"name": "big.csv", "size_mb": 1.0, "limit_mb": 1}
    guard.check_size("ok.csv", 1 << 20)


def test_a_tracks_csv_still_loads_through_the_guard(engine, tmp_path):
    shutil.copy(FIXTURES / "tracks" / "patrol_gbk.csv", tmp_path / "t.csv")
    assert load_file(engine, DATASETS["counties"], COUNTIES).status == "loaded"
    assert load_file(engine, DATASETS["tracks"], tmp_path / "t.csv").rows_read == 12
