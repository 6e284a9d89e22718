"""Texts of the exports (zh-CN first, English second); other keys come from the dashboard's catalogue."""

from __future__ import annotations

from dashboard.i18n import LANGUAGES
from dashboard.i18n import t as ui_text

TEXTS: dict[str, tuple[str, str]] = {
    "export.prefecture": ("怒江州", "Nujiang Prefecture"),
    "map.title": ("{where}{view}", "{where} · {view}"),
    "map.view.overview": ("学校综合状况分布图", "Schools by worst status"),
    "map.view.gaps": ("一校一警覆盖缺口分布图", "Liaison and peak-hour presence gaps"),
    "map.view.hotspots": ("校园隐患与周边乱点热点分布图", "Hazard hotspots"),
    "map.view.signs": ("校园周边交通标志缺失分布图", "Missing traffic signs around schools"),
    "map.period": ("统计时段：{a} 至 {b}", "Period: {a} to {b}"),
    "map.state_on": ("挂钩、标志状态截至 {d}", "Liaison and signs as of {d}"),
    "map.as_of": ("数据更新于 {t}", "Data as of {t}"),
    "map.as_of_none": ("数据更新时间不详", "Data time unknown"),
    "map.count": ("{label}（{n}）", "{label} ({n})"),
    "map.base": ("底图", "Base map"),
    "map.county": ("县（市）界", "County boundary"),
    "map.road": ("道路", "Road"),
    "map.town": ("乡镇驻地", "Township seat"),
    "map.north": ("北", "N"),
    "map.km": ("公里", "km"),
    "map.schools_status": ("学校（按最严重状况）", "Schools (worst status)"),
    "map.schools_gap": ("学校（按覆盖缺口）", "Schools (gap)"),
    "map.hexagons": ("隐患网格（Gi* 热点等级，边长 {km} 公里）", "Hexagons (Gi* class, {km} km edge)"),
    "map.hazards": ("隐患点（按整改状态）", "Hazards (status)"),
    "map.sign_schools": ("临路学校", "Schools near a road"),
    "map.sign_late": ("施工后未恢复的标志", "Signs not put back after works"),
    "map.empty": ("所选范围内无此类数据", "Nothing of this kind in the selection"),
    "map.note.overview": ("每所学校按最严重的一项着色：无挂钩民警 > 隐患逾期 > 高峰无见警 > 缺交通标志 > "
                          "四个100%未达标。",
                          "Each school shows its worst state: no liaison > overdue hazard > no presence > "
                          "missing signs > four-100% incomplete."),
    "map.note.gaps": ("挂钩按时段末日判断；见警指上学日高峰时段警车轨迹到达校门规定半径内。每所学校按最主要的一项"
                      "缺口着色（挂钩优先），主要数据各项分别统计。",
                      "Liaison as of the last day; presence: a patrol path within the set radius of the gate in a "
                      "peak window of a school day. Each school shows its main gap (liaison first); the key figures "
                      "count each gap on its own."),
    "map.note.hotspots": ("时段内发现的隐患按六边形网格汇总，Getis-Ord Gi* 并经错误发现率校正；黑圈为逾期未整改。",
                          "Hazards found in the period on a hexagon grid; Getis-Ord Gi* with FDR correction; "
                          "black rings are overdue."),
    "map.note.signs": ("校门临路的学校须在校门前后 {m} 米内设置限速30、注意儿童/学校区域、减速带等标志。",
                       "A school whose gate is near a road needs a 30 km/h limit, a school-zone warning and a "
                       "speed bump within {m} m along it."),
    "map.key": ("主要数据", "Key figures"),
    "key.overdue_all": ("逾期未整改隐患", "Hazards overdue"),
    "key.no_presence": ("高峰始终无警车到校", "Never visited at peaks"),
    "key.low_presence": ("见警率低于50%", "Presence below 50%"),
    "map.crs": ("坐标系 WGS 84 / UTM 第47带北（EPSG:32647）· 校安图制图",
                "WGS 84 / UTM zone 47N (EPSG:32647) · XiaoAn"),
    "col.liaison": ("挂钩民警及电话", "Liaison officer and phone"),
    "col.township": ("乡镇", "Township"),
    "col.closest_m": ("最近距离（米）", "Closest approach (m)"),
    "col.problem": ("问题", "Problem"),
    "col.lon": ("经度", "Longitude"),
    "col.lat": ("纬度", "Latitude"),
    "worklist.signs": ("校园周边交通标志缺失及施工后未恢复清单", "missing and not-reinstalled traffic signs"),
    "worklist.gaps": ("一校一警覆盖缺口学校清单", "schools with a liaison or presence gap"),
    "worklist.hazards": ("逾期未整改隐患清单", "overdue hazards"),
    "worklist.signs.sheet": ("交通标志", "Signs"),
    "worklist.hazards.sheet": ("逾期隐患", "Overdue hazards"),
    "worklist.summary": ("汇总", "Summary"),
    "worklist.about": ("说明", "About"),
    "worklist.title": ("清单", "List"),
    "worklist.period": ("统计时段", "Period"),
    "worklist.state_on": ("状态截至", "State as of"),
    "worklist.as_of": ("数据更新于", "Data as of"),
    "worklist.rows": ("行数", "Rows"),
    "worklist.note": ("说明", "Notes"),
    "worklist.note.signs": ("校门临路学校缺少的必设标志（按最近一次调查）及道路施工后未恢复的标志；"
                            "经纬度为校门或标志位置（WGS-84）。",
                            "Required signs missing at schools near a road (latest survey) and signs not put back "
                            "after road works; positions are the gate or the sign (WGS-84)."),
    "worklist.note.gaps": ("挂钩按时段末日判断，见警按时段内上学日高峰时段统计；民警电话已脱敏。",
                           "Liaison as of the last day, presence over the period's school-day peaks; phones masked."),
    "worklist.note.hazards": ("截至时段末日已过整改期限仍未整改的隐患（不论发现时间）；民警电话已脱敏。",
                              "Hazards past their deadline and not rectified on the last day, whenever found; "
                              "phones masked."),
}


def tx(key: str, lang: str = "zh") -> str:
    """The export text for key in lang, else the dashboard catalogue's."""
    texts = TEXTS.get(key)
    if texts is None:
        return ui_text(key, lang)
    return texts[LANGUAGES.index(lang)] if lang in LANGUAGES else texts[0]
