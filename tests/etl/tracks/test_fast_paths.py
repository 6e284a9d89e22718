"""The fast paths give what the row-by-row paths give: CSV blocks vs the csv module, vectorised checks vs the
row checks, the numpy GPX scanner vs lxml, fixed-layout times vs the time parser (no database)."""

import datetime as dt
import tempfile
from dataclasses import astuple
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.tracks.columns import times
from etl.tracks.csv import blocks as csv_blocks
from etl.tracks.csv.read import read_track_csv
from etl.tracks.gpx import scan as gpx_scan
from etl.tracks.gpx.read import read_gpx
from etl.tracks.points import PointBatch, RawColumns, Retry
from etl.tracks.times import TimeParser
from tests.etl.tracks.conftest import checker

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                            HealthCheck.function_scoped_fixture])
digits = st.text("0123456789", min_size=1, max_size=3)
stamp = st.datetimes(dt.datetime(1999, 1, 1), dt.datetime(2025, 1, 1)).map(lambda d: d.replace(microsecond=0))
times_text = st.one_of(
    stamp.map(str), stamp.map(lambda d: d.strftime("%Y/%m/%d %H:%M:%S")), stamp.map(lambda d: d.isoformat() + "Z"),
    stamp.map(lambda d: d.isoformat() + "+08:00"), stamp.map(lambda d: d.isoformat() + "-03:30"),
    st.builds(lambda a, b, c: f"20{a:0>2}-{b:0>2}-{c:0>2} 2{a[:1]}:{b[:1]}9:6{c[:1]}", digits, digits, digits),
    st.builds(lambda y, m, d, s: f"{y}-{m}-{d}{s}07:30:00", st.sampled_from(["2024", "0000", "2023"]),
              st.sampled_from(["02", "13", "00", "2"]), st.sampled_from(["29", "30", "31", "00"]),
              st.sampled_from([" ", "T", "t", "_"])),
    st.text("0123456789-/: TZ+", max_size=26))
number_text = st.one_of(st.floats(allow_nan=True).map(str), st.floats(98.6, 99.5).map(lambda f: f"{f:.6f}"),
                        st.floats(25.6, 28.5).map(str), st.integers(-5, 400).map(str), st.just(""),
                        st.text("0123456789+-.eE inf", max_size=8))
vehicle_text = st.one_of(st.sampled_from(["云Q·00001", "怒江巡逻002", " A1 ", "", "x" * 41, "a\x00b"]),
                         st.text(max_size=6))
raw_points = st.lists(st.tuples(vehicle_text, times_text, number_text, number_text, number_text, number_text),
                      max_size=30)


def columns(points: list[tuple]) -> RawColumns:
    """Raw points as the CSV reader's columns (UTF-8, unstripped)."""
    cells = list(zip(*points, strict=True)) if points else [[]] * 6
    arrays = [pa.array([c.encode() for c in column], pa.binary()) for column in cells]
    return RawColumns(np.arange(2, len(points) + 2), *arrays, encoding="utf-8")


@SETTINGS
@given(raw_points, st.sampled_from([1.0, 3.6]))
def test_vectorised_checks_agree_with_the_row_checks(points, scale):
    fast, slow = checker(), checker()
    quick = fast.check(PointBatch(columns=columns(points), speed_scale=scale))
    rows = [(n, *(c.strip() for c in p)) for n, p in enumerate(points, start=2)]
    careful = slow.check(PointBatch(points=rows, speed_scale=scale))
    assert sorted(quick) == sorted(careful)
    assert sorted(map(astuple, fast.report.rejects)) == sorted(map(astuple, slow.report.rejects))


@SETTINGS
@given(st.lists(times_text, max_size=40), st.sampled_from(["Asia/Shanghai", "UTC"]))
def test_fixed_layout_times_are_read_as_the_time_parser_reads_them(texts, zone):
    from zoneinfo import ZoneInfo
    parser = TimeParser(ZoneInfo(zone))
    us, ok = times(pa.array([t.encode() for t in texts], pa.binary()), parser.offset)
    for text, value, good in zip(texts, us.tolist(), ok.tolist(), strict=True):
        if good:
            assert dt.datetime(1970, 1, 1) + dt.timedelta(microseconds=value) == parser(text), text


cell = st.one_of(vehicle_text, times_text, number_text, st.sampled_from(['"a,b"', '"x""y"', "  ", "\r"]))
records = st.lists(st.lists(cell, min_size=0, max_size=8), max_size=25)


@SETTINGS
@given(rows=records, encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]),
       newline=st.sampled_from(["\n", "\r\n"]), block=st.integers(16, 300))
