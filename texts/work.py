"""Texts of the work-statistics page."""

TEXTS: dict[str, tuple[str, str]] = {
    "work.title": ("工作统计 · 校园安全工作开展情况", "Work statistics · what the police did"),
    "work.caption": ("时段内各县（市）警力部署、安全检查、法制教育、应急演练和宣传情况；变化为与上一同长时段相比。",
                     "Deployments, inspections, legal education, drills and flyers per county in the period; "
                     "changes are against the previous period of the same length."),
    "work.officer_times": ("出动警力（人次）", "Officers deployed (person-times)"),
    "work.vehicle_times": ("出动警车（辆次）", "Vehicles deployed (vehicle-times)"),
    "work.deployments": ("护学部署（次）", "Deployments"),
    "work.inspections": ("安全检查（次）", "Inspections"),
    "work.legal_education": ("法制教育（场）", "Legal-education sessions"),
    "work.drills": ("应急演练（次）", "Drills"),
    "work.flyers": ("发放宣传资料（份）", "Flyers handed out"),
    "work.participants": ("受教育师生（人次）", "People reached"),
    "work.brief": ("工作简报", "Brief"),
    "work.brief_text": ("{a}至{b}，{where}共出动警力{officer_times}人次、警车{vehicle_times}辆次，开展护学部署"
                        "{deployments}次、校园安全检查{inspections}次、法制教育{legal_education}场、应急演练{drills}次，"
                        "发放宣传资料{flyers}份，受教育师生{participants}人次。",
                        "From {a} to {b}, {where} deployed {officer_times} officer-times and {vehicle_times} "
                        "vehicle-times in {deployments} deployments, carried out {inspections} inspections, "
                        "{legal_education} legal-education sessions and {drills} drills, handed out {flyers} "
                        "flyers and reached {participants} people."),
    "work.whole": ("全州", "the prefecture"),
    "work.types_note": ("工作统计按县（市）汇总，不按学校类型筛选。",
                        "Work is counted per county: the school-type filter does not apply."),
    "work.by_county": ("各县（市）工作量", "Work per county"),
    "work.trend": ("按月趋势", "Monthly trend"),
    "work.measure": ("指标", "Measure"),
    "work.monthly": ("按月明细", "Month by month"),
    "work.empty": ("所选时段内没有工作记录。", "No work recorded in this period."),
    "col.month": ("月份", "Month"),
}
