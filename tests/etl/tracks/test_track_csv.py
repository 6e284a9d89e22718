"""The track CSV reader: encodings, Chinese and English headers, header mapping, malformed records."""

import pytest

from db.errors import UnreadableFile
from etl.tracks.csv.read import read_track_csv, sniff_encoding
from tests.etl.tracks.conftest import TRACKS, write_csv


def raw_points(path, **kwargs):
    batches = list(read_track_csv(path, **kwargs))
    return [p for b in batches for p in b.raw_points()], [p for b in batches for p in b.problems]


def test_gbk_file_with_chinese_headers():
    path = TRACKS / "patrol_gbk.csv"
    assert sniff_encoding(path) == "gb18030"
    got, problems = raw_points(path)
    assert problems == []
    assert got[0] == (2, "云Q·J1234", "2024-03-05 07:30:00", "98.8571", "25.8512", "32.5", "90")
    assert got[3] == (5, "怒江巡逻002", "2024-03-05 07:31:00", "98.8600", "25.8530", "", "")
    assert [p[0] for p in got] == list(range(2, 14))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
@pytest.mark.parametrize("header", ["车辆,时间,经度,纬度", "终端号,GPS时间,经度,纬度", "vehicle,time,lon,lat",
                                    "车牌号,定位时间,longitude,latitude"])
def test_every_encoding_and_header_spelling(tmp_path, encoding, header):
    path = write_csv(tmp_path / "t.csv", ["云Q·00001,2024-03-05 07:30:00,98.8571,25.8512"], header + "\n", encoding)
    got, _ = raw_points(path)
    assert got == [(2, "云Q·00001", "2024-03-05 07:30:00", "98.8571", "25.8512", "", "")]


def test_non_ascii_far_into_an_ascii_file_decides_the_encoding(tmp_path):
    lines = [f"Q{i:05d},2024-03-05 07:30:00,98.8571,25.8512" for i in range(60_000)] + ["云Q·1,2024-03-05 07:30:00,1,2"]
    path = write_csv(tmp_path / "t.csv", lines, encoding="gb18030")
    assert sniff_encoding(path) == "gb18030"
    got, _ = raw_points(path)
    assert got[-1][1] == "云Q·1" and len(got) == 60_001


def test_header_mapping_blank_lines_short_rows_and_batches(tmp_path):
    path = write_csv(tmp_path / "t.csv", ["", "A1,2024-03-05 07:30:00,98.8,25.8", ",,,", "A1,2024-03-05 07:31:00", ""],
                     header="\n车号,采样时刻,X坐标,Y坐标\n")
    got, _ = raw_points(path, overrides={"车号": "vehicle", "采样时刻": "time", "X坐标": "lon", "Y坐标": "lat"},
                        batch_size=1)
    assert got == [(4, "A1", "2024-03-05 07:30:00", "98.8", "25.8", "", ""),
                   (6, "A1", "2024-03-05 07:31:00", "", "", "", "")]


def test_a_malformed_record_is_a_problem_not_the_end(tmp_path):
    path = write_csv(tmp_path / "t.csv", ["A1,2024-03-05 07:30:00,98.8,25.8", "A1," + "x" * 200_000 + ",1,2",
                                          "A1,2024-03-05 07:31:00,98.8,25.8"])
    got, problems = raw_points(path)
    assert [p[0] for p in got] == [2, 4]
    assert problems[0][0] == 3 and "malformed CSV record" in problems[0][2]


@pytest.mark.parametrize(("content", "message"), [
    (b"", "no header row"),
    (b"vehicle,lon,lat\nA,1,2\n", "required column(s) missing"),
    (b"vehicle,\xff\xff,lon,lat\n", "neither UTF-8 nor GB18030"),
    ("vehicle,time,lon,lat\n云,t,1,2\n".encode() + b"A,t,1,2\n" * 200_000 + b"A,\xff\xff,1,2\n",
     "bytes that are not utf-8"),
])
def test_unreadable_files(tmp_path, content, message):
    path = tmp_path / "t.csv"
    path.write_bytes(content)
    with pytest.raises(UnreadableFile, match=message.replace("(", r"\(").replace(")", r"\)")):
        raw_points(path)


def test_the_progress_bar_is_off_unless_asked_for(tmp_path):
    from etl.tracks.progress import file_progress

    path = write_csv(tmp_path / "t.csv", ["A1,2024-03-05 07:30:00,98.8,25.8"])
    with file_progress(path) as advance:  # stdout is no terminal under pytest
        advance(10)
    with file_progress(path, enabled=True) as advance:
        advance(path.stat().st_size)
