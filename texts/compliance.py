"""Texts of plans against what happened: the check of a plan, compliance over time, the brief's line."""

TEXTS = {
    "plan.check.refreshed": ("巡逻方案核查：{n} 个点位", "plan checks: {n} stops"),
    "plan.check.title": ("巡逻方案 {plan_id} 执行核查", "Plan {plan_id} against the GPS"),
    "plan.check.headline": ("计划点位 {stops} 个，到位 {kept} 个（其中迟到 {late} 个），未到位 {missed} 个，"
                            "由其他警车到位 {by_other} 个，待核查 {pending} 个；到位率 {rate}。",
                            "{stops} planned stops: {kept} kept ({late} late), {missed} missed, {by_other} kept by "
                            "another vehicle, {pending} pending; rate {rate}."),
    "plan.check.none": ("方案 {plan_id} 不存在或无权查看", "plan {plan_id} does not exist or is not yours to see"),
    "plan.check.col.arrive": ("计划到达", "Planned arrival"),
    "plan.check.col.first_seen": ("实际到达", "First within R"),
    "plan.check.col.inside": ("停留（分钟）", "Minutes within R"),
    "plan.check.col.status": ("核查结果", "Result"),
    "plan.check.col.kept_by": ("到位警车", "Kept by"),
    "plan_status.kept": ("按时到位", "kept"),
    "plan_status.late": ("迟到", "late"),
    "plan_status.missed": ("未到位", "missed"),
    "plan_status.by_other": ("其他警车到位", "kept by another vehicle"),
    "plan_status.pending": ("待核查", "pending"),
    "compliance.title": ("方案执行情况", "Plans against the GPS"),
    "compliance.caption": ("各日已执行方案的计划点位与 GPS 轨迹比对：停留满 {kept} 分钟为到位，"
                           "晚于计划 {late} 分钟以上为迟到。",
                           "Planned stops of past plans against the GPS: {kept} minutes within R keep a stop, "
                           "arriving over {late} minutes after the plan is late."),
    "compliance.by": ("汇总", "By"),
    "compliance.by.county": ("县（市）", "county"),
    "compliance.by.unit": ("单位", "unit"),
    "compliance.by.vehicle": ("车辆", "vehicle"),
    "compliance.col.stops": ("计划点位", "Stops"),
    "compliance.col.kept": ("到位", "Kept"),
    "compliance.col.late": ("迟到", "Late"),
    "compliance.col.missed": ("未到位", "Missed"),
    "compliance.col.by_other": ("其他警车到位", "By another"),
    "compliance.col.rate": ("到位率", "Rate"),
    "compliance.col.week": ("周", "Week"),
    "compliance.trend": ("到位率按周", "Rate by week"),
    "compliance.missed_map": ("未到位点位", "Missed stops"),
    "compliance.empty": ("所选期间没有已核查的巡逻方案。", "No checked plan in the period."),
    "compliance.brief": ("{period}计划巡逻点位 {stops} 个，按时到位 {on_time} 个，迟到 {late} 个，到位率 {rate}；"
                         "未到位 {missed} 个{others}。",
                         "{period}: {stops} planned patrol stops, {on_time} kept on time, {late} late, rate {rate}; "
                         "{missed} missed{others}."),
    "compliance.brief.others": ("，另有 {n} 个由其他警车到位", ", and {n} more kept by another vehicle"),
    "compliance.brief.worst": ("到位率最低的是{names}。", "Lowest rates: {names}."),
    "compliance.period.week": ("本周", "This week"),
    "compliance.period.span": ("{first}至{last}", "{first} to {last}"),
}
