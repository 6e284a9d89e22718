"""The brief's 'problems found' paragraphs (pure, from the problem lists): names listed, long lists cut."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pandas as pd

from dashboard.exports.sentences import cn_date
from texts import short_county, t

LIMIT = 10  # names written out per problem; the work lists hold every row


def listed(items: Iterable[str], total: int, unit: str, sep: str = "、") -> str:
    """a、b、c (…等n所，详见工作清单)."""
    names = list(items)[:LIMIT]
    more = f"等{total}{unit}（详见工作清单）" if total > len(names) else ""
    return sep.join(names) + more


def liaison(gaps: pd.DataFrame) -> str:
    """（一）Schools with no or weak liaison."""
    none = gaps[gaps["col.gap"] == t("gap_kind.no_liaison", "zh")]
    weak = gaps[gaps["col.gap"] == t("gap_kind.weak_liaison", "zh")]
    if none.empty and weak.empty:
        return "（一）挂钩民警落实情况。所有学校均已落实有效的挂钩民警。"
    parts = []
    if len(none):
        parts.append(f"{len(none)}所学校没有有效的挂钩民警：" + listed(
            (f"{r['col.school']}（{short_county(r['col.county'])}，{r['col.reason']}）" for _, r in none.iterrows()),
            len(none), "所"))
    if len(weak):
        parts.append(f"{len(weak)}所学校挂钩偏弱：" + listed(
            (f"{r['col.school']}（{r['col.reason']}）" for _, r in weak.iterrows()), len(weak), "所"))
    return "（一）挂钩民警未落实或偏弱。" + "；".join(parts) + "。"


def presence(gaps: pd.DataFrame) -> str:
    """（二）Schools never or seldom visited at the peaks (whatever their liaison)."""
    held = gaps["col.windows"] > 0
    never = gaps[held & (gaps["col.present"] == 0)]
    low = gaps[held & (gaps["col.present"] > 0) & (gaps["col.rate"] < 0.5)]
    if never.empty and low.empty:
        return "（二）高峰时段见警情况。各校高峰时段见警率均不低于50%。"
    parts = []
    if len(never):
        parts.append(f"{len(never)}所学校时段内高峰时段始终无警车到校："
                     + listed(never["col.school"], len(never), "所"))
    if len(low):
        parts.append(f"{len(low)}所学校见警率低于50%：" + listed(
            (f"{r['col.school']}（{r['col.rate'] * 100:.0f}%）" for _, r in low.iterrows()), len(low), "所"))
    return "（二）高峰时段见警不足。" + "；".join(parts) + "。"


def overdue(hazards: pd.DataFrame, last: dt.date) -> str:
    """（三）Hazards past their deadline, with the liaison officer to call (phone masked)."""
    if hazards.empty:
        return f"（三）隐患整改情况。截至{cn_date(last)}，没有逾期未整改的隐患。"
    items = (f"{r['col.school'] or short_county(r['col.county'])}{r['col.category']}，"
             f"限期{cn_date(r['col.deadline'])}，已逾期{r['col.days_overdue']}天"
             + (f"，挂钩民警：{r['col.liaison']}" if r["col.liaison"] else "") for _, r in hazards.iterrows())
    return (f"（三）隐患逾期未整改。截至{cn_date(last)}，{len(hazards)}处隐患已过整改期限仍未整改："
            + listed(items, len(hazards), "处", "；") + "。")


def escalate(hazards: pd.DataFrame, days: int) -> str:
    """Hazards overdue by more than days, to be reported up to the Party committee and government (专报)."""
    if hazards.empty:
        return f"逾期超过{days}天、需专报党委、政府的隐患：无。"
    items = (f"{r['col.school'] or short_county(r['col.county'])}{r['col.category']}"
             f"（逾期{r['col.days_overdue']}天" + (f"，临时措施：{r['col.temporary_measure']}"
                                                  if r.get("col.temporary_measure") else "") + "）"
             for _, r in hazards.iterrows())
    return (f"逾期超过{days}天、需及时专报党委、政府的隐患{len(hazards)}处："
            + listed(items, len(hazards), "处", "；") + "。")


def signs(sign_rows: pd.DataFrame) -> str:
    """（四）Schools missing required signs, and signs not put back after road works."""
    late_label = t("signs.not_reinstalled_short", "zh")
    late = sign_rows[sign_rows["col.problem"] == late_label].drop_duplicates("col.sign")
    missing = sign_rows[sign_rows["col.problem"] != late_label]
    if missing.empty and late.empty:
        return "（四）交通标志设置情况。临路学校必设交通标志齐全，没有施工后未恢复的标志。"
    parts = []
    if len(missing):
        by_school = missing.groupby(["col.code", "col.school", "col.road"], sort=False)["col.sign_kind"].agg("、".join)
        parts.append(f"{len(by_school)}所临路学校缺少必设交通标志：" + listed(
            (f"{school}（{road}，缺{kinds}）" for (_, school, road), kinds in by_school.items()),
            len(by_school), "所"))
    if len(late):
        parts.append(f"道路施工后未恢复的交通标志{len(late)}块：" + listed(
            (f"{r['col.road']}{r['col.sign_kind']}（{r['col.sign']}，施工于{cn_date(r['col.work_finished'])}完工）"
             for _, r in late.iterrows()), len(late), "块"))
    return "（四）交通标志缺失。" + "；".join(parts) + "。"
