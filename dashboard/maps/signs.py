"""Traffic-sign layers (pure pydeck): each sign by its latest survey status, not-reinstalled ones ringed."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

import pydeck as pdk

from dashboard.analysis import fmt
from dashboard.analysis.signs import NOT_REINSTALLED_RING, SIGN_COLOURS
from dashboard.maps.layers import MAX_POINTS, point
from dashboard.maps.legend import Entry
from texts import label, t

Row = Mapping[str, Any]


def sign_points(signs: Iterable[Row], not_reinstalled: Collection[str], lang: str, limit: int = MAX_POINTS
                ) -> list[dict[str, Any]]:
    """One dot per sign: colour by latest status, purple ring when not put back after road works."""
    points = []
    for s in list(signs)[:limit]:
        late = s["sign_code"] in not_reinstalled
        lines = [label("sign_status", s["status"], lang), f"{t('col.surveyed_on', lang)} {fmt.day(s['surveyed_on'])}",
                 str(s.get("road_name") or ""), t("signs.not_reinstalled_short", lang) if late else ""]
        points.append({"title": f"{label('sign_kind', s['kind'], lang)} · {s['sign_code']}",
                       "detail": "\n".join(x for x in lines if x),
                       "color": [*SIGN_COLOURS.get(s["status"], (90, 90, 90)), 230],
                       "line": [*(NOT_REINSTALLED_RING if late else (255, 255, 255)), 255],
                       "position": point(s["lon"], s["lat"])})
    return points


def sign_layer(points: list[dict[str, Any]]) -> pdk.Layer:
    """Signs as small squares-ish dots along the roads."""
    return pdk.Layer("ScatterplotLayer", points, id="signs", get_position="position", get_fill_color="color",
                     get_line_color="line", get_radius=4, radius_units='"pixels"', radius_min_pixels=3,
                     stroked=True, line_width_min_pixels=2, pickable=True)


def sign_legend(signs: list[Row], not_reinstalled: Collection[str], lang: str) -> list[Entry]:
    """Legend entries: each survey status with its count, and the not-reinstalled ring."""
    return [(c, label("sign_status", k, lang), sum(1 for s in signs if s["status"] == k), "dot")
            for k, c in SIGN_COLOURS.items()] + [
        (NOT_REINSTALLED_RING, t("signs.not_reinstalled_short", lang), len(set(not_reinstalled)), "ring")]
