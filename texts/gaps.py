"""Texts of the coverage-gaps page."""

TEXTS: dict[str, tuple[str, str]] = {
    "gaps.title": ("覆盖缺口 · 挂钩民警与高峰见警", "Coverage gaps · liaison officers and peak-hour presence"),
    "gaps.caption": ("没有挂钩民警、或高峰时段没有警车到校的学校及原因；地图叠加巡逻轨迹。",
                     "Schools without a liaison officer or without a patrol at peak hours, and why; "
                     "patrol paths on the map."),
    "gaps.window": ("高峰时段", "Peak window"),
    "gaps.radius": ("到校判定半径", "Presence radius"),
    "gaps.radius.stored": ("按配置（{r} 米；护学岗 {g} 米）", "As configured ({r} m; guard post {g} m)"),
    "gaps.radius.m": ("{m} 米（按最近距离）", "{m} m (closest approach)"),
    "gaps.radius_note": ("见警结果在数据刷新时按配置半径计算并保存（{r} 米，设护学岗的学校 {g} 米）。"
                         "选择其他半径只是按巡逻轨迹与校门的最近距离重新筛选显示，最远可至 {n} 米。",
                         "Presence is computed and stored at refresh time with the configured radius ({r} m; "
                         "{g} m for schools with a guard post). Another radius only re-filters the display on "
                         "the patrol's closest approach to the gate, up to {n} m."),
    "gaps.on": ("挂钩核查日期", "Liaison checked on"),
    "gaps.on_help": ("默认为时段末日", "The period's last day by default"),
    "gaps.no_liaison": ("无挂钩民警", "No liaison officer"),
    "gaps.weak_liaison": ("挂钩偏弱", "Weak liaison"),
    "gaps.no_presence_schools": ("从未见警学校", "Schools never visited"),
    "gaps.presence": ("高峰见警率", "Peak-hour presence"),
    "gaps.list": ("缺口学校（选中行可在下方查看见警日历）", "Schools with a gap (select rows for the calendar below)"),
    "gaps.none": ("所选范围内没有覆盖缺口。", "No coverage gaps in the selection."),
    "gaps.no_days": ("所选时段内没有上学日的见警记录（可能是假期，或轨迹尚未导入、尚未刷新）。",
                     "No presence records on school days in this period (a holiday, or tracks not yet "
                     "loaded or refreshed)."),
    "gaps.calendar": ("见警日历", "Presence calendar"),
    "gaps.calendar_note": ("每格为一所学校一个上学日：有警车到校的高峰时段占比。未选行时显示缺口最严重的 {n} 所学校。",
                           "One cell per school and school day: the share of peak windows with a patrol. "
                           "With no row selected, the {n} schools with the worst gaps are shown."),
    "gaps.calendar_cut": ("日历只显示时段的最后 {n} 天。", "The calendar shows the period's last {n} days."),
    "gaps.paths_note": ("巡逻轨迹：所选高峰时段内各车辆的行驶路线（相邻定位间隔过长处断开，按 {g} 米简化，"
                        "轨迹过多时每段道路只画一次；非原始定位点）。",
                        "Patrol paths: each vehicle's drives in the chosen peak windows (broken where fixes are too "
                        "far apart in time, simplified to {g} m, each stretch of road drawn once when there are "
                        "many; never raw GPS fixes)."),
    "gaps.map_alt": ("覆盖缺口地图", "Map of coverage gaps"),
    "gap_kind.no_liaison": ("无挂钩民警", "No liaison officer"),
    "gap_kind.weak_liaison": ("挂钩偏弱（超负荷或单位过远）", "Weak liaison (overloaded or far)"),
    "gap_kind.no_presence": ("高峰无见警", "No peak-hour presence"),
    "gap_kind.low_presence": ("见警率低于50%", "Presence below 50%"),
    "gap_kind.ok": ("无缺口", "No gap"),
    "legend.paths": ("巡逻轨迹", "Patrol paths"),
    "paths.route_km": ("{runs} 段，共 {km} 公里", "{runs} drive(s), {km} km in all"),
    "col.gap": ("缺口", "Gap"),
    "col.reason": ("原因", "Reason"),
    "col.expired_on": ("挂钩到期日", "Assignment ended"),
    "col.unit_m": ("民警单位距离", "Officer's unit distance"),
    "col.windows": ("高峰时段数", "Peak windows"),
    "col.present": ("见警时段数", "Windows with presence"),
    "col.rate": ("见警率", "Presence"),
    "col.closest": ("最近距离", "Closest approach"),
    "chart.day": ("日期", "Day"),
    "chart.rate": ("见警占比", "Presence share"),
    "chart.present": ("见警时段", "Windows present"),
    "chart.windows": ("高峰时段", "Peak windows"),
    "chart.month": ("月份", "Month"),
}
