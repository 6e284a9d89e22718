"""Demo register: schools, township seats, police units, officers and their liaison assignments."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from etl.demo.places import Township, offset, scatter

SEATS = {"六库镇", "上帕镇", "茨开镇", "金顶镇"}
VILLAGES = ("团结", "和平", "向阳", "光明", "永安", "双河", "大坪", "新华", "丰收", "民族", "红旗", "中心",
            "沙坝", "河边", "岩脚", "江西", "江东", "木城", "阿路", "腊竹")
SCHOOL_HEADER = ["学校标识码", "学校名称", "学校类型", "乡镇", "地址", "在校生数", "教职工数", "经度", "纬度",
                 "大门经度", "大门纬度", "专职保安员", "封闭化管理", "一键报警视频联网", "护学岗"]
UNIT_HEADER = ["单位代码", "单位名称", "单位类型", "地址", "经度", "纬度"]
PUPILS = {"幼儿园": (40, 260), "小学": (80, 900), "初中": (400, 1800), "高中": (900, 3000),
          "九年一贯制": (300, 1500), "完全中学": (800, 2500), "特殊教育": (30, 120), "职业学校": (500, 2200)}


def _plan(rng: random.Random, town: Township) -> list[str]:
    """The school types of one township: more at county seats."""
    big = town.name in SEATS
    kinds = ["幼儿园"] * (rng.randint(5, 7) if big else rng.randint(2, 4))
    kinds += ["小学"] * (rng.randint(7, 10) if big else rng.randint(4, 7))
    kinds += ["初中"] * (2 if big else rng.randint(0, 1)) + ["九年一贯制"] * rng.randint(0, 1)
    if big:
        kinds += ["高中", "完全中学", "特殊教育", "职业学校"]
    return kinds


def _name(town: str, kind: str, number: int) -> str:
    """A plausible, unique school name such as 六库镇团结小学."""
    if kind == "高中":
        return f"{town}第一高级中学"
    if kind in {"完全中学", "特殊教育", "职业学校"}:
        return f"{town}{kind}学校" if kind != "完全中学" else f"{town}民族中学"
    village = VILLAGES[(number - 1) % len(VILLAGES)] + ("" if number <= len(VILLAGES) else str(number))
    return f"{town}{village}{'学校' if kind == '九年一贯制' else kind}"


def school_rows(rng: random.Random, towns: list[Township]) -> list[list[object]]:
    """Rows of the schools workbook."""
    rows, serial = [], 0
    for town in towns:
        for number, kind in enumerate(_plan(rng, town), start=1):
            serial += 1
            where = scatter(rng, town, 1500 if town.name in SEATS else 3000)
            gate = offset(rng, where, 20, 60)
            while not town.county_shape.contains(gate):
                gate = offset(rng, where, 20, 60)
            low, high = PUPILS[kind]
            pupils = rng.randint(low, high)
            name = _name(town.name, kind, number)
            yes = [("是" if rng.random() < p else "否") for p in (0.92, 0.85, 0.8, 0.75)]
            rows.append([f"21{town.county_adcode[:4]}{serial:04d}", name,
                         kind, town.name, f"怒江州{town.name}{VILLAGES[serial % 20]}村", pupils,
                         max(3, pupils // rng.randint(12, 18)), where.x, where.y, gate.x, gate.y, *yes])
    return rows


def unit_rows(towns: list[Township]) -> list[list[object]]:
    """Rows of the police-unit workbook: a station per township, a bureau per county seat."""
    rows = []
    for n, town in enumerate(towns, start=1):
        rows.append([f"5333PS{n:03d}", f"{town.name}派出所", "派出所", f"怒江州{town.name}",
                     round(town.seat.x + 0.002, 6), round(town.seat.y + 0.001, 6)])
        if town.name in SEATS:
            rows.append([f"5333JJ{n:03d}", f"{town.name}交警大队", "交警大队", f"怒江州{town.name}",
                         round(town.seat.x - 0.002, 6), round(town.seat.y - 0.001, 6)])
    return rows


def write_townships(path: Path, towns: list[Township]) -> Path:
    """The township seats as a UTF-8 CSV with Chinese headers."""
    lines = ["乡镇,经度,纬度"] + [f"{t.name},{t.seat.x:.6f},{t.seat.y:.6f}" for t in towns]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


SURNAMES = "和李杨余王张赵熊罗段胡普丰密桑木字尹邓"
GIVEN = ("建华", "志强", "国庆", "海燕", "文军", "永明", "春花", "玉兰", "金福", "学东", "新民", "丽华", "光荣",
         "正平", "秀英", "阿四", "扒三", "付生", "雪梅", "云龙")
OFFICER_HEADER = ["警号", "姓名", "单位代码", "职务", "联系电话"]
ASSIGNMENT_HEADER = ["学校标识码", "警号", "角色", "开始日期", "结束日期"]


def officer_rows(rng: random.Random, units: list[list[object]]) -> list[list[object]]:
    """Three to five officers per police station, two at a traffic brigade; phones are fictitious."""
    rows, serial = [], 0
    for unit in units:
        for n in range(rng.randint(3, 5) if unit[2] == "派出所" else 2):
            serial += 1
            rank = "所长" if n == 0 and unit[2] == "派出所" else rng.choice(["民警", "民警", "社区民警", "辅警"])
            rows.append([f"05{serial:04d}",
                         rng.choice(SURNAMES) + rng.choice(GIVEN), unit[0], rank,
                         f"1{rng.choice('3589')}{rng.randint(0, 9)}{rng.randint(0, 99999999):08d}"])
    return rows


def assignment_rows(rng: random.Random, schools: list[list[object]], units: list[list[object]],
                    officers: list[list[object]], term_start: dt.date) -> list[list[object]]:
    """A liaison officer of the township's station for almost every school; some gaps on purpose."""
    station = {u[1].removesuffix("派出所"): u[0] for u in units if u[2] == "派出所"}
    by_unit: dict[str, list[str]] = {}
    for badge, _, unit, *_ in officers:
        by_unit.setdefault(unit, []).append(badge)
    order = sorted(range(len(schools)), key=lambda i: rng.random())
    never, expired = set(order[:5]), set(order[5:9])
    rows = []
    for i, school in enumerate(schools):
        staff = by_unit[station[school[3]]]
        badge = staff[i % len(staff)]
        if i in never:
            continue
        if i in expired:
            rows.append([school[0], badge, "挂钩民警", term_start.replace(year=term_start.year - 1),
                         term_start - dt.timedelta(days=60)])
            continue
        rows.append([school[0], badge, "挂钩民警", term_start, ""])
        if school[14] == "是":
            rows.append([school[0], staff[(i + 1) % len(staff)], "护学岗", term_start, ""])
    liuku = by_unit[station["六库镇"]][0]
    extra = [s for s in schools if s[3] == "六库镇"][:8]
    rows += [row for row in ([s[0], liuku, "挂钩民警", term_start, ""] for s in extra) if row not in rows]
    return rows
