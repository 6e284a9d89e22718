"""Every crash the reader fuzzing found, with its minimal input: now rows or a domain error, never a traceback."""

import shutil

import pytest

from db.errors import UnreadableFile
from etl.readers.tabular import read_table
from etl.readers.vector import read_vector
from etl.tracks.gpx.read import read_gpx
from tests.conftest import FIXTURES

FIELD = FIXTURES / "field"
GPX = b'<gpx><trk><trkseg><trkpt lat="26.45" lon="99.42"/></trkseg></trk></gpx>'


def shapefile(tmp_path, stem, **replaced):
    """A copy of a fixture shapefile with some parts (by suffix, without the dot) replaced."""
    for part in FIELD.glob(f"{stem}.*"):
        shutil.copy(part, tmp_path / f"s{part.suffix}")
    for suffix, content in replaced.items():
        (tmp_path / f"s.{suffix}").write_bytes(content)
    return tmp_path / "s.shp"


def test_csv_with_a_lone_carriage_return_and_nul(tmp_path):
    """Crash 1: csv.Error 'new-line character seen in unquoted field' escaped read_table."""
    path = tmp_path / "t.csv"
    path.write_bytes(b"\r\x00")
    table = read_table(path)
    assert (table.header, table.rows) == (["\x00"], [])


def test_csv_with_a_field_over_the_csv_size_limit(tmp_path):
    """Found beside crash 1: the same csv.Error path, for a field of more than 131,072 characters."""
    path = tmp_path / "t.csv"
    path.write_bytes(b"a,b\n1," + b"x" * 200_000 + b"\n")
    with pytest.raises(UnreadableFile, match="not readable CSV at line 2"):
        read_table(path)


def test_dbf_header_longer_than_the_file(tmp_path):
    """Crash 2: IndexError in the .dbf encoding sniff when the header claims more bytes than there are."""
    dbf = (FIELD / "roads_gbk.dbf").read_bytes()[:40]
    got = read_vector(shapefile(tmp_path, "roads_gbk", dbf=dbf))
    assert (got.fields, len(got.features)) == ([], 2)  # GDAL keeps the geometries; the loader reports columns


def test_cpg_holding_a_nul(tmp_path):
    """Crash 3: ValueError 'embedded null character' from codecs.lookup on the .cpg's text."""
    got = read_vector(shapefile(tmp_path, "roads_utf8", cpg=b"\x00"))
    assert got.encoding == "UTF-8" and len(got.features) == 7


def test_prj_that_is_not_utf8(tmp_path):
    """Crash 4: pyogrio raised UnboundLocalError (after its own UnicodeDecodeError) for a .prj with byte 0x80."""
    prj = b'PROJCS["\x80GCS2000"' + (FIELD / "roads_gbk.prj").read_bytes()[14:]
    with pytest.raises(UnreadableFile, match="not a readable Shapefile"):
        read_vector(shapefile(tmp_path, "roads_gbk", prj=prj))


@pytest.mark.parametrize("fast", [True, False])
def test_gpx_tag_name_that_is_not_utf8(tmp_path, fast):
    """Crash 5: the fast GPX scanner decoded a tag name b"'\\x80" and raised UnicodeDecodeError; lxml now decides."""
    path = tmp_path / "t.gpx"
    path.write_bytes(b"<'\x80>" + GPX)
    with pytest.raises(UnreadableFile, match="not readable GPX"):
        list(read_gpx(path, fast=fast))
