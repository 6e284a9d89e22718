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
}
