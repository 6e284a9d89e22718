"""Property tests of the readers and validation (no database): no crash, every row loaded or reported."""

import csv
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from db.errors import UnreadableFile
from etl.report import Report
from etl.tracks.csv.read import read_track_csv
from etl.tracks.gpx.read import read_gpx
from tests.etl.tracks.conftest import HEADER, checker

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
xml_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)
times = st.one_of(st.datetimes().map(str), st.datetimes().map(lambda d: d.strftime("%Y/%m/%d %H:%M:%S")),
                  st.datetimes().map(lambda d: d.isoformat() + "Z"), st.just("2024-03-05 07:30:00"),
                  st.text(max_size=8))
coords = st.one_of(st.floats(98.6, 99.3).map(str), st.floats(25.6, 27.8).map(str), st.floats().map(str),
                   st.text(max_size=6))
numbers = st.one_of(st.just(""), st.floats().map(str), st.integers(-5, 400).map(str), st.text(max_size=4))
rows = st.lists(st.tuples(st.one_of(st.just("云Q·00001"), st.text(max_size=45)), times, coords, coords, numbers,
                          numbers), max_size=12)


def outcome(batches, name):
    """Row numbers read, staged and reported, running the real checker over the reader's batches."""
    check = checker(Report(name))
    read, staged = set(), []
    for batch in batches:
        read |= {p[0] for p in batch.raw_points()} | {p[0] for p in batch.problems}
        staged += check.check(batch)
    return read, staged, check.report


def assert_all_accounted_for(read, staged, report):
    good = [r[0] for r in staged]
    assert len(good) == len(set(good))
    assert set(good).isdisjoint(report.rejected_rows)
    assert set(good) | report.rejected_rows == read
    for row in staged:
        assert row[1] and len(row[1]) <= 40 and all(v == v for v in row[3:5])


@SETTINGS
@given(rows, st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
def test_any_csv_rows_are_each_loaded_or_reported(rows, encoding):
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.csv"
        path.write_bytes((HEADER + buffer.getvalue()).encode(encoding))
        read, staged, report = outcome(read_track_csv(path), path.name)
    blank = {n for n, row in enumerate(rows, start=2) if not any(c.strip() for c in row)}
    assert read == set(range(2, len(rows) + 2)) - blank
    assert_all_accounted_for(read, staged, report)
    by_row = {n: row for n, row in enumerate(rows, start=2)}
    assert all(r[1] == by_row[r[0]][0].strip() for r in staged)


@SETTINGS
@given(st.binary(max_size=300), st.sampled_from([b"", HEADER.encode(), "车辆,时间,经度,纬度\n".encode("gbk")]))
def test_arbitrary_bytes_as_csv_never_crash(data, prefix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.csv"
        path.write_bytes(prefix + data)
        try:
            read, staged, report = outcome(read_track_csv(path), path.name)
        except UnreadableFile:
            return
    assert_all_accounted_for(read, staged, report)


def gpx_bytes(tracks, version):
    ns = f"http://www.topografix.com/GPX/1/{version}"
    root = etree.Element(f"{{{ns}}}gpx", version=f"1.{version}")
    for name, segments in tracks:
        trk = etree.SubElement(root, f"{{{ns}}}trk")
        if name is not None:
            etree.SubElement(trk, f"{{{ns}}}name").text = name
        for segment in segments:
            seg = etree.SubElement(trk, f"{{{ns}}}trkseg")
            for time, lon, lat, speed in segment:
                pt = etree.SubElement(seg, f"{{{ns}}}trkpt", lat=lat, lon=lon)
                etree.SubElement(pt, f"{{{ns}}}time").text = time
                if speed:
                    etree.SubElement(pt, f"{{{ns}}}speed").text = speed
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


xml_safe = st.one_of(times, coords, numbers).map(lambda s: "".join(c for c in s if c.isprintable()))
segments = st.lists(st.lists(st.tuples(xml_safe, xml_safe, xml_safe, xml_safe), max_size=5), max_size=3)


@SETTINGS
@given(st.lists(st.tuples(st.one_of(st.none(), xml_text), segments), min_size=1, max_size=3),
       st.sampled_from(["0", "1"]))
def test_any_gpx_points_are_each_loaded_or_reported(tracks, version):
    count = sum(len(s) for _, segs in tracks for s in segs)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.gpx"
        path.write_bytes(gpx_bytes(tracks, version))
        try:
            read, staged, report = outcome(read_gpx(path), path.name)
        except UnreadableFile as exc:
            assert count == 0 and "no track points" in str(exc)
            return
    assert read == set(range(1, count + 1))
    assert_all_accounted_for(read, staged, report)


@SETTINGS
@given(st.binary(max_size=300))
def test_arbitrary_bytes_as_gpx_never_crash(data):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.gpx"
        path.write_bytes(b'<gpx><trk><trkseg><trkpt lat="25.85" lon="98.85">' + data)
        try:
            read, staged, report = outcome(read_gpx(path), path.name)
        except UnreadableFile:
            return
    assert_all_accounted_for(read, staged, report)
