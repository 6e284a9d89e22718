"""The brief as a Word document (`write_brief`): figures as sentences, tables by county, maps, problems."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import IO

import sqlalchemy as sa

from dashboard.exports import docx_style as d
from dashboard.exports import findings, maps, problems
from dashboard.exports import sentences as s
from dashboard.exports.basemap import read_base
from dashboard.exports.figures import Figures, figures
from dashboard.exports.snapshot import Snapshot, take
from dashboard.exports.texts import tx
from db.settings import get_settings

WORK_HEADER = ["县（市）", "出动警力（人次）", "出动车辆（辆次）", "督导检查（次）", "法制教育（场）", "应急演练（次）",
               "宣传资料（份）", "受教育（人次）"]
WORK_KEYS = ["officer_times", "vehicle_times", "inspections", "legal_education", "drills", "flyers", "participants"]
STATE_HEADER = ["县（市）", "学校（所）", "挂钩覆盖率", "高峰见警率", "四个100%达标率", "校园隐患（发现/整改/限期）",
                "周边乱点（发现/整治/限期）", "逾期未整改（处）", "缺标志学校（所）", "未恢复标志（块）"]
MAP_CAPTIONS = {"overview": "学校综合状况分布图", "gaps": "一校一警覆盖缺口分布图", "hotspots": "隐患热点分布图",
                "signs": "交通标志缺失分布图"}
MAP_DPI = 200


def where(snap: Snapshot, whole: str = "全州") -> str:
    """The selection as a brief names it: 全州 (怒江州 in titles), or the counties' full names."""
    return whole if not snap.counties else "、".join(snap.activities["county_zh"])


def state_row(name: str, f: Figures) -> list[str]:
    """One row of the county table of safety figures."""
    def trio(kind: str) -> str:
        """found/rectified/on deadline of one kind of hazard."""
        return "/".join(s.n(f[f"{kind}_{k}"]) for k in ("found", "rectified", "on_deadline"))
    return [name, s.n(f["schools"]), s.pct(f["coverage"]), s.pct(f["presence"]), s.pct(f["four100"]),
            trio("campus"), trio("surrounding"), s.n(f["overdue_all"]), s.n(f["missing_signs"]),
            s.n(f["not_reinstalled"])]


def by_county(conn: sa.Connection, snap: Snapshot) -> list[tuple[str, Figures]]:
    """Each selected county's figures (its own snapshot, so that every county filter applies), then the total."""
    rows = [(str(c.county_zh), figures(take(conn, [c.county_adcode], snap.date_from, snap.date_to)))
            for c in snap.activities.itertuples()]
    return [*rows, ("合计", figures(snap))] if len(rows) > 1 else rows


def write_brief(conn: sa.Connection, counties: Sequence[str] | None, date_from: dt.date, date_to: dt.date,
                path: Path | IO[bytes], dpi: int = MAP_DPI) -> Figures:
    """Write the brief of the counties (None: all) for the period to path or a stream; return its figures."""
    snap = take(conn, counties, date_from, date_to)
    f, place = figures(snap), where(snap)
    doc = d.new_document()
    named = where(snap, tx("export.prefecture", "zh"))
    d.title(doc, f"{named}校园及周边安全工作情况简报", f"（{s.cn_period(date_from, date_to)}）")
    d.heading(doc, "一、工作开展情况")
    d.paragraph(doc, s.work_sentence(f, place, date_from, date_to))
    d.heading(doc, "二、一校一警落实及校园安全设施情况")
    d.paragraph(doc, s.liaison_sentence(f, place, date_to))
    if plan_line := s.plan_sentence(f, date_from, date_to):
        d.paragraph(doc, plan_line)
    d.paragraph(doc, s.safety_sentence(f, date_to))
    d.heading(doc, "三、各县（市）情况")
    rows = by_county(conn, snap)
    total = len(rows) > 1
    d.table(doc, "表1  各县（市）工作开展情况", WORK_HEADER, [[n, *(s.n(x[k]) for k in WORK_KEYS)] for n, x in rows],
            total)
    d.paragraph(doc, "")
    d.table(doc, f"表2  各县（市）校园安全状况（状态截至{s.cn_date(date_to)}）", STATE_HEADER,
            [state_row(n, x) for n, x in rows], total)
    d.heading(doc, "四、存在的问题")
    gaps = problems.gap_list(snap)
    overdue = problems.overdue_list(snap)
    days = get_settings().escalate_days
    for text in (findings.liaison(gaps), findings.presence(gaps), findings.overdue(overdue, date_to),
                 findings.escalate(problems.overdue_list(snap, longer_than=days), days),
                 findings.signs(problems.sign_list(snap))):
        d.paragraph(doc, text)
    d.heading(doc, "附图")
    base = read_base(conn, snap.counties)
    for i, view in enumerate(maps.VIEWS, start=1):
        d.figure(doc, maps.snapshot_png(conn, snap, base, view, "zh", dpi), f"附图{i}  {named}{MAP_CAPTIONS[view]}")
    d.paragraph(doc, "注：本简报由校安图根据数据库自动生成，各项数字均按所选时段和范围统计；"
                     f"{maps.as_of_text(snap, 'zh')}；民警联系电话已脱敏。{tx('map.crs', 'zh')}。", size=12)
    doc.save(path)
    return f
