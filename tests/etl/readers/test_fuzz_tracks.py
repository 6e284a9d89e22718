"""Fuzzing the track readers (GPX, track CSV) and the point checks after them, fast and row-by-row paths alike."""

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.report import Report
from etl.tracks.csv.read import read_track_csv
from etl.tracks.gpx.read import read_gpx
from etl.tracks.points import Retry
from tests.etl.readers.test_fuzz_readers import FUZZ, memory_stays_bounded, mutated, outcome  # noqa: F401
from tests.etl.tracks.conftest import HEADER, TRACKS, checker


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz_tracks")

GPX_SEEDS = [(TRACKS / n).read_bytes() for n in ("patrol_gpx10.gpx", "patrol_gpx11.gpx")]
CSV_SEEDS = [(TRACKS / "patrol_gbk.csv").read_bytes(),
             (HEADER + "云Q·J1234,2024-03-05 07:30:00,98.8571,25.8512,32.5,90\n"
              "云Q·J1234,2024-03-05T07:30:30+08:00,98.8580,25.8515,28,\n"
              '"云Q·J1234",1709595060,98.859,25.8519,,85\n').encode()]
PIECES = ["<gpx>", "</gpx>", "<trk>", "</trk>", "<trkseg>", "</trkseg>", '<trkpt lat="26.45" lon="99.42">',
          "</trkpt>", "<trkpt/>", "<time>2024-03-05T07:30:00Z</time>", "<name>车</name>", "<speed>NaN</speed>",
          "<![CDATA[x]]>", "<!-- c -->", "&amp;", "&x;", '<?xml version="1.0" encoding="GBK"?>', "<extensions>",
          "</extensions>", " ", "\n", "lat", "=", '"', "'"]


def consume(batches) -> int:
    """Every batch checked as a load checks it (no database): the number of good points."""
    check = checker(Report("t"))
    return sum(len(check.check_arrays(batch)) for batch in batches)


def both_ways(read) -> None:
    """The fast path, and the row path when the fast one gives up (as the loader does)."""
    with contextlib.suppress(Retry):
        consume(read(True))
    consume(read(False))


@FUZZ
@given(data=mutated(GPX_SEEDS) | st.lists(st.sampled_from(PIECES), max_size=40).map(lambda p: "".join(p).encode())
       | st.binary(max_size=1024))
def test_gpx_reader(fuzz_dir, data):
    path = fuzz_dir / "t.gpx"
    path.write_bytes(data)
    assert outcome(lambda: both_ways(lambda fast: read_gpx(path, fast=fast, batch_size=3))) in {"parsed", "rejected"}


@FUZZ
@given(data=mutated(CSV_SEEDS) | st.binary(max_size=1024)
       | st.lists(st.sampled_from(list(',"\r\n 0123456789.-:T云Q·') + ["vehicle", "time", "lon", "lat", "经度"]),
                  max_size=100).map(lambda t: (HEADER + "".join(t)).encode()))
def test_track_csv_reader(fuzz_dir, data):
    path = fuzz_dir / "t.csv"
    path.write_bytes(data)
    assert outcome(lambda: both_ways(lambda fast: read_track_csv(path, fast=fast, batch_size=3))) in {
        "parsed", "rejected"}
