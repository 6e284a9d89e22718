"""Fixed colour per school type, counts by type, and the legend shown beside the map (pure)."""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable, Mapping

from dashboard.i18n import t, type_label
from db.models.base import SCHOOL_TYPES

Colour = tuple[int, int, int]

TYPE_COLOURS: dict[str, Colour] = {
    "幼儿园": (230, 159, 0),
    "小学": (0, 114, 178),
    "初中": (0, 158, 115),
    "高中": (213, 94, 0),
    "九年一贯制": (86, 180, 233),
    "完全中学": (204, 121, 167),
    "特殊教育": (148, 103, 189),
    "职业学校": (140, 86, 75),
}
OTHER_COLOUR: Colour = (90, 90, 90)


def colour_of(school_type: str) -> Colour:
    """The fixed colour of a school type (grey for a type outside the vocabulary)."""
    return TYPE_COLOURS.get(school_type, OTHER_COLOUR)


def counts_by_type(schools: Iterable[Mapping[str, object]]) -> dict[str, int]:
    """Number of schools of each type, in the vocabulary's order, types with none left out."""
    counts = Counter(str(s["school_type"]) for s in schools)
    ordered = {kind: counts.pop(kind) for kind in SCHOOL_TYPES if kind in counts}
    return ordered | dict(sorted(counts.items()))


def legend_rows(counts: Mapping[str, int], lang: str) -> list[tuple[Colour, str, int]]:
    """(colour, translated type name, count) for each type present."""
    return [(colour_of(kind), type_label(kind, lang), n) for kind, n in counts.items()]


def legend_html(counts: Mapping[str, int], lang: str) -> str:
    """An HTML table of swatch, type and count; every text is escaped."""
    esc = html.escape
    head = (f"<tr><th></th><th style='text-align:left'>{esc(t('legend.type', lang))}</th>"
            f"<th style='text-align:right'>{esc(t('legend.count', lang))}</th></tr>")
    body = []
    for (r, g, b), label, n in legend_rows(counts, lang):
        swatch = (f"<span style='display:inline-block;width:0.9em;height:0.9em;border-radius:50%;"
                  f"background:rgb({int(r)},{int(g)},{int(b)});border:1px solid #fff'></span>")
        body.append(f"<tr><td>{swatch}</td><td>{esc(label)}</td>"
                    f"<td style='text-align:right'>{esc(str(int(n)))}</td></tr>")
    return (f"<table class='xa-legend' style='width:100%;border-collapse:collapse'>"
            f"{head}{''.join(body)}</table>")
