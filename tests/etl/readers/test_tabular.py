"""Reading tables: encodings, Excel cells as text."""

import datetime as dt

import pytest

from db.errors import UnreadableFile
from etl.readers.tabular import cell_text, read_table

HEADER = "学校标识码,学校名称\r\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_csv_in_every_chinese_encoding(tmp_path, encoding):
    path = tmp_path / "s.csv"
    path.write_bytes((HEADER + "0153010001,六库镇团结小学\r\n").encode(encoding))
    table = read_table(path)
    assert table.header == ["学校标识码", "学校名称"]
    assert table.rows == [["0153010001", "六库镇团结小学"]]


def test_characters_outside_gbk_survive_gb18030(tmp_path):
    path = tmp_path / "s.csv"
    path.write_bytes((HEADER + "1,䶮𠮷€\r\n").encode("gb18030"))
    assert read_table(path).rows == [["1", "䶮𠮷€"]]


def test_short_rows_are_padded_and_trailing_blank_rows_dropped(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text(HEADER + "1\r\n,\r\n\r\n", encoding="utf-8")
    assert read_table(path).rows == [["1", ""]]


def test_cells_become_text():
    assert cell_text(2153010001.0) == "2153010001"
    assert cell_text(98.8571) == "98.8571"
    assert cell_text(dt.datetime(2021, 5, 31)) == "2021-05-31"
    assert cell_text(None) == ""


def test_unknown_format_and_missing_file_are_clear(tmp_path):
    with pytest.raises(UnreadableFile, match="unsupported table format"):
        (tmp_path / "a.pdf").write_bytes(b"%PDF")
        read_table(tmp_path / "a.pdf")
    with pytest.raises(UnreadableFile, match="no such file"):
        read_table(tmp_path / "absent.csv")
