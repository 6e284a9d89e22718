"""Scale bar and north arrow drawn as map layers (pure pydeck), so they stay true when the map is panned."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pydeck as pdk

from dashboard.maps.basemap import CJK_FONT
from dashboard.maps.viewport import TILE_PX, nice_length

A, E2 = 6_378_137.0, 0.00669437999014  # WGS 84 semi-major axis (m) and first eccentricity squared
INK, HALO = [20, 20, 20, 255], [255, 255, 255, 230]
MARK_IDS = ("scale-halo", "scale-bar", "scale-labels", "north-arrow", "north-label")
UNITS = {"zh": ("米", "公里", "北"), "en": ("m", "km", "N")}


@dataclass(frozen=True)
class Frame:
    """What the map shows: the centre, the zoom and its size in pixels."""

    lon: float
    lat: float
    zoom: float
    width: int
    height: int

    @property
    def degrees_per_px(self) -> float:
        """Degrees of longitude per pixel at this zoom (Web Mercator)."""
        return 360.0 / (TILE_PX * 2 ** self.zoom)

    def lat_at(self, dy_px: float) -> float:
        """The latitude dy_px pixels above the centre (negative: below)."""
        y = math.log(math.tan(math.pi / 4 + math.radians(self.lat) / 2)) + math.radians(dy_px * self.degrees_per_px)
        return math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)

    def lon_at(self, dx_px: float) -> float:
        """The longitude dx_px pixels right of the centre."""
        return self.lon + dx_px * self.degrees_per_px


def parallel_metres_per_degree(lat: float) -> float:
    """Length in metres of one degree of longitude along the parallel at lat, on the WGS 84 ellipsoid."""
    s = math.sin(math.radians(lat))
    return math.radians(1) * A * math.cos(math.radians(lat)) / math.sqrt(1 - E2 * s * s)


def length_label(metres: float, lang: str) -> str:
    """20 公里 / 500 米 (or km / m)."""
    m, km, _ = UNITS.get(lang, UNITS["zh"])
    return f"{metres / 1000:g} {km}" if metres >= 1000 else f"{metres:g} {m}"


def scale_bar(frame: Frame, lang: str) -> list[pdk.Layer]:
    """A bar of a round length along the parallel near the bottom-left corner, ticked at 0, half and end."""
    lat = frame.lat_at(-(frame.height / 2 - 36))
    lon0 = frame.lon_at(-(frame.width / 2 - 28))
    per_degree = parallel_metres_per_degree(lat)
    metres = nice_length(frame.width * 0.2 * frame.degrees_per_px * per_degree)
    lon1 = lon0 + metres / per_degree
    tick = frame.lat_at(-(frame.height / 2 - 44)) - lat
    bar = [{"path": [[lon0, lat], [lon1, lat]]}] + [
        {"path": [[x, lat], [x, lat + tick]]} for x in (lon0, (lon0 + lon1) / 2, lon1)]
    labels = [{"text": "0", "position": [lon0, lat + tick]},
              {"text": length_label(metres, lang), "position": [lon1, lat + tick]}]
    return [pdk.Layer("PathLayer", bar, id="scale-halo", get_path="path", get_color=HALO, get_width=6,
                      width_units='"pixels"', cap_rounded=True, pickable=False),
            pdk.Layer("PathLayer", bar, id="scale-bar", get_path="path", get_color=INK, get_width=2,
                      width_units='"pixels"', pickable=False),
            pdk.Layer("TextLayer", labels, id="scale-labels", get_text="text", get_position="position",
                      get_size=13, get_color=INK, font_family=CJK_FONT, character_set='"auto"',
                      get_text_anchor='"middle"', get_alignment_baseline='"bottom"', get_pixel_offset=[0, -2],
                      pickable=False)]


def north_arrow(frame: Frame, lang: str) -> list[pdk.Layer]:
    """An arrow along the meridian near the top-right corner, labelled 北 (N): it turns with the map."""
    lon = frame.lon_at(frame.width / 2 - 34)
    base, tip = frame.lat_at(frame.height / 2 - 70), frame.lat_at(frame.height / 2 - 36)
    half = 9 * frame.degrees_per_px
    notch = frame.lat_at(frame.height / 2 - 62)
    arrow = [{"polygon": [[lon, tip], [lon + half, base], [lon, notch], [lon - half, base]]}]
    return [pdk.Layer("PolygonLayer", arrow, id="north-arrow", get_polygon="polygon", get_fill_color=INK,
                      get_line_color=HALO, line_width_min_pixels=2, stroked=True, pickable=False),
            pdk.Layer("TextLayer", [{"text": UNITS.get(lang, UNITS["zh"])[2], "position": [lon, tip]}],
                      id="north-label", get_text="text", get_position="position", get_size=15, get_color=INK,
                      font_family=CJK_FONT, character_set='"auto"', font_weight=700, get_pixel_offset=[0, -12],
                      get_alignment_baseline='"bottom"', pickable=False)]


def marks(view: pdk.ViewState, width: int, height: int, lang: str) -> list[pdk.Layer]:
    """Scale bar and north arrow for a map of width × height pixels opened on view."""
    frame = Frame(float(view.longitude), float(view.latitude), float(view.zoom), width, height)
    return scale_bar(frame, lang) + north_arrow(frame, lang)
