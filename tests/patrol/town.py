"""A hand-made county for sizing and the rota: two places with units 40 km apart on one 乡道, worked out by hand.

The 乡道 (30 km/h, 8.33 m/s) runs 40 km north from unit A (5333PS001, and 5333PS002 at the same place) to unit B
(5333PS003). Gates stand 50 m off the road (18 s at 10 km/h each way). The window is 07:30–08:10 (40 min), a
vehicle leaves at most 30 min before it.
- A1–A4 at 0.5, 1, 1.5, 2 km north of A (78–258 s from A, 96 s apart): more than 38 km (> 76 min) from B.
- B1, B2 at 0.5 and 1 km south of B: more than 38 km from A. From either unit the other place is too far.
- F at the end of a 12 km 村道 (20 km/h) from the middle: 40 + 36 min from either unit, too far.
- U 6 km from any road: unreachable. P has a 护学岗 officer: covered by the post.
Vehicles: one, at unit A.
"""

from __future__ import annotations

from etl.datasets import DATASETS
from etl.runner import load_file
from tests.conftest import COUNTIES
from tests.db.test_routing import add_roads, at
from tests.patrol.test_plan import SETTINGS, csv

ROADS = [("main", "乡道", [(0, 0), (0, 40_000)]), ("spur", "村道", [(0, 20_000), (12_000, 20_000)])]
UNITS = {"5333PS001": (0, 0), "5333PS002": (0, 0), "5333PS003": (0, 40_000)}
SCHOOLS = {  # code: (name, pupils, dx, dy); all 小学, so the prize orders by pupils: A1 > A2 > A3 > A4
    "2153010201": ("甲一小", 800, 50, 500),
    "2153010202": ("甲二小", 600, 50, 1_000),
    "2153010203": ("甲三小", 400, 50, 1_500),
    "2153010204": ("甲四小", 200, 50, 2_000),
    "2153010205": ("乙一小", 500, 50, 39_500),
    "2153010206": ("乙二小", 500, 50, 39_000),
    "2153010207": ("远山小学", 300, 12_000, 20_050),
    "2153010208": ("无路小学", 300, -6_000, 6_000),
    "2153010209": ("岗亭小学", 300, 50, 3_000),
}
A = ["2153010201", "2153010202", "2153010203", "2153010204"]
B = ["2153010205", "2153010206"]
FAR, NO_ROAD, POST = "2153010207", "2153010208", "2153010209"


def build(engine, tmp_path, holidays: str | None = None):
    """Load the county, units, schools, the post, one vehicle at A and the roads (and a holidays file)."""
    load_file(engine, DATASETS["counties"], COUNTIES)
    units = [f"{code},单位{code[-1]},派出所,,{at(code, dx, dy)[1]},{at(code, dx, dy)[2]}"
             for code, (dx, dy) in UNITS.items()]
    load_file(engine, DATASETS["units"], csv(tmp_path, "units.csv", "单位代码,单位名称,单位类型,地址,经度,纬度\n"
                                             + "\n".join(units) + "\n"))
    rows = [f"{code},{name},小学,{pupils},{at(code, dx, dy)[1]},{at(code, dx, dy)[2]}"
            for code, (name, pupils, dx, dy) in SCHOOLS.items()]
    files = {
        "schools": "学校标识码,学校名称,学校类型,在校生数,经度,纬度\n" + "\n".join(rows) + "\n",
        "officers": "警号,姓名,单位代码\n053001,李警官,5333PS001\n",
        "assignments": f"学校标识码,警号,角色,开始日期,结束日期\n{POST},053001,护学岗,2026-09-01,\n",
        "vehicles": "车牌号,单位代码\n云Q0001警,5333PS001\n",
    }
    for name, text in files.items():
        load_file(engine, DATASETS[name], csv(tmp_path, f"{name}.csv", text))
    if holidays:
        load_file(engine, DATASETS["calendar"], csv(tmp_path, "holidays.csv", "日期,类型,名称\n" + holidays))
    add_roads(engine, ROADS, SETTINGS)
    return engine
