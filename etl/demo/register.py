"""A deterministic Nujiang demo written as the files a county hands over, loaded by the real loaders."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import sqlalchemy as sa
from openpyxl import Workbook

from etl.datasets import DATASETS
from etl.demo_places import COUNTIES_FILE, Township, offset, scatter, townships
from etl.load import LoadResult
from etl.runner import load_file

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


def write_xlsx(path: Path, header: list[str], rows: list[list[object]], text_columns: int) -> Path:
    """A workbook with Chinese headers; the first text_columns columns are stored as text."""
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    for column in sheet.iter_cols(min_col=1, max_col=text_columns, min_row=2):
        for cell in column:
            cell.number_format = "@"
    book.properties.created = book.properties.modified = dt.datetime(2026, 9, 1)
    book.save(path)
    return path


def write_townships(path: Path, towns: list[Township]) -> Path:
    """The township seats as a UTF-8 CSV with Chinese headers."""
    lines = ["乡镇,经度,纬度"] + [f"{t.name},{t.seat.x:.6f},{t.seat.y:.6f}" for t in towns]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_files(out_dir: Path, seed: int = 7) -> dict[str, Path]:
    """Write the demo's files and return them by dataset."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rng, towns = random.Random(seed), townships()
    return {"counties": COUNTIES_FILE,
            "townships": write_townships(out_dir / "乡镇驻地.csv", towns),
            "units": write_xlsx(out_dir / "派出所.xlsx", UNIT_HEADER, unit_rows(towns), 3),
            "schools": write_xlsx(out_dir / "学校名录.xlsx", SCHOOL_HEADER, school_rows(rng, towns), 3)}


def run(engine: sa.Engine, out_dir: Path, seed: int = 7) -> list[LoadResult]:
    """Write the demo files and load them in dependency order."""
    files = write_files(out_dir, seed)
    return [load_file(engine, DATASETS[name], path) for name, path in files.items()]
