"""Texts of the overview page."""

TEXTS: dict[str, tuple[str, str]] = {
    "overview.title": ("校安图 · 学校安全总览", "XiaoAn · campus safety at a glance"),
    "overview.caption": ("所选时段的一校一警工作情况；变化为与上一同长时段相比。",
                         "The one-school-one-officer programme in the period; changes are against the "
                         "previous period of the same length."),
    "overview.compared": ("对比时段：{a} 至 {b}", "Compared with {a} to {b}"),
    "overview.empty_period": ("所选时段内没有见警记录和隐患记录，请调整日期。",
                              "No presence and no hazards recorded in this period: try other dates."),
    "overview.colour": ("学校着色", "Colour schools by"),
    "overview.colour.status": ("最差状态", "Worst status"),
    "overview.colour.type": ("学校类型", "School type"),
    "overview.counties": ("各县（市）对比", "County comparison"),
    "overview.four100_item": ("{flag} {n} 所", "{flag} {n}"),
    "overview.four100_sep": ("、", ", "),
    "overview.four100_sep2": ("；", "; "),
    "overview.four100_gained": ("四个100%：本期新增 {items}", "Four-100% this period: newly met {items}"),
    "overview.four100_lost": ("减少 {items}", "lost {items}"),
    "overview.four100_none": ("四个100%：本期各项达标学校无增减。", "Four-100%: no school met or lost a target "
                              "this period."),
    "metric.four100_help": ("时段末日四项全部达标的学校占比（按各校截至该日最近一次检查）",
                            "Share of schools meeting all four on the period's last day (each school's latest "
                            "check on or before it)"),
    "metric.schools": ("学校总数", "Schools"),
    "metric.pupils": ("在校学生", "Pupils"),
    "metric.counties": ("县（市）", "Counties"),
    "metric.coverage": ("挂钩民警覆盖率", "Liaison coverage"),
    "metric.coverage_help": ("时段末日有有效挂钩民警的学校占比", "Share of schools with a valid liaison "
                             "officer on the period's last day"),
    "metric.presence": ("高峰见警率", "Peak-hour presence"),
    "metric.presence_help": ("有警车到校的高峰时段 / 上学日高峰时段", "Peak windows with a patrol at the gate / "
                             "school-day peak windows"),
    "metric.four100": ("四个100%达标率", "Four-100% met"),
    "metric.open": ("未整改隐患", "Hazards open"),
    "metric.overdue": ("逾期未整改", "Hazards overdue"),
    "metric.rectified": ("已整改隐患", "Hazards rectified"),
    "metric.backlog": ("未完成整改", "Hazards not yet fixed"),
    "metric.backlog_overdue": ("逾期未改", "Overdue, not fixed"),
    "metric.backlog_help": ("时段末日仍未整改的隐患（含限期整改），无论何时发现", "Hazards not rectified on the "
                            "period's last day (those under a deadline included), whenever found"),
    "metric.on_deadline": ("限期整改中", "Under deadline"),
    "metric.found": ("发现隐患", "Hazards found"),
    "metric.missing_signs": ("缺交通标志学校", "Schools missing signs"),
    "metric.hazard_help": ("时段内发现的隐患在时段末日的状态", "Hazards found in the period, as they stood "
                           "on its last day"),
    "col.coverage": ("挂钩覆盖率", "Coverage"),
    "col.presence": ("见警率", "Presence"),
    "col.four100": ("四个100%", "Four-100%"),
    "col.found": ("发现隐患", "Found"),
    "col.open": ("未整改", "Open"),
    "col.overdue": ("逾期", "Overdue"),
    "col.rectification": ("整改率", "Rectified"),
    "col.missing_signs": ("缺标志学校", "Missing signs"),
    "map.alt": ("怒江州学校分布地图", "Map of the schools of Nujiang prefecture"),
}
