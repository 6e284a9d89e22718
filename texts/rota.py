"""Texts of sizing (车辆测算) and the weekly rota (一周轮巡): their CLI, the week's route cards."""

TEXTS: dict[str, tuple[str, str]] = {
    "rota.sizing.title": ("车辆测算：增加车辆可覆盖的学校", "Sizing: schools covered as vehicles are added"),
    "rota.col.county": ("县（市）", "County"),
    "rota.col.schools": ("学校", "Schools"),
    "rota.col.reachable": ("可达", "Reachable"),
    "rota.col.vehicles": ("现有车辆", "Vehicles today"),
    "rota.col.covered": ("现可覆盖", "Covered today"),
    "rota.col.needed": ("全覆盖所需车辆", "Vehicles to cover all"),
    "rota.col.curve": ("车辆数→覆盖学校", "Vehicles → schools covered"),
    "rota.sizing.more": ("{county}：再增加 {k} 辆车，可多覆盖 {n} 所学校。", "{county}: {k} more vehicles would cover "
                         "{n} more schools."),
    "rota.sizing.enough": ("{county}：现有 {vehicles} 辆车已可覆盖全部 {reachable} 所可达学校"
                           "（测算最少需 {needed} 辆）。", "{county}: the {vehicles} vehicles today cover all "
                           "{reachable} reachable schools (at least {needed} needed)."),
    "rota.sizing.placed": ("{county}：车辆总数已够（测算最少需 {needed} 辆），但现有 {vehicles} 辆车所在单位只能覆盖 "
                           "{covered}/{reachable} 所，需调整车辆驻点。", "{county}: enough vehicles (at least {needed} "
                           "needed), but from their units the {vehicles} today cover {covered} of {reachable}: move "
                           "some to other units."),
    "rota.sizing.beyond": ("车辆无法按时到达、需设固定岗或由更近单位负责的学校：{schools}",
                           "Schools no vehicle reaches in time (a fixed post or a nearer unit is needed): {schools}"),
    "rota.week.title": ("一周轮巡：{first} 起各上学日方案", "Weekly rota: the school days from {first}"),
    "rota.col.date": ("日期", "Date"),
    "rota.col.plan": ("方案编号", "Plan"),
    "rota.col.day_covered": ("覆盖学校", "Schools covered"),
    "rota.week.headline": ("本周 {days} 个上学日共覆盖 {distinct} 所不同学校（可达 {reachable} 所）。",
                           "{days} school days reach {distinct} different schools ({reachable} reachable)."),
    "rota.week.cards": ("一周路线卡已写入 {path}", "Route cards of the week written to {path}"),
    "rota.sheet.routes": ("一周各车路线", "Routes of the week"),
    "rota.sheet.grid": ("学校×日期", "Schools × days"),
    "rota.sheet.uncovered": ("一周未覆盖", "Not covered in the week"),
    "rota.cell.post": ("护学岗", "Guard post"),
    "plan.part.rota": ("轮巡加权", "Rota weight"),
    "plan.error.no_school_days": ("{first} 至 {last} 没有上学日，无需安排轮巡。",
                                  "No school day from {first} to {last}: no rota to plan."),
    "plan.tab.sizing": ("车辆测算", "Sizing"),
    "plan.tab.week": ("一周轮巡", "Weekly rota"),
    "rota.sizing.caption": ("按所选日期、时段和停留时间，逐县测算每增加 1 辆车可多覆盖多少所学校、"
                            "车辆应部署在哪个单位，直至覆盖全部可达学校。只测算，不保存方案；全州约需 20–60 秒。",
                            "Per county, how many more schools each added vehicle covers at the chosen date, window "
                            "and dwell, and at which unit it should stand, until every reachable school is covered. "
                            "Nothing is stored; the whole prefecture takes about 20–60 s."),
    "rota.sizing.run": ("开始测算", "Run the sizing"),
    "rota.sizing.running": ("正在测算，全州约需 20–60 秒……", "Sizing, about 20–60 s for the whole prefecture…"),
    "rota.sizing.hint": ("点击“开始测算”查看结果。", "Press “Run the sizing” to see the result."),
    "rota.sizing.empty": ("所选范围内没有学校。", "No school in the chosen counties."),
    "rota.sizing.where": ("新增车辆建议驻点（测算第 {first}–{last} 辆）：{units}",
                          "Where the added vehicles go (vehicles {first}–{last} of the curve): {units}"),
    "rota.sizing.steps": ("逐辆测算：每辆车的驻点与新增覆盖", "Vehicle by vehicle: where each stands, what it adds"),
    "rota.sizing.beyond_title": ("车辆无法按时到达的学校（需设固定岗或由更近单位负责）",
                                 "Schools no vehicle reaches in time (a fixed post or a nearer unit is needed)"),
    "rota.sizing.none_beyond": ("每所学校都有车辆可按时到达。", "Every school can be reached in time by some vehicle."),
    "rota.col.step": ("车辆数", "Vehicles"),
    "rota.col.step_covered": ("可覆盖学校", "Schools covered"),
    "rota.col.gain": ("新增覆盖", "More covered"),
    "rota.col.step_unit": ("新增车辆驻点", "Unit of the added vehicle"),
    "rota.col.code": ("学校标识码", "School code"),
    "rota.chart.vehicles": ("车辆数", "Vehicles"),
    "rota.chart.covered": ("可覆盖学校", "Schools covered"),
    "rota.chart.today": ("现有车辆", "Today"),
    "rota.chart.reachable": ("可达学校 {n} 所", "{n} reachable"),
    "rota.week.caption": ("从起始日期起 7 天内的每个上学日各生成一份方案（周末、节假日和调休按校历），"
                          "近几天未安排巡逻的学校优先，使一周覆盖尽可能多的不同学校。每份方案与普通方案一样保存。",
                          "A plan for each school day of the seven from the first day (weekends, holidays and make-up "
                          "days from the calendar), the schools not visited lately first, so that the week reaches as "
                          "many different schools as it can. Each plan is stored like any other."),
    "rota.week.from": ("起始日期", "From"),
    "rota.week.run": ("生成一周轮巡", "Make the week's rota"),
    "rota.week.running": ("正在生成一周轮巡……", "Making the week's rota…"),
    "rota.week.made": ("已生成 {days} 个上学日的轮巡方案（方案 {plans}）。",
                       "Plans made for {days} school days ({plans})."),
    "rota.week.may_not": ("只有规划员、领导和管理员可以生成轮巡方案。",
                          "Only planners, leaders and admins make a rota."),
    "rota.week.none": ("{first} 起尚无该时段的一周轮巡方案。", "No weekly rota from {first} for this window yet."),
    "rota.week.days": ("各上学日方案", "The plans of the school days"),
    "rota.week.card_days": ("上学日", "School days"),
    "rota.week.card_distinct": ("覆盖不同学校", "Different schools covered"),
    "rota.week.card_driven": ("其中车辆巡逻覆盖", "Of them by a vehicle"),
    "rota.week.grid": ("学校×日期：车辆、护学岗或未覆盖原因",
                       "Schools × days: the vehicle, the guard post or why none"),
    "rota.week.download": ("下载一周路线卡（Excel）", "Download the week's route cards (Excel)"),
}
