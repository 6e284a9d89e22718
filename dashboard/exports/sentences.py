"""The brief's figures written out as the bureau writes them (pure): 出动警力2265人次、车辆558辆次；…"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from dashboard.exports.figures import Figures


def cn_date(day: dt.date, year: bool = True) -> str:
    """2025年3月3日 (or 3月3日)."""
    return f"{day.year}年{day.month}月{day.day}日" if year else f"{day.month}月{day.day}日"


def cn_period(first: dt.date, last: dt.date) -> str:
    """2025年3月3日至3月16日; the year repeated only when it changes."""
    return f"{cn_date(first)}至{cn_date(last, year=last.year != first.year)}"


def pct(rate: float | None) -> str:
    """A share as 97.2%; — when unknown."""
    return "—" if rate is None else f"{rate * 100:.1f}%"


def n(value: object) -> str:
    """A count as the bureau writes it: digits, no separators."""
    return str(int(value or 0))  # type: ignore[call-overload]


def joined(clauses: Iterable[str], sep: str = "；") -> str:
    """The non-empty clauses joined."""
    return sep.join(c for c in clauses if c)


def hazard_clause(f: Figures, kind: str, found: str, done: str) -> str:
    """排查…隐患36处，整改28处，限期整改8处(，尚未整改n处)."""
    if not f[f"{kind}_found"]:
        return ""
    parts = [f"{found}{n(f[f'{kind}_found'])}处", f"{done}{n(f[f'{kind}_rectified'])}处"]
    parts += [f"限期整改{n(f[f'{kind}_on_deadline'])}处"] if f[f"{kind}_on_deadline"] else []
    parts += [f"尚未整改{n(f[f'{kind}_open'])}处"] if f[f"{kind}_open"] else []
    return "，".join(parts)


def work_sentence(f: Figures, where: str, first: dt.date, last: dt.date) -> str:
    """What the police did in the period, one sentence in the style of the bureau's reports."""
    deployed = "、".join(x for x in (f"出动警力{n(f['officer_times'])}人次" if f["officer_times"] else "",
                                     f"车辆{n(f['vehicle_times'])}辆次" if f["vehicle_times"] else "") if x)
    outreach = "，".join(x for x in (f"发放宣传资料{n(f['flyers'])}份" if f["flyers"] else "",
                                     f"受教育{n(f['participants'])}人次" if f["participants"] else "") if x)
    body = joined([
        deployed, hazard_clause(f, "campus", "排查校园内部安全隐患", "整改"),
        hazard_clause(f, "surrounding", "排查整治校园周边治安乱点", "整治"),
        f"开展督导检查{n(f['inspections'])}次" if f["inspections"] else "",
        f"开展法制教育{n(f['legal_education'])}场" if f["legal_education"] else "",
        f"组织应急演练{n(f['drills'])}次" if f["drills"] else "", outreach])
    head = f"{cn_period(first, last)}，{where}公安机关"
    return f"{head}共{body}。" if body else f"{head}在本系统中没有工作开展记录。"


def liaison_sentence(f: Figures, where: str, last: dt.date) -> str:
    """Liaison coverage on the last day and peak-hour presence in the period."""
    text = (f"截至{cn_date(last)}，{where}共有学校（幼儿园）{n(f['schools'])}所，落实挂钩民警{n(f['covered'])}所，"
            f"覆盖率{pct(f['coverage'])}")
    weak = f"{n(f['weak_liaison'])}所挂钩偏弱（民警挂钩学校过多或所属单位距离过远）"
    gaps = joined([f"{n(f['no_liaison'])}所未落实挂钩民警" if f["no_liaison"] else "",
                   weak if f["weak_liaison"] else ""], "，")
    if not f["windows"]:
        return joined([text, gaps], "；") + "。时段内没有上学日高峰时段的见警记录。"
    presence = (f"时段内上学日高峰时段共{n(f['windows'])}个，有警车到校{n(f['present'])}个，"
                f"高峰见警率{pct(f['presence'])}")
    misses = joined([f"{n(f['no_presence'])}所学校高峰时段始终无警车到校" if f["no_presence"] else "",
                     f"{n(f['low_presence'])}所见警率低于50%" if f["low_presence"] else ""], "，")
    return joined([text, gaps], "；") + "。" + joined([presence, misses], "；") + "。"


def safety_sentence(f: Figures, last: dt.date) -> str:
    """Four-100% targets, required traffic signs and overdue hazards."""
    four = (f"“四个100%”全部达标学校{n(f['all_four'])}所，达标率{pct(f['four100'])}（配备专职保安员"
            f"{n(f['full_time_guard'])}所、封闭化管理{n(f['closed_management'])}所、一键式紧急报警和视频监控联网"
            f"{n(f['alarm_video_linked'])}所、设立护学岗{n(f['guard_post'])}所）")
    signs = (f"校门临路学校{n(f['near_road'])}所，必设交通标志齐全{n(f['signs_complete'])}所，"
             f"缺少必设标志{n(f['missing_signs'])}所；道路施工后未恢复的交通标志{n(f['not_reinstalled'])}块")
    return f"{four}。{four100_change_sentence(f)}{signs}。{backlog_sentence(f, last)}"


FLAG_WORDS = (("full_time_guard", "配备专职保安员"), ("closed_management", "实行封闭化管理"),
              ("alarm_video_linked", "一键式紧急报警和视频监控联网"), ("guard_post", "设立护学岗"),
              ("all_four", "“四个100%”全部达标"))


def four100_change_sentence(f: Figures) -> str:
    """本期新增配备专职保安员3所、…；减少设立护学岗1所。 (nothing when the history is not known)."""
    if "newly_all_four" not in f:
        return ""
    gained = "、".join(f"{w}{n(f[f'newly_{k}'])}所" for k, w in FLAG_WORDS if f[f"newly_{k}"])
    lost = "、".join(f"{w}{n(f[f'lost_{k}'])}所" for k, w in FLAG_WORDS if f[f"lost_{k}"])
    if not gained and not lost:
        return "本期各项达标学校数无增减。"
    return joined([f"本期新增{gained}" if gained else "", f"减少{lost}" if lost else ""]) + "。"


def backlog_sentence(f: Figures, last: dt.date) -> str:
    """The backlog in the bureau's words: 截至…，仍有 N 处隐患未完成整改，其中 M 处已逾期，最早一处发现于…."""
    if not f.get("backlog"):
        return f"截至{cn_date(last)}，排查发现的隐患均已完成整改。"
    late = f"其中{n(f['backlog_overdue'])}处已逾期" if f["backlog_overdue"] else "均在整改期限内"
    return (f"截至{cn_date(last)}，仍有{n(f['backlog'])}处隐患未完成整改，{late}，"
            f"最早一处发现于{cn_date(f['oldest_open'])}。")


def plan_sentence(f: Figures, first: dt.date, last: dt.date) -> str:
    """本周计划巡逻点位N个，按时到位M个，迟到L个，到位率x%；未到位m个，另有b个由其他警车到位。 ("" without plans)."""
    if not f.get("plan_stops"):
        return ""
    period = "本周" if (last - first).days == 6 else "本期"
    others = f"，另有{n(f['plan_by_other'])}个由其他警车到位" if f["plan_by_other"] else ""
    return (f"{period}计划巡逻点位{n(f['plan_stops'])}个，按时到位{n(f['plan_on_time'])}个，迟到{n(f['plan_late'])}个，"
            f"到位率{pct(f['plan_rate'])}；未到位{n(f['plan_missed'])}个{others}。")