def test_csv_blocks_read_what_the_csv_module_reads(rows, encoding, newline, block, monkeypatch):
    monkeypatch.setattr(csv_blocks, "BLOCK", block)
    text = "车辆,时间,经度,纬度,速度,方向" + newline + "".join(",".join(r) + newline for r in rows)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.csv"
        path.write_bytes(text.encode(encoding, errors="replace"))
        fast = [(sorted(p for b in batches for p in b.raw_points()), sorted(q for b in batches for q in b.problems))
                for batches in [list(read_track_csv(path, fast=True))]]
        slow = [(sorted(p for b in batches for p in b.raw_points()), sorted(q for b in batches for q in b.problems))
                for batches in [list(read_track_csv(path, fast=False))]]
    assert fast == slow


def test_a_quote_late_in_the_file_hands_the_rest_to_the_csv_module(tmp_path, monkeypatch):
    monkeypatch.setattr(csv_blocks, "BLOCK", 64)
    lines = [f"A{i},2024-03-05 07:{i:02d}:00,98.85,25.85" for i in range(20)] + ['"B,1",2024-03-05 08:00:00,1,2']
    path = tmp_path / "t.csv"
    path.write_text("vehicle,time,lon,lat\n" + "\n".join(lines) + "\n\nA9,x,1,2", encoding="utf-8")
    batches = list(read_track_csv(path))
    assert any(b.columns is not None for b in batches) and any(b.points for b in batches)
    got = sorted(p for b in batches for p in b.raw_points())
    assert got == sorted(p for b in read_track_csv(path, fast=False) for p in b.raw_points())
    assert got[-1] == (24, "A9", "x", "1", "2", "", "") and got[-2][1] == "B,1"


def gpx_document(tracks, version, layout):
    """GPX text: tracks of (name or None, name position, segments of points)."""
    ns = f"http://www.topografix.com/GPX/1/{version}"
    out = [f'<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.{version}" xmlns="{ns}" '
           'xmlns:x="http://example.com/x">\n<metadata><name>meta</name><time>2024-01-01T00:00:00Z</time></metadata>\n'
           '<wpt lat="1" lon="2"><name>wpt</name><time>2024-01-01T00:00:00Z</time></wpt>\n']
    for name, late, segments in tracks:
        head = f"<name>{name}</name>" if name is not None else ""
        out.append(f"<trk>{'' if late else head}")
        for segment in segments:
            out.append("<trkseg>")
            for time, lon, lat, speed, how in segment:
                attrs = f'lat="{lat}" lon="{lon}"' if layout == "lat" else f"lon='{lon}'  lat='{lat}'"
                body = {"plain": f"<ele>1</ele><time>{time}</time><speed>{speed}</speed>",
                        "ext": f"<time>{time}</time><extensions><x:T><x:speed>{speed}</x:speed><x:course>9"
                               f"</x:course></x:T></extensions>",
                        "empty": "<time/><name>pt</name>", "none": ""}[how]
                out.append(f"<trkpt {attrs}/>" if how == "none" else f"<trkpt {attrs}>\n  {body}\n</trkpt>\n")
            out.append("</trkseg>\n")
        out.append(f"{head if late else ''}</trk>\n")
    out.append('<rte><name>r</name><rtept lat="1" lon="2"><time>x</time></rtept></rte></gpx>\n')
    return "".join(out)


xml_safe = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="<>&\"'"), max_size=10)
point = st.tuples(st.one_of(times_text, xml_safe), st.one_of(number_text, xml_safe).filter(lambda s: "'" not in s),
                  number_text.filter(lambda s: "'" not in s), number_text, st.sampled_from(["plain", "ext", "empty",
                                                                                            "none"]))
gpx_tracks = st.lists(st.tuples(st.one_of(st.none(), xml_safe), st.booleans(),
                                st.lists(st.lists(point, max_size=6), max_size=3)), min_size=1, max_size=3)


@SETTINGS
@given(tracks=gpx_tracks, version=st.sampled_from(["0", "1"]), layout=st.sampled_from(["lat", "lon"]),
       block=st.integers(40, 2000), vehicle=st.sampled_from([None, "云Q·X1"]))
def test_the_gpx_scanner_reads_what_lxml_reads(tracks, version, layout, block, vehicle, monkeypatch):
    monkeypatch.setattr(gpx_scan, "BLOCK", block)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.gpx"
        path.write_text(gpx_document(tracks, version, layout), encoding="utf-8")
        try:
            slow = [p for b in read_gpx(path, vehicle, fast=False) for p in b.raw_points()]
        except Exception as exc:  # noqa: BLE001
            with pytest.raises(type(exc)):
                list(gpx_scan.scan_gpx(path, vehicle, 3.6))
            return
        try:
            fast = [p for b in gpx_scan.scan_gpx(path, vehicle, 3.6) for p in b.raw_points()]
        except Retry:  # markup the scanner leaves to lxml ('=' in a value, two blanks…)
            return
    assert fast == slow


