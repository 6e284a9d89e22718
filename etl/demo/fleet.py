"""The demo's vehicle register: each police station 1–3 patrol cars (its GPS cars among them), one in repair."""

from __future__ import annotations

import datetime as dt
import random

from etl.demo.tracks import Vehicle

VEHICLE_HEADER = ["车牌号", "单位代码", "车辆类型", "在用"]
UNAVAILABLE_HEADER = ["车牌号", "开始日期", "结束日期", "原因"]


def vehicle_rows(seed: int, units: list[list[object]], cars: list[Vehicle]) -> list[list[object]]:
    """Every GPS car under its unit, and more cars so that each station has 1–3 (drawn apart from the tracks)."""
    rng = random.Random(f"{seed}-fleet")  # its own draws: the GPS and every other demo file stay as they were
    rows: list[list[object]] = [[c.vehicle_id, c.unit_code, "巡逻车", "是"] for c in cars]
    for unit in units:
        if unit[2] != "派出所":
            continue
        have = sum(1 for c in cars if c.unit_code == unit[0])
        for _ in range(max(0, rng.randint(1, 3) - have)):
            rows.append([f"云Q{rng.choice('EFGH')}{rng.randint(1000, 9999)}警", unit[0], "警用越野车", "是"])
    return rows


def unavailable_rows(rows: list[list[object]], anchor: dt.date) -> list[list[object]]:
    """The first station's last car in repair for the anchor's week, so a plan shows a vehicle left out."""
    spare = [r for r in rows if r[2] == "警用越野车"]
    if not spare:
        return []
    monday = anchor - dt.timedelta(days=anchor.weekday())
    return [[spare[0][0], monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), "维修"]]
