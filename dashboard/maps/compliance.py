"""Plans against the GPS on the map (pure pydeck): the stops not kept (missed, kept only by another car) and late."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pydeck as pdk

from dashboard.maps.layers import point
from dashboard.maps.legend import Entry
from texts import label, t

STATUS_COLOURS: dict[str, tuple[int, int, int]] = {
    "missed": (200, 30, 45), "by_other": (245, 150, 60), "late": (240, 200, 0)}


def stop_points(stops: pd.DataFrame, lang: str) -> list[dict[str, Any]]:
    """Each stop that was missed, kept by another car or late, at its gate, with date, car and planned arrival."""
    shown = stops[stops["status"].isin(list(STATUS_COLOURS))]
    return [{"position": point(s.lon, s.lat), "school_code": s.school_code, "title": str(s.school_name),
             "detail": t("compliance.stop_detail", lang).format(
                 day=s.service_date, vehicle=s.vehicle_id, arrive=pd.Timestamp(s.arrive).strftime("%H:%M"),
                 status=label("plan_status", s.status, lang)),
             "color": [*STATUS_COLOURS[s.status], 230]}
            for s in shown.itertuples() if pd.notna(s.lon) and pd.notna(s.lat)]


def compliance_layers(stops: pd.DataFrame, lang: str) -> list[pdk.Layer]:
    """One dot per stop not kept as planned (missed drawn last, on top)."""
    order = {"late": 0, "by_other": 1, "missed": 2}
    ranked = stops.assign(_o=stops["status"].map(order)).sort_values("_o", na_position="first")
    return [pdk.Layer("ScatterplotLayer", stop_points(ranked, lang), id="plan-check-stops", get_position="position",
                      get_fill_color="color", get_radius=7, radius_units='"pixels"', stroked=True,
                      get_line_color=[255, 255, 255, 255], line_width_min_pixels=1, pickable=True)]


def compliance_legend(stops: pd.DataFrame, lang: str) -> list[Entry]:
    """A dot per status shown, with its count."""
    counts = stops["status"].value_counts() if len(stops) else {}
    return [(STATUS_COLOURS[k], label("plan_status", k, lang), int(counts.get(k, 0)), "dot")
            for k in STATUS_COLOURS if int(counts.get(k, 0))]