@pytest.mark.parametrize("odd", ["<!-- a comment -->", "<![CDATA[x]]>", "&amp;", "<?pi x?>", '<x:trkpt lat="1"/>'])
def test_markup_the_scanner_does_not_read_makes_it_hand_over(tmp_path, monkeypatch, odd):
    monkeypatch.setattr(gpx_scan, "BLOCK", 64)
    points = "".join(f'<trkpt lat="25.85" lon="98.85"><time>2024-03-05T07:{i:02d}:00Z</time></trkpt>' for i in range(9))
    odd = odd if "trkpt" in odd else f"<desc>{odd}</desc>"
    late, early = tmp_path / "late.gpx", tmp_path / "early.gpx"
    late.write_text(f'<gpx xmlns:x="u"><trk><name>A</name><trkseg>{points}{odd}</trkseg></trk></gpx>', "utf-8")
    early.write_text(f'<gpx xmlns:x="u"><trk><name>A</name><trkseg>{odd}{points}</trkseg></trk></gpx>', "utf-8")
    with pytest.raises(Retry):  # found after points were given out: the load starts again with lxml
        list(read_gpx(late))
    for path in (late, early):  # found in the first block: read_gpx turns to lxml itself
        expected = [p for b in read_gpx(path, fast=False) for p in b.raw_points()]
        assert len(expected) == 9 + ("trkpt" in odd)
    assert [p for b in read_gpx(early) for p in b.raw_points()] == expected


def test_the_scanner_keeps_time_zones_and_vehicles_across_blocks(monkeypatch):
    monkeypatch.setattr(gpx_scan, "BLOCK", 50)
    path = Path(__file__).resolve().parent.parent.parent / "fixtures" / "tracks" / "patrol_gpx11.gpx"
    batches = list(gpx_scan.scan_gpx(path, None, 3.6))
    assert len(batches) > 2
    assert [p for b in batches for p in b.raw_points()] == [p for b in read_gpx(path, fast=False)
                                                            for p in b.raw_points()]


@pytest.mark.parametrize("size", [7, 60, 200])
def test_long_values_near_the_end_of_a_block(tmp_path, size):
    path = tmp_path / "t.gpx"
    path.write_text(f'<gpx><trk><trkseg><trkpt lat="1" lon="2"><time>{"x" * size}</time></trkpt><trkpt lat="1" '
                    f'lon="2"><time>y</time></trkpt></trkseg></trk></gpx>', encoding="utf-8")
    assert [p for b in gpx_scan.scan_gpx(path, None, 3.6) for p in b.raw_points()] == \
        [p for b in read_gpx(path, fast=False) for p in b.raw_points()]


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_bytes_not_of_the_encoding_in_a_column_not_loaded_still_make_the_file_unreadable(tmp_path, encoding):
    from db.errors import UnreadableFile
    good = "车辆,时间,经度,纬度,备注\n" + "云Q·1,2024-03-05 07:30:00,98.85,25.85,好\n" * 30_000  # past the sniffing
    path = tmp_path / "t.csv"
    path.write_bytes(good.encode(encoding) + b"A,2024-03-05 07:31:00,98.85,25.85,\xff\xfe\n")
    with pytest.raises(UnreadableFile, match=f"bytes that are not {encoding}"):
        list(read_track_csv(path))


def test_the_inside_grid_agrees_with_geos_everywhere():
    import shapely

    from tests.etl.tracks.conftest import AREA
    rng = np.random.default_rng(3)
    west, south, east, north = AREA.shape.bounds
    lon, lat = rng.uniform(west - 0.1, east + 0.1, 200_000), rng.uniform(south - 0.1, north + 0.1, 200_000)
    edge = shapely.get_coordinates(AREA.shape.boundary.segmentize(0.001))
    jitter = rng.normal(0, 1e-6, edge.shape)
    grid_lines = np.column_stack([west + 0.02 * rng.integers(0, 80, 5000), rng.uniform(south, north, 5000)])
    points = np.vstack([np.column_stack([lon, lat]), edge, edge + jitter, grid_lines, [[np.nan, 1.0], [99.0, np.inf]]])
    x, y = points[:, 0], points[:, 1]
    assert (AREA.inside(x, y) == shapely.contains_xy(AREA.shape, x, y)).all()
