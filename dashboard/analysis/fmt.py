"""Numbers for Chinese readers, one style everywhere: 1,234 and 87.5%; markdown-safe user text (pure)."""

from __future__ import annotations

import datetime as dt
import math
import re

from texts import t

MISSING = "—"
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:&])")


def _bad(value: object) -> bool:
    """Whether value is no number at all (None, NaN, text)."""
    return value is None or isinstance(value, str) or (isinstance(value, float) and math.isnan(value))


def num(value: object) -> str:
    """An integer count with thousands separators: 1,234 (— when unknown)."""
    return MISSING if _bad(value) else f"{round(float(value)):,}"  # type: ignore[arg-type]


def pct(rate: object, digits: int = 1) -> str:
    """A share 0…1 as a percentage with one decimal: 87.5% (— when unknown)."""
    return MISSING if _bad(rate) else f"{float(rate) * 100:.{digits}f}%"  # type: ignore[arg-type]


def metres(value: object) -> str:
    """A distance in whole metres: 1,234 m."""
    return MISSING if _bad(value) else f"{num(value)} m"


def day(value: object) -> str:
    """A date as 2025-03-04 (— when unknown)."""
    return value.isoformat() if isinstance(value, dt.date) else MISSING


def delta_count(current: object, previous: object) -> str | None:
    """Change of a count, signed: +3, -1, 0 (None when either is unknown)."""
    if _bad(current) or _bad(previous):
        return None
    change = round(float(current) - float(previous))  # type: ignore[arg-type]
    return f"{change:+,}" if change else "0"


def delta_rate(current: object, previous: object, lang: str) -> str | None:
    """Change of a share in percentage points: +2.5 个百分点 / +2.5 pp (None when unknown)."""
    if _bad(current) or _bad(previous):
        return None
    change = (float(current) - float(previous)) * 100  # type: ignore[arg-type]
    text = f"{change:+.1f}" if round(change, 1) else "0.0"
    return f"{text} {t('unit.pp', lang)}"


def md(text: object) -> str:
    """User text made literal inside Streamlit markdown: every markdown and HTML character escaped."""
    return _MD_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


def four100_moves(moves: dict[str, tuple[int, int]], lang: str) -> str | None:
    """The period's four-100% changes as one line (本期新增护学岗 1 所…；减少…), None when nothing moved."""
    def listed(i: int) -> str:
        return t("overview.four100_sep", lang).join(
            t("overview.four100_item", lang).format(flag=t(f"flag.{flag}", lang), n=num(pair[i]))
            for flag, pair in moves.items() if pair[i])
    gained, lost = listed(0), listed(1)
    if not gained and not lost:
        return t("overview.four100_none", lang) if moves else None
    parts = [t("overview.four100_gained", lang).format(items=gained)] if gained else []
    parts += [t("overview.four100_lost", lang).format(items=lost)] if lost else []
    return t("overview.four100_sep2", lang).join(parts)
