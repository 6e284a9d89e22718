"""Print maps without a browser: `render_map` → PNG bytes of one view (gaps, hotspots, signs, overview)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

import sqlalchemy as sa
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure

from dashboard.exports import fonts, keyfigures, layers
from dashboard.exports.basemap import Base, draw_base, read_base
from dashboard.exports.figures import figures
from dashboard.exports.legend import MARKERS, key_figures, legend
from dashboard.exports.page import north_arrow, page, rgb, scale_bar
from dashboard.exports.snapshot import Snapshot, local_time, take
from dashboard.exports.texts import tx
from db.analytics import hotspots
from db.settings import get_settings

VIEWS = ("overview", "gaps", "hotspots", "signs")
HEX_SIZES_M = (1000.0, 2000.0, 5000.0, 10000.0)
HEX_PER_SPAN = 40  # a hexagon at least 1/40 of the map's longer side across (≈ 4 mm in print)
FEW_HAZARDS, PERMUTATIONS, SEED = 50, 999, 12345  # few hazards: permutation p-values, seeded (reproducible)
DPI = 300


def hex_size(extent: tuple[float, float, float, float]) -> float:
    """The smallest hexagon edge whose hexagons (2 edges across) are visible on a map of this extent."""
    span = max(extent[2] - extent[0], extent[3] - extent[1])
    return next((s for s in HEX_SIZES_M if 2 * s >= span / HEX_PER_SPAN), HEX_SIZES_M[-1])


def sections(conn: sa.Connection, snap: Snapshot, view: str, lang: str, base: Base) -> list[layers.Section]:
    """The legend sections (and features) of a view."""
    if view == "hotspots":
        size = hex_size(base.extent())
        grid = hotspots.hotspots(conn, size, snap.counties, snap.date_from, snap.date_to,
                                 permutations=PERMUTATIONS if len(snap.hazards) < FEW_HAZARDS else 0, seed=SEED)
        return layers.hotspots(snap, grid, size, lang)
    if view in ("overview", "gaps", "signs"):
        return getattr(layers, view)(snap, lang)
    raise ValueError(f"unknown map view {view!r}; expected one of {', '.join(VIEWS)}")


def as_of_text(snap: Snapshot, lang: str) -> str:
    """When the data was last loaded, in local time: 数据更新于 2025-03-16 18:00."""
    if snap.as_of is None:
        return tx("map.as_of_none", lang)
    return tx("map.as_of", lang).format(t=local_time(snap.as_of))


def subtitle(snap: Snapshot, lang: str) -> str:
    """Period, the day states are taken on, and when the data was last loaded."""
    return "   ·   ".join([tx("map.period", lang).format(a=snap.date_from, b=snap.date_to),
                           tx("map.state_on", lang).format(d=snap.date_to), as_of_text(snap, lang)])


def draw(snap: Snapshot, base: Base, found: list[layers.Section], view: str, lang: str) -> Figure:
    """The page of one view: title, basemap, the view's features, legend, scale bar and north arrow."""
    title = tx("map.title", lang).format(where=snap.where(lang), view=tx(f"map.view.{view}", lang))
    fig, ax, panel, limits = page(title, subtitle(snap, lang), base.extent())
    draw_base(ax, base, lang)
    z = 10
    for section in found:
        for g in section.groups:
            z += 1
            if g.shape == "hex":
                ax.add_collection(PolyCollection(list(g.polygons), facecolors=[rgb(g.colour)], edgecolors="white",
                                                 linewidths=0.3, alpha=0.85, zorder=3))
            elif g.count:
                ring = g.shape == "ring"
                ax.scatter(g.xy[:, 0], g.xy[:, 1], s=g.size, marker=MARKERS[g.shape],
                           facecolors="none" if ring else [rgb(g.colour)], edgecolors=[rgb(g.colour)] if ring
                           else "white", linewidths=1.4 if ring else 0.5, zorder=z)
    scale_bar(ax, limits, lang)
    north_arrow(ax, limits, lang)
    note = tx(f"map.note.{view}", lang).format(m=f"{get_settings().sign_along_m:g}")
    base_entries = [(tx("map.county", lang), "county"), (tx("map.road", lang), "road"), (tx("map.town", lang), "town")]
    legend(panel, found, base_entries, note, lang)
    key_figures(panel, keyfigures.lines(figures(snap), view, lang), tx("map.key", lang))
    return fig


def png(fig: Figure, dpi: int = DPI) -> bytes:
    """The figure as PNG bytes."""
    out = io.BytesIO()
    with fonts.drawing():
        fig.savefig(out, format="png", dpi=dpi, facecolor="white", metadata={"Software": None})
    return out.getvalue()


def draw_map(conn: sa.Connection, view: str, counties: Sequence[str] | None, date_from: dt.date,
             date_to: dt.date, lang: str = "zh") -> Figure:
    """The figure of one view for the counties (None or empty: all) and the period."""
    snap = take(conn, counties, date_from, date_to)
    base = read_base(conn, snap.counties)
    found = sections(conn, snap, view, lang, base)
    with fonts.drawing():
        return draw(snap, base, found, view, lang)


def snapshot_png(conn: sa.Connection, snap: Snapshot, base: Base, view: str, lang: str = "zh", dpi: int = DPI
                 ) -> bytes:
    """The PNG of one view from an already read snapshot and base (the brief draws four)."""
    found = sections(conn, snap, view, lang, base)
    with fonts.drawing():
        return png(draw(snap, base, found, view, lang), dpi)


def render_map(conn: sa.Connection, view: str, counties: Sequence[str] | None, date_from: dt.date,
               date_to: dt.date, lang: str = "zh", dpi: int = DPI) -> bytes:
    """A print-quality PNG (A4 landscape, 300 dpi by default) of one view."""
    return png(draw_map(conn, view, counties, date_from, date_to, lang), dpi)
