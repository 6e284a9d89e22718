"""School points (pure pydeck): coloured by type or by status, pickable, with plain-text tooltips."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import pydeck as pdk

from dashboard.maps.basemap import Basemap, CompactDeck, ReadyDeck, base_layers, deck
from dashboard.maps.legend import Entry, colour_of
from dashboard.maps.marks import marks
from dashboard.maps.viewport import bounds, fit_view
from texts import county_label, type_label

Row = Mapping[str, Any]
MAP_HEIGHT = 700  # pixels of the pages' main maps
MAP_SIZE = (700, MAP_HEIGHT)  # width × height the main maps are framed for
BRIEF_MAP_SIZE = (1280, 800)  # the map of a 1920 × 1080 slide in brief mode
MAX_POINTS = 10_000  # ≈ 1.5 MB at most; more is never sent (the tables list everything)
POINT_FIELDS = ["school_code", "name", "school_type", "county_zh", "county_en", "lon", "lat"]


@dataclass(frozen=True)
class BuiltMap:
    """A page's map as sent (built once per user and selection): the deck's JSON, its legend, its note's figure."""

    spec: str
    entries: tuple[Entry, ...] = ()
    tolerance: float | None = None  # metres the patrol paths were simplified with (gaps map)

    @property
    def deck(self) -> ReadyDeck:
        """The deck to hand to st.pydeck_chart."""
        return ReadyDeck(self.spec)


def point_rows(frame: pd.DataFrame, *extra: str) -> list[dict[str, Any]]:
    """The rows a school point is made of (only the fields it uses: to_dict of wide frames is slow)."""
    columns = [c for c in [*POINT_FIELDS, *extra] if c in frame]
    values = [frame[c].tolist() for c in columns]  # whole columns at once: far faster than row by row
    return [dict(zip(columns, row, strict=True)) for row in zip(*values, strict=True)]


def point(lon: object, lat: object) -> list[float]:
    """A position rounded to 5 decimals (about a metre)."""
    return [round(float(lon), 5), round(float(lat), 5)]  # type: ignore[arg-type]


def school_points(schools: Iterable[Row], lang: str, colour: Callable[[Row], Sequence[int]] | None = None,
                  note: Callable[[Row], str] | None = None) -> list[dict[str, Any]]:
    """The few fields a school point needs: code, position, colour and the tooltip's plain texts."""
    points = []
    for s in schools:
        detail = f"{type_label(s['school_type'], lang)} · {county_label(s, lang)}"
        extra = note(s) if note else ""
        points.append({"school_code": s["school_code"], "title": str(s["name"]),
                       "detail": f"{detail}\n{extra}" if extra else detail,
                       "color": list(colour(s) if colour else colour_of(s["school_type"])),
                       "position": point(s["lon"], s["lat"])})
    return points[:MAX_POINTS]


def school_layer(points: list[dict[str, Any]], layer_id: str = "schools", radius: int | None = None) -> pdk.Layer:
    """Schools as dots with a white rim (smaller when there are many); clicking one opens its page."""
    radius = radius or (6 if len(points) <= 100 else 4)
    return pdk.Layer("ScatterplotLayer", points, id=layer_id, get_position="position",
                     get_fill_color="color", get_radius=radius, radius_units='"pixels"',
                     radius_min_pixels=3, stroked=True, get_line_color=[255, 255, 255, 255],
                     line_width_min_pixels=1, pickable=True)


def view(base: Basemap, selected: Sequence[str], size: tuple[int, int] = MAP_SIZE) -> pdk.ViewState:
    """The view that frames the selected counties (all when none is selected) in a map of this size."""
    return fit_view(bounds(base.counties, selected), width=size[0], height=size[1] - 60)


def map_deck(base: Basemap, layers: list[pdk.Layer], selected: Sequence[str], lang: str,
             style_url: str | None = None, focus: pdk.ViewState | None = None,
             size: tuple[int, int] = MAP_SIZE) -> CompactDeck:
    """The basemap under the given layers with a scale bar and north arrow, framed on the selection (or focus)."""
    framing = focus or view(base, selected, size)
    return deck(base_layers(base, selected, lang) + layers + marks(framing, *size, lang), framing, style_url)


def overview_deck(counties: Sequence[Row], schools: Iterable[Row], selected: Sequence[str], lang: str
                  ) -> CompactDeck:
    """Schools by type over the county basemap (no roads or towns)."""
    return map_deck(Basemap(counties), [school_layer(school_points(schools, lang))], selected, lang)
