"""The print map's base (matplotlib): county outlines and names, roads and township seats, in UTM metres."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import shapely
import sqlalchemy as sa
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.patches import PathPatch

from dashboard.exports.geo import Box, line_parts, polygon_path, to_utm
from db.analytics.reports import frame
from texts import county_label, short_county

OUTLINE_TOLERANCE_M = 30.0
ROAD_TOLERANCE_M = 5.0
MAJOR_ROADS = {"motorway", "trunk", "primary", "高速公路", "国道", "省道", "一级公路", "二级公路"}
SELECTED = ("#eef3f9", "#3d5478")  # fill, edge
OTHER = ("#f3f3f3", "#a3acb9")
HALO = [patheffects.withStroke(linewidth=2.2, foreground="white")]
COUNTY_HALO = [patheffects.withStroke(linewidth=3, foreground="white", alpha=0.5)]


@dataclass(frozen=True)
class Base:
    """Counties (all; `selected` marks the chosen ones), roads and township seats, geometry in UTM 47N."""

    counties: pd.DataFrame
    roads: pd.DataFrame
    towns: pd.DataFrame

    def extent(self) -> Box:
        """Bounding box of the selected counties."""
        chosen = self.counties[self.counties["selected"]]
        return tuple(shapely.total_bounds(list(chosen["geom"]))) if len(chosen) else (0.0, 0.0, 1.0, 1.0)


def read_base(conn: sa.Connection, counties: Sequence[str] | None) -> Base:
    """The base of a map of the given counties (None: all)."""
    shapes = frame(conn, "brief_map_counties", tolerance_m=OUTLINE_TOLERANCE_M)
    shapes["geom"] = shapely.from_wkb([bytes(b) for b in shapes["wkb"]]) if len(shapes) else []
    shapes["selected"] = shapes["adcode"].isin(counties) if counties else True
    roads = frame(conn, "brief_map_roads", counties=counties, tolerance_m=ROAD_TOLERANCE_M)
    roads["geom"] = shapely.from_wkb([bytes(b) for b in roads["wkb"]]) if len(roads) else []
    towns = frame(conn, "dash_townships", counties=counties)
    xy = to_utm(towns["lon"], towns["lat"]) if len(towns) else None
    towns = towns.assign(x=xy[:, 0] if xy is not None else [], y=xy[:, 1] if xy is not None else [])
    return Base(shapes.drop(columns="wkb"), roads.drop(columns="wkb"), towns)


def draw_base(ax: Axes, base: Base, lang: str) -> None:
    """County fills and outlines, roads, township seats and their names, county names on top."""
    for _, c in base.counties.iterrows():
        fill, edge = SELECTED if c["selected"] else OTHER
        ax.add_patch(PathPatch(polygon_path(c["geom"]), facecolor=fill, edgecolor=edge,
                               linewidth=1.3 if c["selected"] else 0.7, zorder=1))
    for major in (False, True):
        chosen = base.roads[base.roads["road_class"].isin(MAJOR_ROADS) == major]
        parts = [p for g in chosen["geom"] for p in line_parts(g)]
        ax.add_collection(LineCollection(parts, colors="#c98a4b" if major else "#9a9a9a",
                                         linewidths=1.4 if major else 0.6, zorder=2, capstyle="round"))
    ax.scatter(base.towns["x"], base.towns["y"], s=7, c="#555555", marker="s", linewidths=0, zorder=5)
    for _, t in base.towns.iterrows():
        ax.annotate(str(t["name"]), (t["x"], t["y"]), xytext=(0, 4), textcoords="offset points", ha="center",
                    va="bottom", fontsize=6.5, color="#3a3a3a", path_effects=HALO, zorder=35, annotation_clip=True)
    for _, c in base.counties.iterrows():
        ax.text(c["label_x"], c["label_y"], short_county(county_label(c, lang)), ha="center", va="center",
                fontsize=13 if c["selected"] else 10, fontweight="bold", alpha=0.75 if c["selected"] else 0.55,
                color="#2b3a55", path_effects=COUNTY_HALO, zorder=9, clip_on=True)
