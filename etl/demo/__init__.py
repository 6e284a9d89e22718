"""A deterministic Nujiang demo: every dataset written as the files a county hands over, loaded by the ETL."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import sqlalchemy as sa

from db import clock
from etl.datasets import DATASETS
from etl.demo import driven, field, fleet, roads, tracks
from etl.demo.files import write_csv, write_xlsx
from etl.demo.places import COUNTIES_FILE, townships
from etl.demo.register import (
    ASSIGNMENT_HEADER,
    OFFICER_HEADER,
    SCHOOL_HEADER,
    UNIT_HEADER,
    assignment_rows,
    officer_rows,
    school_rows,
    unit_rows,
    write_townships,
)
from etl.load import LoadResult
from etl.options import LoadOptions
from etl.public_holidays import fill_holidays
from etl.runner import load_file

__all__ = ["SCHOOL_HEADER", "run", "school_rows", "write_files", "write_xlsx"]
Plan = list[tuple[str, Path, LoadOptions]]


def _term_start(anchor: dt.date) -> dt.date:
    """First day of the school year the anchor falls in."""
    return dt.date(anchor.year if anchor.month >= 9 else anchor.year - 1, 9, 1)


def live_until(anchor: dt.date | None = None, now: dt.datetime | None = None) -> tuple[dt.date, dt.datetime]:
    """The demo's last day (Nujiang's today by default) and the instant its data ends: now, or that day's end."""
    now = (now or clock.now()).astimezone(clock.zone())
    anchor = anchor or now.date()
    return anchor, min(now, clock.end_of(anchor))


def write_files(out: Path, seed: int = 7, anchor: dt.date | None = None, now: dt.datetime | None = None) -> Plan:
    """Write every demo file, live up to now; return (dataset, file, options) in the order they must load."""
    anchor, until = live_until(anchor, now)
    out.mkdir(parents=True, exist_ok=True)
    rng, towns = random.Random(seed), townships()
    year = (anchor - dt.timedelta(days=364), anchor)
    units, schools = unit_rows(towns), school_rows(rng, towns)
    officers = officer_rows(rng, units)
    assignments = assignment_rows(rng, schools, units, officers, _term_start(anchor))
    street_list = roads.streets(rng, schools)
    trunk = roads.main_roads(towns, schools, street_list)  # the network the streets join
    works, signs = roads.works_and_signs(rng, street_list, anchor)
    wgs, gcj = LoadOptions(), LoadOptions(crs="gcj02")
    plan: Plan = [
        ("counties", COUNTIES_FILE, wgs), ("townships", write_townships(out / "乡镇驻地.csv", towns), wgs),
        ("units", write_xlsx(out / "派出所.xlsx", UNIT_HEADER, units, 3), wgs),
        ("schools", write_xlsx(out / "学校名录.xlsx", SCHOOL_HEADER, schools, 3), wgs),
        ("officers", write_xlsx(out / "民警名册.xlsx", OFFICER_HEADER, officers, 5), wgs),
        ("assignments", write_xlsx(out / "一校一警挂钩表.xlsx", ASSIGNMENT_HEADER, assignments, 3), wgs),
        ("calendar", write_xlsx(out / "校历.xlsx", field.TERM_HEADER, field.term_rows(anchor), 1), wgs),
        ("roads", roads.write_roads(out / "道路.shp", [*trunk, *(s[:4] for s in street_list)]), wgs),
        ("road-works", write_csv(out / "道路施工.csv", roads.WORK_HEADER, works), wgs),
        ("signs", write_xlsx(out / "交通标志调查.xlsx", roads.SIGN_HEADER, signs, 1), wgs),
        ("hazards", write_xlsx(out / "隐患排查_高德坐标.xlsx", field.HAZARD_HEADER,
                               field.hazard_rows(rng, schools, *year), 4), gcj),
        ("activities", write_csv(out / "工作开展情况_GBK.csv", field.ACTIVITY_HEADER,
                                 field.activity_rows(rng, sorted({t.county_adcode for t in towns}), *year),
                                 encoding="gb18030"), wgs),
    ]
    return plan + _track_files(out, rng, seed, units, schools, anchor, until)


def _track_files(out: Path, rng: random.Random, seed: int, units: list, schools: list, anchor: dt.date,
                 until: dt.datetime) -> Plan:
    """The vehicle register, then four weeks of patrol GPS up to until: most cars in one CSV, five as GPX files."""
    cars = tracks.vehicles(rng, units, schools)
    fleet_rows = fleet.vehicle_rows(seed, units, cars)
    days = [anchor - dt.timedelta(days=n) for n in range(27, -1, -1)]
    days = [d for d in days if d.weekday() < 5]
    plan: Plan = [
        ("vehicles", write_xlsx(out / "车辆台账.xlsx", fleet.VEHICLE_HEADER, fleet_rows, 2), LoadOptions()),
        ("vehicle_unavailable", write_csv(out / "车辆停用.csv", fleet.UNAVAILABLE_HEADER,
                                          fleet.unavailable_rows(fleet_rows, anchor)), LoadOptions()),
        ("tracks", out / "车载GPS.csv", LoadOptions())]
    planned = frozenset(driven.previous_week(anchor))  # mornings the cars drive plans (xiaoan/demo_plans.py)
    tracks.write_csv(plan[2][1], cars[5:], days, rng, until, planned)
    for car in cars[:5]:
        path = out / f"gps_{len(plan)}.gpx"
        tracks.write_gpx(path, car, days, rng, until, planned)
        plan.append(("tracks", path, LoadOptions()))
    return plan


def run(engine: sa.Engine, out: Path, seed: int = 7, anchor: dt.date | None = None,
        now: dt.datetime | None = None) -> list[LoadResult]:
    """Write the demo, load every file through the ETL (track loads refresh presence), fill the holidays."""
    anchor, until = live_until(anchor, now)
    results = []
    for name, path, options in write_files(out, seed, anchor, until):
        results.append(load_file(engine, DATASETS[name], path, options=options))
        if name == "calendar":
            fill_holidays(engine, _known_years(anchor))
    return results


def _known_years(anchor: dt.date) -> list[int]:
    """The years around the anchor that the chinese-calendar package knows."""
    import chinese_calendar

    known = {d.year for d in chinese_calendar.holidays}
    return [y for y in (anchor.year - 1, anchor.year) if y in known]
