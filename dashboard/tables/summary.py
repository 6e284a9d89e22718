"""Tables as shown (pure): chosen columns, formatted the one way, headed in the user's language."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd

from dashboard.analysis import fmt
from texts import county_label, label, t, type_label

Column = tuple[str, str, Callable[[Any], str]]  # (source column, catalogue key of the header, formatter)


def text(value: object) -> str:
    """Any value as plain text (— when missing)."""
    return fmt.MISSING if value is None or (isinstance(value, float) and value != value) else str(value)


def formatted(values: list[Any], fmt_: Callable[[Any], str]) -> list[str]:
    """Each value formatted; each distinct value only once (columns repeat counties, types, states)."""
    try:
        memo = {v: fmt_(v) for v in set(values)}
    except TypeError:  # unhashable cells
        return [fmt_(v) for v in values]
    return [memo[v] if v in memo else fmt_(v) for v in values]  # NaN is not found again: formatted anew


def shown(frame: pd.DataFrame, columns: Sequence[Column], lang: str) -> pd.DataFrame:
    """The frame's chosen columns, formatted and headed in lang (every cell is text)."""
    out = {t(key, lang): formatted(frame[source].tolist(), fmt_) if source in frame
           else [fmt.MISSING] * len(frame) for source, key, fmt_ in columns}
    return pd.DataFrame(out, index=range(len(frame)))


def coded(prefix: str, lang: str) -> Callable[[Any], str]:
    """A formatter for coded values (statuses, kinds, reasons) in lang."""
    return lambda v: fmt.MISSING if v is None or v != v or v == "" else label(prefix, v, lang)


def types(lang: str) -> Callable[[Any], str]:
    """A formatter for school types in lang."""
    return lambda v: type_label(str(v), lang)


def counties(rows: Sequence[Mapping[str, Any]], lang: str) -> Callable[[Any], str]:
    """A formatter from adcode to the county's name in lang."""
    names = {str(c["adcode"]): county_label(c, lang) for c in rows}
    return lambda v: names.get(str(v), text(v))


def county_comparison(table: pd.DataFrame, county_rows: Sequence[Mapping[str, Any]], lang: str) -> pd.DataFrame:
    """The overview's county comparison as shown."""
    return shown(table, [
        ("county_adcode", "col.county", counties(county_rows, lang)), ("schools", "col.schools", fmt.num),
        ("coverage", "col.coverage", fmt.pct), ("presence", "col.presence", fmt.pct),
        ("four100", "col.four100", fmt.pct), ("found", "col.found", fmt.num), ("open", "col.open", fmt.num),
        ("overdue", "col.overdue", fmt.num), ("rectification", "col.rectification", fmt.pct),
        ("missing_signs", "col.missing_signs", fmt.num)], lang)


def gap_list(table: pd.DataFrame, county_rows: Sequence[Mapping[str, Any]], lang: str) -> pd.DataFrame:
    """The coverage-gap list as shown."""
    return shown(table, [
        ("name", "col.school", text), ("school_code", "col.code", text),
        ("county_adcode", "col.county", counties(county_rows, lang)), ("school_type", "col.type", types(lang)),
        ("gap", "col.gap", coded("gap_kind", lang)), ("reason", "col.reason", coded("gap", lang)),
        ("expired_on", "col.expired_on", fmt.day), ("nearest_unit_m", "col.unit_m", fmt.metres),
        ("windows", "col.windows", fmt.num), ("present", "col.present", fmt.num), ("rate", "col.rate", fmt.pct),
        ("min_distance_m", "col.closest", fmt.metres)], lang)


def overdue_list(hazards: pd.DataFrame, as_of: Any, county_rows: Sequence[Mapping[str, Any]], lang: str,
                 keep_order: bool = False) -> pd.DataFrame:
    """The overdue hazards as shown, longest overdue first (or in the order given)."""
    late = hazards[hazards["overdue"].astype(bool)].copy()
    late["days"] = [(as_of - d).days if d is not None and d == d else None for d in late["deadline"]]
    late = late if keep_order else late.sort_values("days", ascending=False)
    return shown(late, [
        ("hazard_id", "col.hazard", text), ("kind", "col.kind", coded("hazard_kind", lang)),
        ("category", "col.category", text), ("school_name", "col.school", text),
        ("county_adcode", "col.county", counties(county_rows, lang)), ("found_on", "col.found_on", fmt.day),
        ("deadline", "col.deadline", fmt.day), ("days", "col.days_overdue", fmt.num),
        ("description", "col.description", text), ("temporary_measure", "col.temporary_measure", text)], lang)


def hazard_counties(summary: pd.DataFrame, county_rows: Sequence[Mapping[str, Any]], lang: str) -> pd.DataFrame:
    """Hazard states per county as shown."""
    return shown(summary, [
        ("county_adcode", "col.county", counties(county_rows, lang)), ("found", "col.found", fmt.num),
        ("rectified", "col.rectified", fmt.num), ("on_deadline", "col.on_deadline", fmt.num),
        ("open", "col.open", fmt.num), ("overdue", "col.overdue", fmt.num),
        ("rectification", "col.rectification", fmt.pct)], lang)

