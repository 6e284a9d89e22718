"""The scale bar and north arrow drawn on every map: true lengths, inside the framed view, pointing north."""

from __future__ import annotations

import math

import pydeck as pdk
import pytest
from pyproj import Geod

from dashboard.maps.marks import Frame, length_label, marks, parallel_metres_per_degree
from dashboard.maps.viewport import NUJIANG, fit_view

WGS84 = Geod(ellps="WGS84")


def by_id(layers: list[pdk.Layer]) -> dict[str, pdk.Layer]:
    """The layers keyed by id."""
    return {layer.id: layer for layer in layers}


def pixel(frame: Frame, lon: float, lat: float) -> tuple[float, float]:
    """Screen position (from the top-left corner) of a point in the frame (Web Mercator)."""
    merc = lambda phi: math.log(math.tan(math.pi / 4 + math.radians(phi) / 2))  # noqa: E731
    x = frame.width / 2 + (lon - frame.lon) / frame.degrees_per_px
    y = frame.height / 2 - math.degrees(merc(lat) - merc(frame.lat)) / frame.degrees_per_px
    return x, y


@pytest.mark.parametrize("size", [(700, 640), (1280, 740), (400, 300)])
def test_scale_bar_is_as_long_as_its_label_says(size: tuple[int, int]) -> None:
    view = fit_view(NUJIANG, *size)
    layers = by_id(marks(view, *size, "zh"))
    (west, lat), (east, lat_end) = layers["scale-bar"].data[0]["path"]
    assert lat == lat_end
    # The bar runs along the parallel; a geodesic between its ends is shorter by far less than a metre.
    _, _, metres = WGS84.inv(west, lat, east, lat)
    label = layers["scale-labels"].data[-1]["text"]
    value, unit = label.split()
    assert metres == pytest.approx(float(value) * (1000 if unit == "公里" else 1), rel=1e-5)
    assert float(value) in {1, 2, 5, 10, 20, 50, 100, 200, 500}


def test_marks_sit_inside_the_map_near_their_corners() -> None:
    view = fit_view(NUJIANG, 1280, 740)
    frame = Frame(view.longitude, view.latitude, view.zoom, 1280, 800)
    layers = by_id(marks(view, 1280, 800, "zh"))
    (x0, y0), (x1, _) = (pixel(frame, *p) for p in layers["scale-bar"].data[0]["path"])
    assert 0 < x0 < 60 and 1280 * 0.1 < x1 - x0 <= 1280 * 0.2 and 800 - 60 < y0 < 800
    tip = pixel(frame, *layers["north-arrow"].data[0]["polygon"][0])
    assert 1280 - 60 < tip[0] < 1280 and 0 < tip[1] < 60


def test_north_arrow_points_along_the_meridian_to_north() -> None:
    view = pdk.ViewState(longitude=98.85, latitude=25.85, zoom=9)
    tip, right, notch, left = by_id(marks(view, 700, 640, "zh"))["north-arrow"].data[0]["polygon"]
    assert tip[0] == notch[0] and tip[1] > notch[1] > right[1] == left[1]
    assert right[0] - tip[0] == pytest.approx(tip[0] - left[0])


def test_labels_follow_the_language() -> None:
    view = pdk.ViewState(longitude=98.85, latitude=25.85, zoom=14)
    en = by_id(marks(view, 700, 640, "en"))
    assert en["north-label"].data[0]["text"] == "N"
    assert en["scale-labels"].data[-1]["text"].endswith(" m")
    assert by_id(marks(view, 700, 640, "zh"))["north-label"].data[0]["text"] == "北"
    assert length_label(20_000, "zh") == "20 公里" and length_label(500, "en") == "500 m"


def test_frame_and_parallel_arithmetic() -> None:
    frame = Frame(98.9, 26.5, 8.0, 800, 600)
    assert frame.lat_at(0) == pytest.approx(26.5) and frame.lon_at(0) == 98.9
    assert pixel(frame, frame.lon_at(-123), frame.lat_at(45)) == pytest.approx((400 - 123, 300 - 45))
    _, _, one_degree = WGS84.inv(98.0, 26.5, 98.001, 26.5)
    assert parallel_metres_per_degree(26.5) / 1000 == pytest.approx(one_degree, rel=1e-6)
