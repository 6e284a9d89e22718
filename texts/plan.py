"""Texts of the patrol plan (巡逻方案): its page, its CLI, its route cards and why a plan cannot be made."""

TEXTS: dict[str, tuple[str, str]] = {
    "page.plan": ("巡逻方案", "Patrol plan"),
    "plan.title": ("巡逻方案 · 高峰时段护学巡逻", "Patrol plan · peak-hour school patrols"),
    "plan.caption": ("按各单位可用警车和真实路网，安排高峰时段谁开车到哪些校门；说明哪些校门覆盖不到及原因。",
                     "From the vehicles each unit has and the road network: who drives to which gates at the peak, "
                     "and which gates cannot be covered and why."),
    "plan.date": ("日期", "Date"),
    "plan.window": ("高峰时段", "Peak window"),
    "plan.county": ("县（市）", "County"),
    "plan.whole": ("全州", "Whole prefecture"),
    "plan.dwell": ("每处停留（分钟）", "Dwell per stop (minutes)"),
    "plan.run": ("生成方案", "Make the plan"),
    "plan.open": ("打开已有方案", "Open a plan"),
    "plan.none": ("还没有方案：选择日期和时段后点击“生成方案”。", "No plan yet: pick a date and window, then "
                  "make the plan."),
    "plan.made": ("方案 {plan_id}：{who} 于 {when} 生成", "Plan {plan_id}: made by {who} at {when}"),
    "plan.headline": ("{window}可覆盖 {schools} 所学校中的 {covered} 所（其中护学岗已覆盖 {posts} 所，警车巡逻覆盖 "
                      "{driven} 所）", "{window}: {covered} of {schools} schools covered ({posts} by a manned guard "
                      "post, {driven} by a patrol vehicle)"),
    "plan.brief_line": ("{date}{window}巡逻方案：出动警车 {vehicles} 辆，覆盖学校 {covered}/{schools} 所；{uncovered} "
                        "所无法覆盖（{reasons}）。", "Patrol plan {date} {window}: {vehicles} vehicles, {covered} of "
                        "{schools} schools covered; {uncovered} not covered ({reasons})."),
    "plan.route_detail": ("{unit} · 行车约 {minutes} 分钟", "{unit} · about {minutes} min driving"),
    "plan.stop_detail": ("{vehicle} 第 {seq} 站 · {arrive}–{depart}", "{vehicle} stop {seq} · {arrive}–{depart}"),
    "plan.map_alt": ("巡逻方案地图：各车路线、停靠点和未覆盖学校", "Patrol plan map: routes, stops and uncovered "
                     "schools"),
    "plan.legend": ("路线与未覆盖", "Routes and uncovered"),
    "plan.made_now": ("已生成方案 {plan_id}。", "Plan {plan_id} made."),
    "plan.may_not": ("只有规划员、领导和管理员可以生成方案。", "Only planners, leaders and admins make plans."),
    "plan.pick": ("方案", "Plan"),
    "plan.priority_help": ("优先级 = 学生数、学校类型（幼儿园、小学优先）、周边未整改治安乱点、校门道路缺少的必设标志、"
                           "近期该时段见警率不足各项之和；数值越大越先安排。", "Priority = pupils, school type "
                           "(kindergartens and primary schools first), open disorder spots around, missing required "
                           "signs at the gate, recent presence shortfall in this window, added up: higher goes first."),
    "plan.routes": ("各车路线", "Routes per vehicle"),
    "plan.uncovered": ("未能覆盖的学校", "Schools not covered"),
    "plan.priority": ("优先级构成", "What the priority is made of"),
    "plan.download_xlsx": ("下载路线卡（Excel）", "Route cards (Excel)"),
    "plan.download_docx": ("下载路线卡（Word）", "Route cards (Word)"),
    "plan.more_vehicles": ("因车辆不足未覆盖 {n} 所；估计再增加 {k} 辆车可覆盖。", "{n} schools left for lack of "
                           "vehicles; about {k} more vehicles would cover them."),
    "plan_reason.unreachable": ("无路可达", "Unreachable"),
    "plan_reason.too_far": ("路程太远", "Too far"),
    "plan_reason.no_capacity": ("车辆不足", "No vehicle left"),
    "plan_reason.unreachable_help": ("校门附近没有道路，或所在路网与任何有车单位都不连通", "No road near the gate, "
                                     "or its road network joins no unit with a vehicle"),
    "plan_reason.too_far_help": ("有路可达，但即使最早出发也无法在时段内到达并停留", "A path exists, but even leaving "
                                 "at the earliest no vehicle arrives in time to dwell inside the window"),
    "plan_reason.no_capacity_help": ("来得及，但车辆时间已用于优先级更高的学校", "Reachable in time, but the "
                                     "vehicles' time went to higher-priority gates"),
    "plan.col.vehicle": ("车辆", "Vehicle"),
    "plan.col.unit": ("单位", "Unit"),
    "plan.col.seq": ("顺序", "Stop"),
    "plan.col.school": ("学校", "School"),
    "plan.col.arrive": ("到达", "Arrive"),
    "plan.col.depart": ("离开", "Depart"),
    "plan.col.travel": ("路程（分钟）", "Drive (min)"),
    "plan.col.priority": ("优先级", "Priority"),
    "plan.col.reason": ("原因", "Reason"),
    "plan.card_title": ("{date}{window}巡逻路线卡", "Route card {date} {window}"),
    "plan.card_vehicle": ("车辆 {vehicle}（{unit}）", "Vehicle {vehicle} ({unit})"),
    "plan.error.no_roads": ("没有可用的道路网：请先导入道路（xiaoan load roads 文件）。",
                            "No road network: load roads first (xiaoan load roads FILE)."),
    "plan.error.no_vehicles": ("{scope}在 {date} 没有可用车辆：请导入车辆（xiaoan load vehicles 文件），"
                               "或检查在用/停用记录。",
                               "No vehicle available in {scope} on {date}: load vehicles (xiaoan load vehicles "
                               "FILE) or check which are out of service."),
    "plan.error.unit_without_position": ("单位 {units} 没有位置（经纬度），其车辆无法出发："
                                         "请在单位文件中补充经度、纬度。",
                                         "Unit(s) {units} have no position, so their vehicles cannot start: add "
                                         "经度/纬度 to the units file."),
    "plan.error.not_school_day": ("{date} 不是上学日（不在学期内或为节假日），无需安排护学巡逻。",
                                  "{date} is not a school day (outside term or a holiday): no patrol to plan."),
    "plan.error.unknown_window": ("没有名为 {window} 的高峰时段；可选：{choices}。",
                                  "No peak window named {window}; expected one of {choices}."),
    "plan.error.no_schools": ("{scope}没有学校。", "No school in {scope}."),
    "plan.error.not_found": ("没有编号为 {plan_id} 的方案（或无权查看）。", "No plan {plan_id} (or not yours to see)."),
    "plan.error.not_allowed": ("只有规划员、领导或管理员可以生成方案；规划员只能为本县（市）生成。",
                               "Only planners, leaders and admins make plans; a planner only for their county."),
}
