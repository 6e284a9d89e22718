"""The print map's page (matplotlib, Agg): A4 landscape, title, map frame, legend panel, scale bar, north arrow."""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon, Rectangle

from dashboard.exports.geo import Box, fit_box, true_north
from dashboard.exports.texts import tx
from dashboard.maps.viewport import nice_length

PAGE_IN = (11.69, 8.27)  # A4 landscape
MAP_BOTTOM, MAP_TOP, LEFT, RIGHT = 0.06, 0.87, 0.035, 0.965


def rgb(colour: tuple[int, int, int]) -> tuple[float, float, float]:
    """0–255 RGB as matplotlib's 0–1."""
    return colour[0] / 255, colour[1] / 255, colour[2] / 255


def page(title: str, subtitle: str, box: Box) -> tuple[Figure, Axes, Axes, Box]:
    """The figure with its title, a map frame as wide as the area needs, a legend panel; the map's limits."""
    fig = Figure(figsize=PAGE_IN)
    FigureCanvasAgg(fig)  # Agg, never a GUI backend
    fig.text(LEFT, 0.945, title, fontsize=19, fontweight="bold", color="#1c2636", va="center")
    fig.text(LEFT, 0.905, subtitle, fontsize=10, color="#444444", va="center")
    fig.add_artist(Line2D([LEFT, RIGHT], [0.885, 0.885], color="#1c2636", linewidth=1.2))
    height_in = (MAP_TOP - MAP_BOTTOM) * PAGE_IN[1]
    aspect = (box[2] - box[0]) / max(box[3] - box[1], 1.0)
    width = min(max(aspect * height_in * 1.08 / PAGE_IN[0], 0.36), 0.64)
    ax = fig.add_axes((LEFT, MAP_BOTTOM, width, MAP_TOP - MAP_BOTTOM))
    limits = fit_box(box, width * PAGE_IN[0] / height_in)
    ax.set_xlim(limits[0], limits[2])
    ax.set_ylim(limits[1], limits[3])
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_facecolor("#fcfcfc")
    for spine in ax.spines.values():
        spine.set(linewidth=0.9, color="#333333")
    panel = fig.add_axes((LEFT + width + 0.035, MAP_BOTTOM, RIGHT - LEFT - width - 0.035, MAP_TOP - MAP_BOTTOM))
    panel.set_axis_off()
    panel.set(xlim=(0, 1), ylim=(0, 1), autoscale_on=False)
    return fig, ax, panel, limits


def scale_bar(ax: Axes, limits: Box, lang: str) -> None:
    """A true scale bar (UTM metres) of 4 alternating segments in the lower left of the map."""
    w, h = limits[2] - limits[0], limits[3] - limits[1]
    length = nice_length(w * 0.3)
    x0, y0, tall = limits[0] + 0.05 * w, limits[1] + 0.035 * h, 0.009 * h
    for i in range(4):
        ax.add_patch(Rectangle((x0 + i * length / 4, y0), length / 4, tall, facecolor="#222222" if i % 2 == 0
                               else "white", edgecolor="#222222", linewidth=0.7, zorder=30))
    for frac in (0, 0.5, 1):
        text = f"{length * frac / 1000:g}" + (f" {tx('map.km', lang)}" if frac == 1 else "")
        ax.text(x0 + frac * length, y0 + tall * 1.6, text, ha="left" if frac == 1 else "center", va="bottom",
                fontsize=8, color="#222222", zorder=30)


def north_arrow(ax: Axes, limits: Box, lang: str) -> None:
    """A north arrow in the upper right of the map, turned to true north (UTM grid convergence)."""
    w, h = limits[2] - limits[0], limits[3] - limits[1]
    size = 0.05 * h
    cx, cy = limits[2] - 0.045 * w - size * 0.2, limits[3] - 0.05 * h - size
    angle = np.radians(true_north(cx, cy))
    turn = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    tip, notch, left, right = (turn @ np.array(p) * size + (cx, cy) for p in ((0, 1), (0, 0.3), (-0.38, 0),
                                                                                (0.38, 0)))
    ax.add_patch(Polygon([tip, left, notch], closed=True, facecolor="#222222", edgecolor="#222222", zorder=30))
    ax.add_patch(Polygon([tip, notch, right], closed=True, facecolor="white", edgecolor="#222222", linewidth=0.8,
                         zorder=30))
    label = turn @ np.array((0, 1.3)) * size + (cx, cy)
    ax.text(label[0], label[1], tx("map.north", lang), ha="center", va="bottom", fontsize=11,
            fontweight="bold", zorder=30)
