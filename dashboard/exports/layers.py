"""What each print map shows (pure, from a Snapshot): legend sections of points or hexagons in UTM metres."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dashboard.analysis import gaps as gap_rules
from dashboard.analysis import signs as sign_rules
from dashboard.analysis.statuses import STATUS_COLOURS, STATUSES
from dashboard.exports.geo import to_utm
from dashboard.exports.snapshot import Snapshot
from dashboard.exports.texts import tx
from dashboard.maps.hazards import CLASS_COLOURS, OVERDUE_RING
from dashboard.maps.hazards import STATUS_COLOURS as HAZARD_COLOURS
from db.analytics.hotspots import CLASSES
from texts import label

RGB = tuple[int, int, int]


@dataclass(frozen=True)
class Group:
    """One legend entry and what is drawn for it: points (an (n, 2) array) or hexagons."""

    label: str
    colour: RGB
    xy: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))
    shape: str = "dot"  # dot | ring | diamond | hex
    size: float = 22.0  # marker area in pt²
    polygons: Sequence[np.ndarray] = ()

    @property
    def count(self) -> int:
        """How many features the entry stands for."""
        return len(self.polygons) if self.shape == "hex" else len(self.xy)


@dataclass(frozen=True)
class Section:
    """A titled block of the legend; its groups are drawn in order (the first at the bottom)."""

    title: str
    groups: list[Group]


def points(rows: pd.DataFrame, lon: str = "lon", lat: str = "lat") -> np.ndarray:
    """The rows' positions in UTM metres."""
    return to_utm(rows[lon], rows[lat]) if len(rows) else np.zeros((0, 2))


def schools_by(schools: pd.DataFrame, state: pd.Series, order: Sequence[str], colours: dict[str, RGB],
               prefix: str, lang: str) -> list[Group]:
    """One group per state (order: worst first; drawn last), the schools without a problem small."""
    return [Group(label(prefix, s, lang), colours[s], points(schools[state == s]), size=10 if s == "ok" else 24)
            for s in reversed(order)]


def overview(snap: Snapshot, lang: str) -> list[Section]:
    """Schools coloured by their worst status."""
    state = snap.schools["school_code"].map(snap.worst).fillna("ok")
    return [Section(tx("map.schools_status", lang),
                    schools_by(snap.schools, state, STATUSES, STATUS_COLOURS, "status", lang))]


def gaps(snap: Snapshot, lang: str) -> list[Section]:
    """Schools coloured by their coverage gap."""
    table = snap.gaps
    return [Section(tx("map.schools_gap", lang),
                    schools_by(table, table["gap"], gap_rules.KINDS, gap_rules.KIND_COLOURS, "gap_kind", lang))]


def hexagon(geojson: str) -> np.ndarray:
    """A hexagon's ring (WGS-84 GeoJSON) in UTM metres."""
    ring = np.asarray(json.loads(geojson)["coordinates"][0])
    return to_utm(ring[:, 0], ring[:, 1])


def hotspots(snap: Snapshot, grid: pd.DataFrame, size_m: float, lang: str) -> list[Section]:
    """Hexagons with a hazard or a significant class by Gi* class; hazard points by status, overdue ringed."""
    shown = grid[(grid["hazard_count"] > 0) | (grid["hotspot_class"] != "not_significant")]
    cells = [Group(label("hotspot", c, lang), CLASS_COLOURS[c], shape="hex",
                   polygons=[hexagon(g) for g in shown.loc[shown["hotspot_class"] == c, "geojson"]])
             for c in CLASSES]
    found = snap.hazards
    dots = [Group(label("hazard_status", s, lang), HAZARD_COLOURS[s], points(found[found["status"] == s]), size=20)
            for s in ("rectified", "deadline", "open")]
    late = Group(label("hazard_status", "overdue", lang), OVERDUE_RING,
                 points(found[found["overdue"].astype(bool)]), shape="ring", size=70)
    return [Section(tx("map.hexagons", lang).format(km=f"{size_m / 1000:g}"), cells),
            Section(tx("map.hazards", lang), [*dots, late])]


def signs(snap: Snapshot, lang: str) -> list[Section]:
    """Schools near a road: missing signs or complete; signs not put back after road works."""
    by_school = sign_rules.missing_by_school(snap.signs, snap.schools, lang)
    lacking = by_school["missing"] > 0 if len(by_school) else pd.Series(dtype=bool)
    schools = [Group(tx("signs.school.complete", lang), sign_rules.SCHOOL_COLOURS["complete"],
                     points(by_school[~lacking]), size=14),
               Group(tx("signs.school.missing", lang), sign_rules.SCHOOL_COLOURS["missing"],
                     points(by_school[lacking]), size=28)]
    late = snap.not_reinstalled.drop_duplicates("sign_code")
    return [Section(tx("map.sign_schools", lang), schools),
            Section(tx("map.sign_late", lang), [Group(tx("signs.not_reinstalled_short", lang),
                                                      sign_rules.NOT_REINSTALLED_RING, points(late), shape="diamond",
                                                      size=40)])]
