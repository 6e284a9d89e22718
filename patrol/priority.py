"""A school gate's patrol priority (the prize), as a sum of parts a leader can read.

    prize = max(1, type + pupils + hazards + signs + presence)

    type     = TYPE_POINTS[school type]  (幼儿园 40, 小学 35 first; unknown types get OTHER_TYPE_POINTS)
    pupils   = min(PUPIL_CAP, round(PUPIL_POINTS * log2(1 + pupils / 100)))   100 → 5, 300 → 10, 1500 → 20
    hazards  = min(HAZARD_CAP, HAZARD_POINTS * open surrounding-disorder hazards)
    signs    = min(SIGN_CAP, SIGN_POINTS * missing required signs)
    presence = round(PRESENCE_POINTS * (1 - recent peak-hour presence rate)), the rate taken as
               NO_DATA_RATE when there is no data: the less police were seen at the gate, the more it needs them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

TYPE_POINTS = {
    "幼儿园": 40,
    "小学": 35,
    "特殊教育": 30,
    "九年一贯制": 30,
    "初中": 20,
    "完全中学": 18,
    "高中": 15,
    "职业学校": 10,
}
OTHER_TYPE_POINTS = 10
PUPIL_POINTS, PUPIL_CAP = 5, 20
HAZARD_POINTS, HAZARD_CAP = 4, 20
SIGN_POINTS, SIGN_CAP = 2, 10
PRESENCE_POINTS = 15
NO_DATA_RATE = 0.5


@dataclass(frozen=True)
class Priority:
    """The prize and the points of each part, in the formula's order."""

    prize: int
    parts: dict[str, int]


def priority(
    school_type: str, pupils: int, hazards: int = 0, missing_signs: int = 0, presence_rate: float | None = None
) -> Priority:
    """The priority of one school from its type, pupils, open hazards, missing signs and recent presence rate."""
    if pupils < 0 or hazards < 0 or missing_signs < 0:
        raise ValueError("pupils, hazards and missing signs cannot be negative")
    if presence_rate is not None and not 0.0 <= presence_rate <= 1.0:
        raise ValueError(f"presence rate must be within 0..1, got {presence_rate}")
    rate = NO_DATA_RATE if presence_rate is None else presence_rate
    parts = {
        "type": TYPE_POINTS.get(school_type, OTHER_TYPE_POINTS),
        "pupils": min(PUPIL_CAP, round(PUPIL_POINTS * math.log2(1 + pupils / 100))),
        "hazards": min(HAZARD_CAP, HAZARD_POINTS * hazards),
        "signs": min(SIGN_CAP, SIGN_POINTS * missing_signs),
        "presence": round(PRESENCE_POINTS * (1 - rate)),
    }
    return Priority(max(1, sum(parts.values())), parts)


def priority_of(row: Mapping[str, object]) -> Priority:
    """The priority of a school row: school_type, pupils, open_disorder, missing_signs, presence_rate (None/NaN ok)."""

    def number(key: str) -> float | None:
        value = row.get(key)
        return None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)

    return priority(
        str(row.get("school_type") or ""),
        int(number("pupils") or 0),
        int(number("open_disorder") or 0),
        int(number("missing_signs") or 0),
        number("presence_rate"),
    )
