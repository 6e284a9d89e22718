"""Demo field work over one year: hazards (GCJ-02 workbook), activities (GBK CSV), school terms."""

from __future__ import annotations

import datetime as dt
import random

import prcoords
from shapely import Point

from etl.demo.files import split
from etl.demo.places import offset

HAZARD_HEADER = ["编号", "类别", "隐患类型", "学校标识码", "发现日期", "状态", "整改期限", "整改日期", "经度", "纬度",
                 "描述", "临时措施"]
MEASURES = {"校园内部隐患": "设置警示标志、划定隔离区域，专人巡查", "周边治安乱点": "上下学时段增派警力、护学岗值守"}
ACTIVITY_HEADER = ["编号", "类型", "日期", "县(市)", "学校标识码", "出动警力(人次)", "出动车辆(辆次)", "参与人数",
                   "宣传资料(份)", "备注"]
TERM_HEADER = ["学期名称", "开始日期", "结束日期"]
CAMPUS = ("消防设施损坏", "用电线路老化", "校舍墙体开裂", "食堂卫生不达标", "围墙护栏缺损", "监控设备故障")
AROUND = ("无证流动摊贩", "网吧违规接纳未成年人", "校门口交通秩序混乱", "闲散人员聚集")
# The prefecture's published school-year report, which the demo's totals reproduce.
REPORT = {"officer_times": 2265, "vehicle_times": 558, "campus": (36, 28, 8), "around": (10, 7, 3),
          "inspections": 17, "legal_education": 101, "drills": 16, "flyers": 3500, "participants": 6500}


def _day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    """A random weekday between first and last."""
    while True:
        day = first + dt.timedelta(days=rng.randint(0, (last - first).days))
        if day.weekday() < 5:
            return day


def _gcj(point: Point) -> tuple[float, float]:
    """A WGS-84 point as an Amap/GCJ-02 app records it."""
    shifted = prcoords.wgs_gcj(prcoords.Coords(point.y, point.x))
    return round(shifted.lon, 6), round(shifted.lat, 6)


def hazard_rows(rng: random.Random, schools: list[list[object]], first: dt.date, last: dt.date) -> list[list[object]]:
    """36 campus hazards (28 rectified, 8 on deadline) and 10 disorder spots (7 cleared), in GCJ-02."""
    rows = []
    seats = [s for s in schools if s[3] in {"六库镇", "金顶镇"}]  # a cluster to make a hotspot
    for kind, (found, fixed, _) in (("校园内部隐患", REPORT["campus"]), ("周边治安乱点", REPORT["around"])):
        for n in range(found):
            school = rng.choice(seats if n % 3 else schools)
            on = _day(rng, first, last - dt.timedelta(days=40))
            where = offset(rng, Point(school[7], school[8]), 5, 30 if kind == "校园内部隐患" else 200)
            deadline = on + dt.timedelta(days=rng.choice([15, 30, 60]))
            if n < fixed:
                status, done = "已整改", on + dt.timedelta(days=rng.randint(2, 28))
            else:
                status, done = "限期整改", ""
                deadline = last + dt.timedelta(days=20) if n % 4 else last - dt.timedelta(days=10)
            category = rng.choice(CAMPUS if kind == "校园内部隐患" else AROUND)
            measure = MEASURES[kind] if status == "限期整改" and n % 2 else ""
            rows.append([f"YH{len(rows) + 1:04d}", kind, category, school[0], on, status, deadline, done,
                         *_gcj(where), f"{school[1]}{category}", measure])
    return rows


def activity_rows(rng: random.Random, counties: list[str], first: dt.date, last: dt.date) -> list[list[object]]:
    """Deployments, inspections, legal education, drills and flyers adding up to the published report."""
    plan = [("出动警力", 120), ("督导检查", REPORT["inspections"]), ("法制教育", REPORT["legal_education"]),
            ("应急演练", REPORT["drills"]), ("发放宣传资料", 40)]
    officers = iter(split(rng, REPORT["officer_times"], 120, 5))
    vehicles = iter(split(rng, REPORT["vehicle_times"], 120, 1))
    people = iter(split(rng, REPORT["participants"], REPORT["legal_education"] + REPORT["drills"], 10))
    flyers = iter(split(rng, REPORT["flyers"], 40 + REPORT["legal_education"], 5))
    rows = []
    for kind, count in plan:
        for _ in range(count):
            row = [f"HD{len(rows) + 1:04d}", kind, _day(rng, first, last), rng.choice(counties), "", 0, 0, 0, 0, ""]
            if kind == "出动警力":
                row[5], row[6], row[9] = next(officers), next(vehicles), "上下学高峰护学岗"
            elif kind in {"法制教育", "应急演练"}:
                row[5], row[7] = rng.randint(1, 4), next(people)
            else:
                row[5] = rng.randint(1, 3)
            if kind in {"法制教育", "发放宣传资料"}:
                row[8] = next(flyers)
            rows.append(row)
    return rows


def term_rows(last: dt.date) -> list[list[object]]:
    """The terms of the school years around the demo's year."""
    rows = []
    for year in range(last.year - 1, last.year + 1):
        rows += [[f"{year}年春季学期", dt.date(year, 3, 1), dt.date(year, 7, 10)],
                 [f"{year}年秋季学期", dt.date(year, 9, 1), dt.date(year + 1, 1, 15)]]
    return rows
