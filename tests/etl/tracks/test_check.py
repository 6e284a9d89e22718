"""Validation of raw points without a database: every reason, time zones, coordinate systems."""

import datetime as dt

import prcoords
import pytest

from etl.tracks.points import PointBatch
from etl.tracks.times import BEFORE_2000, IN_FUTURE
from tests.etl.tracks.conftest import checker

GOOD = (2, "云Q·00001", "2024-03-05 07:30:00", "98.8571", "25.8512", "32.5", "90")


def run(*points, scale=1.0, **kwargs):
    check = checker(**kwargs)
    rows = check.check(PointBatch(list(points), speed_scale=scale))
    return rows, [(r.row, r.column, r.value, r.reason) for r in check.report.rejects]


def with_(**changes):
    fields = ["number", "vehicle", "time", "lon", "lat", "speed", "heading"]
    return tuple(changes.get(f, v) for f, v in zip(fields, GOOD, strict=True))


def test_a_good_point_is_typed_in_utc():
    rows, rejects = run(GOOD)
    assert rejects == []
    assert rows == [(2, "云Q·00001", dt.datetime(2024, 3, 4, 23, 30), 98.8571, 25.8512, 32.5, 90.0)]


@pytest.mark.parametrize(("text", "utc"), [
    ("2024-03-04T23:30:00Z", dt.datetime(2024, 3, 4, 23, 30)),
    ("2024-03-05T07:30:00+08:00", dt.datetime(2024, 3, 4, 23, 30)),
    ("2024-03-05 07:30:00", dt.datetime(2024, 3, 4, 23, 30)),
    ("2024/3/5 7:30:00", dt.datetime(2024, 3, 4, 23, 30)),
    ("2024.03.05 07:30", dt.datetime(2024, 3, 4, 23, 30)),
    ("2024年3月5日 7时30分0秒", dt.datetime(2024, 3, 4, 23, 30)),
    ("2024-03-05 07:30:00.250", dt.datetime(2024, 3, 4, 23, 30, 0, 250000)),
    ("1709595000", dt.datetime(2024, 3, 4, 23, 30)),
    ("1709595000000", dt.datetime(2024, 3, 4, 23, 30)),
])
def test_time_formats(text, utc):
    rows, rejects = run(with_(time=text))
    assert rejects == [] and rows[0][2] == utc


def test_zone_less_times_follow_the_timezone_option_even_with_daylight_saving():
    rows, _ = run(with_(time="2024-03-05 07:30:00"), tz="UTC")
    assert rows[0][2] == dt.datetime(2024, 3, 5, 7, 30)
    rows, _ = run(with_(time="2024-05-05 07:30:00"), tz="Europe/Berlin")
    assert rows[0][2] == dt.datetime(2024, 5, 5, 5, 30)


def test_gpx_speeds_in_metres_per_second_become_kmh():
    rows, _ = run(with_(speed="10"), scale=3.6)
    assert rows[0][5] == pytest.approx(36.0)


@pytest.mark.parametrize(("change", "column", "reason"), [
    ({"vehicle": ""}, "车辆", "required value missing: 车辆"),
    ({"vehicle": "云" * 41}, "车辆", "wrong value: a vehicle id has at most 40 characters"),
    ({"time": ""}, "时间", "required value missing: 时间"),
    ({"lon": ""}, "经度", "required value missing: 经度"),
    ({"time": "昨天早上"}, "时间", "wrong type: not a date and time"),
    ({"time": "2024-03-05"}, "时间", "wrong type: not a date and time of day"),
    ({"time": "2024-02-30 07:30:00"}, "时间", "wrong type"),
    ({"lat": "二十五"}, "纬度", "wrong type: could not convert"),
    ({"lon": "nan"}, "经度", "wrong type: not a finite number"),
    ({"speed": "fast"}, "速度", "wrong type"),
    ({"speed": "-1"}, "速度", "value out of range"),
    ({"heading": "400"}, "方向", "value out of range"),
    ({"time": "1970-01-01 08:00:00"}, "时间", BEFORE_2000),
    ({"time": "1901-01-01 00:00:00"}, "时间", BEFORE_2000),
    ({"time": "1999-12-31 23:59:59"}, "时间", BEFORE_2000),
    ({"time": "2024-06-01 12:11:00"}, "时间", IN_FUTURE),
    ({"lon": "102.71", "lat": "25.04"}, "经度/纬度", "point outside the prefecture"),
    ({"lon": "25.8512", "lat": "98.8571"}, "经度/纬度", "latitude and longitude swapped"),
    ({"lon": "298.8", "lat": "25.8"}, "经度/纬度", "coordinates out of range"),
])
def test_each_rejection_reason(change, column, reason):
    rows, rejects = run(with_(**change))
    assert rows == []
    assert [(r[0], r[1]) for r in rejects] == [(2, column)]
    assert rejects[0][3].startswith(reason)


def test_every_problem_of_a_row_is_reported_and_the_next_row_still_loads():
    rows, rejects = run(with_(vehicle="", time="x", lat="y"), with_(number=3))
    assert [r[1] for r in rejects] == ["车辆", "时间", "纬度"] and [r[0] for r in rows] == [3]


def test_within_the_future_tolerance_is_fine():
    rows, _ = run(with_(time="2024-06-01 12:09:00"))
    assert len(rows) == 1


def test_gcj02_points_are_converted_exactly():
    gcj = prcoords.wgs_gcj(prcoords.Coords(25.8512, 98.8571))
    rows, rejects = run(with_(lon=str(gcj.lon), lat=str(gcj.lat)), crs="gcj02")
    assert rejects == [] and rows[0][3:5] == pytest.approx((98.8571, 25.8512), abs=1e-7)


def test_projected_coordinates_are_converted_and_swaps_still_found():
    rows, _ = run(with_(lon="485680.92", lat="2859213.13"), crs="EPSG:32647")
    assert rows[0][3:5] == pytest.approx((98.8571, 25.8512), abs=1e-6)
    _, rejects = run(with_(lat="485680.92", lon="2859213.13"), crs="EPSG:32647")
    assert "swapped" in rejects[0][3]


def test_problems_found_by_the_reader_are_reported():
    check = checker()
    check.check(PointBatch([], problems=[(7, "", "malformed CSV record: field larger than field limit")]))
    assert [(r.row, r.reason) for r in check.report.rejects] == [(7, "malformed CSV record: field larger than "
                                                                   "field limit")]
