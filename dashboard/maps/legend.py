"""Map legends (pure): fixed colours per school type, and an escaped HTML table of swatches and counts."""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from db.models.base import SCHOOL_TYPES
from texts import t, type_label

Colour = Sequence[int]
# (colour, label, count or None, shape: dot | square | line | ring)
Entry = tuple[Colour, str, int | None, str]

TYPE_COLOURS: dict[str, tuple[int, int, int]] = {
    "幼儿园": (230, 159, 0),
    "小学": (0, 114, 178),
    "初中": (0, 158, 115),
    "高中": (213, 94, 0),
    "九年一贯制": (86, 180, 233),
    "完全中学": (204, 121, 167),
    "特殊教育": (148, 103, 189),
    "职业学校": (140, 86, 75),
}
OTHER_COLOUR = (90, 90, 90)
SHAPES = {"dot": "background:{c};border:1px solid #fff;border-radius:50%;",
          "square": "background:{c};border:1px solid #fff;border-radius:2px;",
          "line": "background:{c};height:0.25em;", "ring": "background:#fff;border:2px solid {c};border-radius:50%;"}


def colour_of(school_type: str) -> tuple[int, int, int]:
    """The fixed colour of a school type (grey for a type outside the vocabulary)."""
    return TYPE_COLOURS.get(school_type, OTHER_COLOUR)


def counts_by_type(schools: Iterable[Mapping[str, object]]) -> dict[str, int]:
    """Number of schools of each type, in the vocabulary's order, types with none left out."""
    counts = Counter(str(s["school_type"]) for s in schools)
    ordered = {kind: counts.pop(kind) for kind in SCHOOL_TYPES if kind in counts}
    return ordered | dict(sorted(counts.items()))


def legend_rows(counts: Mapping[str, int], lang: str) -> list[tuple[tuple[int, int, int], str, int]]:
    """(colour, translated type name, count) for each type present."""
    return [(colour_of(kind), type_label(kind, lang), n) for kind, n in counts.items()]


def table(entries: Iterable[Entry], lang: str, head: str | None = None) -> str:
    """An HTML table of swatch, label and count; every text is escaped, colours are integers."""
    esc = html.escape
    title = esc(head or t("legend.type", lang))
    rows = [f"<tr><th></th><th style='text-align:left'>{title}</th>"
            f"<th style='text-align:right;white-space:nowrap'>{esc(t('legend.count', lang))}</th></tr>"]
    for colour, label, count, shape in entries:
        rgb = "rgb({},{},{})".format(*(int(c) for c in colour[:3]))
        style = SHAPES.get(shape, SHAPES["dot"]).format(c=rgb)
        swatch = (f"<span style='display:inline-block;width:0.9em;height:0.9em;vertical-align:middle;"
                  f"box-sizing:border-box;{style}'></span>")
        shown = "" if count is None else esc(f"{int(count):,}")
        rows.append(f"<tr><td>{swatch}</td><td>{esc(str(label))}</td><td style='text-align:right'>{shown}</td></tr>")
    return f"<table class='xa-legend' style='width:100%;border-collapse:collapse'>{''.join(rows)}</table>"


def legend_html(counts: Mapping[str, int], lang: str) -> str:
    """The school-type legend."""
    return table([(c, label, n, "dot") for c, label, n in legend_rows(counts, lang)], lang)
