"""The print map's legend panel (matplotlib): the layer's entries with counts, the base map, notes, key figures."""

from __future__ import annotations

import re

from matplotlib.axes import Axes

from dashboard.exports.layers import Group, Section
from dashboard.exports.page import PAGE_IN, rgb
from dashboard.exports.texts import tx

MARKERS = {"dot": "o", "ring": "o", "diamond": "D", "hex": "h"}
TOKENS = re.compile(r"[\u2e80-\uffff]|[^\s\u2e80-\uffff]+|\s+")  # a CJK character, a word, or spaces


def line_step(panel: Axes, points: float = 16) -> float:
    """A line of `points` in the panel's axes units."""
    return points / (panel.get_position().height * PAGE_IN[1] * 72)


def swatch(panel: Axes, x: float, y: float, group: Group) -> None:
    """The legend marker of a group."""
    face = "none" if group.shape == "ring" else rgb(group.colour)
    edge = rgb(group.colour) if group.shape == "ring" else "white"
    panel.scatter([x], [y], s=70 if group.shape == "hex" else 45, marker=MARKERS[group.shape], facecolors=[face],
                  edgecolors=[edge], linewidths=1.6 if group.shape == "ring" else 0.6, clip_on=False)


def columns(text: str) -> int:
    """Display width: a CJK character (or full-width sign) takes two columns."""
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text)


def wrap(text: str, width: int) -> str:
    """Text broken into lines of at most `width` columns: between CJK characters, or at spaces between words."""
    lines, line = [], ""
    for token in TOKENS.findall(text):
        if line.strip() and columns(line + token.rstrip()) > width:
            lines.append(line.rstrip())
            line = "" if token.isspace() else token
        else:
            line += token
    return "\n".join([*lines, line.rstrip()])


def key_figures(panel: Axes, lines: list[tuple[str, str]], title: str) -> None:
    """The headline numbers in the right half of the panel."""
    step = line_step(panel)
    panel.text(0.56, 1.0, title, fontsize=10.5, fontweight="bold", va="center", color="#1c2636")
    for i, (label, value) in enumerate(lines):
        y = 1.0 - step * (1.3 + i * 1.15)
        panel.text(0.56, y, label, fontsize=9, va="center", color="#333333")
        panel.text(1.0, y, value, fontsize=10, va="center", ha="right", fontweight="bold", color="#1c2636")


def legend(panel: Axes, sections: list[Section], base: list[tuple[str, str]], note: str, lang: str) -> None:
    """Legend: the layer's sections (worst first, with counts), the base map, then the note and the CRS."""
    step = line_step(panel)
    y = 1.0
    for section in sections:
        panel.text(0, y, section.title, fontsize=10.5, fontweight="bold", va="center", color="#1c2636")
        y -= step * 1.3
        for group in reversed(section.groups):
            swatch(panel, 0.03, y, group)
            panel.text(0.08, y, tx("map.count", lang).format(label=group.label, n=group.count), fontsize=9,
                       va="center")
            y -= step
        y -= step * 0.6
    panel.text(0, y, tx("map.base", lang), fontsize=10.5, fontweight="bold", va="center", color="#1c2636")
    for text, kind in base:
        y -= step
        style = {"county": ("#3d5478", 1.3), "road": ("#c98a4b", 1.4)}.get(kind)
        if style:
            panel.plot([0.005, 0.055], [y, y], color=style[0], linewidth=style[1], solid_capstyle="butt")
        else:
            panel.scatter([0.03], [y], s=9, c="#555555", marker="s", linewidths=0)
        panel.text(0.08, y, text, fontsize=9, va="center")
    panel.text(0, y - step * 1.6, wrap(note, 52), fontsize=8, va="top",
               color="#555555", linespacing=1.5)
    panel.text(0, 0, tx("map.crs", lang), fontsize=7.5, va="bottom", color="#777777")
