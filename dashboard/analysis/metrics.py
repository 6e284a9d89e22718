"""Headline figures from the analytics frames (pure): shares, hazard states, schools missing signs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field

import pandas as pd

from db.analytics.backlog import stock

HAZARD_STATES = ("found", "rectified", "on_deadline", "open", "overdue")


@dataclass(frozen=True)
class Figures:
    """The figures of one period; None where nothing could be measured."""

    coverage: float | None
    presence: float | None
    four100: float | None
    hazards: dict[str, int] = field(default_factory=dict)
    missing_signs: int = 0
    backlog: dict[str, object] = field(default_factory=dict)  # the stock on the period's last day (挂账)
    four100_moves: dict[str, tuple[int, int]] = field(default_factory=dict)  # flag -> (newly met, lost)


def only(frame: pd.DataFrame, codes: Collection[str] | None, column: str = "school_code") -> pd.DataFrame:
    """Rows of the schools in codes (all rows when codes is None: no school-type filter)."""
    return frame if codes is None else frame[frame[column].isin(list(codes))]


def share(flags: pd.Series) -> float | None:
    """The share of true values, None for no values."""
    return float(flags.astype(bool).mean()) if len(flags) else None


def presence_rate(days: pd.DataFrame) -> float | None:
    """Windows with presence / school-day windows."""
    held = int(days["windows"].sum()) if len(days) else 0
    return float(days["present"].sum()) / held if held else None


def hazard_flags(hazards: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """Per hazard: rectified, on_deadline, open and overdue on as_of (the definitions of hazard_summary)."""
    rectified_on = pd.to_datetime(hazards["rectified_on"])
    done = (hazards["status"] == "rectified") & rectified_on.notna() & (rectified_on <= pd.Timestamp(as_of))
    waiting = (hazards["status"] == "deadline") | (
        (hazards["status"] == "rectified") & ~done & hazards["deadline"].notna())
    return pd.DataFrame({"rectified": done, "on_deadline": waiting & ~done, "open": ~done & ~waiting,
                         "overdue": hazards["overdue"].astype(bool)}, index=hazards.index)


def hazard_counts(hazards: pd.DataFrame, as_of: dt.date) -> dict[str, int]:
    """Hazards found, rectified, on deadline, open and overdue."""
    flags = hazard_flags(hazards, as_of)
    return {"found": len(hazards), **{k: int(flags[k].sum()) for k in HAZARD_STATES[1:]}}


def missing_sign_schools(signs: pd.DataFrame) -> int:
    """Schools with at least one required sign kind missing."""
    return int(signs.loc[signs["missing"].astype(bool), "school_code"].nunique()) if len(signs) else 0


def figures(coverage: pd.DataFrame, presence: pd.DataFrame, four100: pd.DataFrame, hazards: pd.DataFrame,
            signs: pd.DataFrame, as_of: dt.date, backlog: pd.DataFrame | None = None,
            moves: dict[str, tuple[int, int]] | None = None) -> Figures:
    """The headline figures of a period from its frames (the backlog: hazards open on as_of, whenever found)."""
    return Figures(share(coverage["covered"]), presence_rate(presence), share(four100["all_four"]),
                   hazard_counts(hazards, as_of), missing_sign_schools(signs),
                   stock(backlog) if backlog is not None else {}, moves or {})


FOUR100_FLAGS = ("full_time_guard", "closed_management", "alarm_video_linked", "guard_post", "all_four")


def four100_moves(changes: pd.DataFrame, codes: Collection[str] | None = None) -> dict[str, tuple[int, int]]:
    """Per four-100% flag, schools that newly met it and that lost it in the period (of codes, if given)."""
    out: dict[str, tuple[int, int]] = {}
    for flag in FOUR100_FLAGS:
        rows = changes[changes["flag"] == flag]
        if codes is None:
            out[flag] = (int(rows["newly_met"].sum()), int(rows["lost"].sum()))
        else:
            keep = set(codes)
            out[flag] = (sum(len(keep.intersection(x)) for x in rows["newly_met_schools"]),
                         sum(len(keep.intersection(x)) for x in rows["lost_schools"]))
    return out


def rectification_rate(counts: dict[str, int]) -> float | None:
    """Rectified / found."""
    return counts["rectified"] / counts["found"] if counts.get("found") else None


def hazards_by_county(hazards: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    """Found, rectified, on deadline, open, overdue and the rectification rate per county."""
    rows = [{"county_adcode": code, **(c := hazard_counts(group, as_of)), "rectification": rectification_rate(c)}
            for code, group in hazards.groupby("county_adcode")]
    return pd.DataFrame(rows, columns=["county_adcode", *HAZARD_STATES, "rectification"])


def union_hazards(*frames: pd.DataFrame) -> pd.DataFrame:
    """The hazards of several frames, each once (the first frame's row wins)."""
    kept = [f for f in frames if len(f)]
    return pd.concat(kept).drop_duplicates("hazard_id") if kept else frames[0]


def select_hazards(hazards: pd.DataFrame, kinds: Collection[str], categories: Collection[str],
                   statuses: Collection[str]) -> pd.DataFrame:
    """The hazards of the chosen kinds, categories and stored statuses (an empty choice keeps all)."""
    keep = pd.Series(True, index=hazards.index)
    for column, chosen in (("kind", kinds), ("category", categories), ("status", statuses)):
        if chosen:
            keep &= hazards[column].isin(list(chosen))
    return hazards[keep]
