"""The GPX reader: 1.0 and 1.1, several tracks and segments, the vehicle of each point, what is skipped."""

import pytest

from db.errors import UnreadableFile
from etl.tracks.gpx.read import MPS_TO_KMH, read_gpx
from tests.etl.tracks.conftest import TRACKS


def raw_points(path, **kwargs):
    batches = list(read_gpx(path, **kwargs))
    assert all(b.speed_scale == MPS_TO_KMH for b in batches)
    return [p for b in batches for p in b.raw_points()]


def test_gpx_1_0_two_named_tracks_speed_and_course_waypoint_skipped():
    assert raw_points(TRACKS / "patrol_gpx10.gpx") == [
        (1, "云Q·J1234", "2024-03-04T23:30:00Z", "98.8571", "25.8512", "9.0", "90"),
        (2, "云Q·J1234", "2024-03-04T23:30:30Z", "98.8580", "25.8515", "7.5", "85"),
        (3, "云Q·P5678", "2024-03-04T23:31:00Z", "98.8670", "26.9020", "", ""),
        (4, "云Q·P5678", "2024-03-04T23:31:30Z", "98.8672", "26.9025", "", "")]


def test_gpx_1_1_two_segments_an_unnamed_track_extensions_route_skipped():
    assert raw_points(TRACKS / "patrol_gpx11.gpx", batch_size=2) == [
        (1, "云Q·L0001", "2024-03-05T07:30:00+08:00", "99.4200", "26.4500", "10", "45"),
        (2, "云Q·L0001", "2024-03-05T07:30:30+08:00", "99.4205", "26.4505", "", ""),
        (3, "云Q·L0001", "2024-03-05 07:45:00", "99.4210", "26.4510", "", ""),
        (4, "云Q·L0001", "2024-03-05T07:45:30", "99.4215", "26.4515", "", ""),
        (5, "patrol_gpx11", "2024-03-04T23:50:00Z", "99.4220", "26.4520", "", "")]


def test_the_vehicle_option_names_every_point():
    assert {p[1] for p in raw_points(TRACKS / "patrol_gpx11.gpx", vehicle="云Q·X9")} == {"云Q·X9"}


def test_missing_attributes_are_empty_values(tmp_path):
    path = tmp_path / "t.gpx"
    path.write_text('<gpx><trk><trkseg><trkpt lat="26.1"><time/></trkpt></trkseg></trk></gpx>', encoding="utf-8")
    assert raw_points(path) == [(1, "t", "", "", "26.1", "", "")]


def test_entities_are_not_resolved(tmp_path):
    path = tmp_path / "t.gpx"
    path.write_text('<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                    '<gpx><trk><name>&x;</name><trkseg><trkpt lat="1" lon="2"/></trkseg></trk></gpx>',
                    encoding="utf-8")
    assert raw_points(path)[0][1] == "t"


@pytest.mark.parametrize(("content", "message"), [
    ('<gpx><trk><trkseg><trkpt lat="1" lon="2"></trkseg></trk></gpx>', "not readable GPX"),
    ('<kml><trk><trkseg><trkpt lat="1" lon="2"/></trkseg></trk></kml>', "not a GPX file"),
    ('<gpx><wpt lat="1" lon="2"/><rte><rtept lat="1" lon="2"/></rte></gpx>', "no track points"),
    ("", "not readable GPX"),
])
def test_unreadable_files(tmp_path, content, message):
    path = tmp_path / "t.gpx"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UnreadableFile, match=message):
        raw_points(path)
