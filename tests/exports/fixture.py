"""A small prefecture whose brief is known by hand: six schools in 泸水市 and 福贡县, period 2025-03-03 … 03-16.

Liaison on 03-16: S1, S4, S5, S6 covered; S2 expired on 03-05, S3 never assigned.
Presence (10 school days × 3 windows): S1, S4 every window; S2, S6 none; S3 mornings; S5 mornings and afternoons.
Hazards found in the period: campus 4 (rectified 2, deadline 1, open and overdue 1), surrounding 2 (rectified 1,
deadline 1); H7 was found before the period and is overdue, with a parent's mobile in its description.
Signs: S1 complete on 滨江路, S4 lacks its speed bump on 团结路, S5 complete but T3 and T4 on 上帕大街 were not
surveyed after the road works W1. Activities: A1–A7 in the period, A8 before it (must not count).
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from etl.datasets import DATASETS
from etl.runner import load_file
from tests.conftest import COUNTIES

D = dt.date
P_FROM, P_TO = D(2025, 3, 3), D(2025, 3, 16)
DATA_AS_OF = "2025-03-16 18:00:00+08"
WINDOWS = ("morning", "noon", "afternoon")
PHONES = {"O1": "13912345554", "O2": "+86 138 0000 1111", "O3": "139-8765-4321"}
PARENT_PHONE = "13700001234"

SCHOOLS = [  # code, name, county, lon, lat, (guard, closed, alarm, post)
    ("2153330101", "六库镇中心小学", "533301", 98.857, 25.851, (True, True, True, True)),
    ("2153330102", "鲁掌镇完小", "533301", 98.780, 25.960, (True, True, True, True)),
    ("2153330103", "泸水市第一幼儿园", "533301", 98.850, 25.860, (True, None, True, True)),
    ("2153330104", "六库镇团结小学", "533301", 98.870, 25.880, (True, True, True, True)),
    ("2153332301", "福贡县第一中学", "533323", 98.867, 26.902, (True, True, True, True)),
    ("2153332302", "福贡县上帕小学", "533323", 98.870, 26.700, (True, True, True, False)),
]
UNITS = [("U1", "六库派出所", "533301", 98.856, 25.850), ("U2", "上帕派出所", "533323", 98.867, 26.902)]
OFFICERS = [("O1", "张警官", "U1"), ("O2", "李警官", "U1"), ("O3", "王警官", "U2")]
ASSIGNMENTS = [("2153330101", "O1", D(2024, 9, 1), None), ("2153330102", "O1", D(2024, 9, 1), D(2025, 3, 5)),
               ("2153330104", "O2", D(2024, 9, 1), None), ("2153332301", "O3", D(2024, 9, 1), None),
               ("2153332302", "O3", D(2024, 9, 1), None)]
PRESENT = {"2153330101": WINDOWS, "2153330102": (), "2153330103": ("morning",), "2153330104": WINDOWS,
           "2153332301": ("morning", "afternoon"), "2153332302": ()}
HAZARDS = [  # id, kind, category, school, county, found, status, deadline, rectified, description
    ("H1", "campus", "消防设施损坏", "2153330101", "533301", D(2025, 3, 4), "rectified", D(2025, 3, 12), D(2025, 3, 8),
     "灭火器过期"),
    ("H2", "campus", "围墙护栏缺损", "2153330102", "533301", D(2025, 3, 5), "deadline", D(2025, 3, 30), None,
     "围墙倒塌"),
    ("H3", "campus", "监控设备故障", "2153330104", "533301", D(2025, 3, 6), "open", D(2025, 3, 10), None, "摄像头损坏"),
    ("H4", "campus", "食堂卫生不达标", "2153332301", "533323", D(2025, 3, 10), "rectified", None, D(2025, 3, 12),
     "后厨"),
    ("H5", "surrounding", "无证流动摊贩", "2153330101", "533301", D(2025, 3, 7), "rectified", None, D(2025, 3, 9),
     "校门口摊贩"),
    ("H6", "surrounding", "网吧违规接纳未成年人", "2153332301", "533323", D(2025, 3, 11), "deadline", D(2025, 4, 10),
     None, "网吧"),
    ("H7", "campus", "用电线路老化", "2153330103", "533301", D(2025, 2, 10), "deadline", D(2025, 3, 1), None,
     f"家长反映，联系电话{PARENT_PHONE}"),
]
ROADS = [("R1", "滨江路", "primary", [(98.850, 25.8512), (98.865, 25.8512)]),
         ("R2", "上帕大街", "secondary", [(98.860, 26.9022), (98.875, 26.9022)]),
         ("R3", "团结路", "城市支路", [(98.862, 25.8801), (98.878, 25.8801)])]
SIGNS = [  # code, kind, status, surveyed, road, lon, lat
    ("T1", "speed_limit_30", "present", D(2025, 1, 10), "R1", 98.8575, 25.8512),
    ("T2", "school_zone", "present", D(2025, 1, 10), "R1", 98.8565, 25.8512),
    ("T6", "speed_bump", "present", D(2025, 1, 10), "R1", 98.8570, 25.8512),
    ("T3", "speed_limit_30", "present", D(2025, 1, 5), "R2", 98.8675, 26.9022),
    ("T4", "school_zone", "present", D(2025, 1, 5), "R2", 98.8665, 26.9022),
    ("T5", "speed_bump", "present", D(2025, 1, 5), "R2", 98.8670, 26.9022),
    ("T5", "speed_bump", "present", D(2025, 3, 10), "R2", 98.8670, 26.9022),
    ("T7", "speed_limit_30", "present", D(2025, 1, 10), "R3", 98.8705, 25.8801),
    ("T8", "school_zone", "present", D(2025, 1, 10), "R3", 98.8695, 25.8801),
    ("T9", "speed_bump", "missing", D(2025, 3, 1), "R3", 98.8700, 25.8801)]
WORKS = [("W1", "R2", "上帕大街管网改造", D(2025, 2, 1), D(2025, 2, 20))]
ACTIVITIES = [  # id, kind, day, county, officers, vehicles, participants, materials
    ("A1", "deployment", D(2025, 3, 5), "533301", 12, 5, 0, 0),
    ("A2", "deployment", D(2025, 3, 10), "533323", 8, 3, 0, 0),
    ("A3", "inspection", D(2025, 3, 6), "533301", 2, 1, 0, 0),
    ("A4", "legal_education", D(2025, 3, 7), "533301", 2, 0, 300, 0),
    ("A5", "legal_education", D(2025, 3, 12), "533323", 1, 0, 200, 0),
    ("A6", "drill", D(2025, 3, 13), "533301", 3, 1, 120, 0),
    ("A7", "flyers", D(2025, 3, 14), "533323", 1, 0, 0, 500),
    ("A8", "deployment", D(2025, 2, 20), "533301", 99, 99, 0, 0)]
TOWNSHIPS = [("533301", "六库镇", 98.857, 25.851), ("533301", "鲁掌镇", 98.780, 25.960),
             ("533323", "上帕镇", 98.867, 26.902)]


def school_days() -> list[dt.date]:
    """The weekdays of the period (no holidays in it)."""
    days = [P_FROM + dt.timedelta(days=i) for i in range((P_TO - P_FROM).days + 1)]
    return [d for d in days if d.weekday() < 5]


def point(lon: float, lat: float) -> str:
    """A WGS-84 point as EWKT."""
    return f"SRID=4326;POINT({lon} {lat})"


def fill(engine: sa.Engine) -> None:
    """Load the counties through the ETL, then insert everything else and fix the data time."""
    load_file(engine, DATASETS["counties"], COUNTIES)
    run = sa.text
    with engine.begin() as conn:
        conn.execute(run("UPDATE etl_run SET started_at = :t, finished_at = :t"), {"t": DATA_AS_OF})
        for code, name, county, lon, lat, (guard, closed, alarm, post) in SCHOOLS:
            conn.execute(run(
                "INSERT INTO school (school_code, name, school_type, county_adcode, township, geom, gate_geom, "
                "full_time_guard, closed_management, alarm_video_linked, guard_post) VALUES (:c, :n, '小学', :k, "
                ":t, ST_GeomFromEWKT(:p), ST_GeomFromEWKT(:p), :g, :cl, :a, :gp)"),
                {"c": code, "n": name, "t": name[:3], "k": county, "p": point(lon, lat), "g": guard, "cl": closed,
                 "a": alarm, "gp": post})
        for code, name, county, lon, lat in UNITS:
            conn.execute(run("INSERT INTO police_unit (unit_code, name, unit_type, county_adcode, geom) VALUES "
                             "(:c, :n, '派出所', :k, ST_GeomFromEWKT(:p))"),
                         {"c": code, "n": name, "k": county, "p": point(lon, lat)})
        for badge, name, unit in OFFICERS:
            conn.execute(run("INSERT INTO officer (badge_no, name, unit_code, phone) VALUES (:b, :n, :u, :p)"),
                         {"b": badge, "n": name, "u": unit, "p": PHONES[badge]})
        conn.execute(run("INSERT INTO liaison_assignment (school_code, badge_no, role, valid_from, valid_to) "
                         "VALUES (:s, :b, '挂钩民警', :f, :t)"),
                     [dict(zip("sbft", a, strict=True)) for a in ASSIGNMENTS])
        conn.execute(run("INSERT INTO presence (school_code, day, window_name, present, dwell_min, min_distance_m, "
                         "vehicle_ids, radius_m) VALUES (:s, :d, :w, :p, CASE WHEN :p THEN 5 ELSE 0 END, "
                         "CASE WHEN :p THEN 20 ELSE 800 END, ARRAY[]::varchar[], 100)"),
                     [{"s": s, "d": d, "w": w, "p": w in PRESENT[s]} for s in PRESENT for d in school_days()
                      for w in WINDOWS])
        lonlat = {s[0]: (s[3], s[4]) for s in SCHOOLS}
        for h in HAZARDS:
            conn.execute(run(
                "INSERT INTO hazard (hazard_id, kind, category, school_code, county_adcode, found_on, status, "
                "deadline, rectified_on, description, geom) VALUES (:i, :k, :c, :s, :n, :f, :st, :d, :r, :t, "
                "ST_GeomFromEWKT(:p))"),
                {**dict(zip(["i", "k", "c", "s", "n", "f", "st", "d", "r", "t"], h, strict=True)),
                 "p": point(*lonlat[h[3]])})
        for road, name, klass, coords in ROADS:
            line = "MULTILINESTRING((" + ", ".join(f"{x} {y}" for x, y in coords) + "))"
            conn.execute(run("INSERT INTO road (road_id, name, road_class, geom) VALUES "
                             "(:r, :n, :k, ST_GeomFromText(:g, 4326))"), {"r": road, "n": name, "k": klass, "g": line})
        for code, kind, status, day, road, lon, lat in SIGNS:
            conn.execute(run("INSERT INTO traffic_sign (sign_code, kind, status, surveyed_on, road_id, geom) "
                             "VALUES (:c, :k, :s, :d, :r, ST_GeomFromEWKT(:p))"),
                         {"c": code, "k": kind, "s": status, "d": day, "r": road, "p": point(lon, lat)})
        for work, road, text, start, end in WORKS:
            conn.execute(run("INSERT INTO road_work (work_id, road_id, description, started_on, finished_on) "
                             "VALUES (:w, :r, :t, :s, :e)"), {"w": work, "r": road, "t": text, "s": start, "e": end})
        conn.execute(run("INSERT INTO activity (activity_id, kind, held_on, county_adcode, officers, vehicles, "
                         "participants, materials) VALUES (:i, :k, :d, :c, :o, :v, :p, :m)"),
                     [dict(zip("ikdcovpm", a, strict=True)) for a in ACTIVITIES])
        for county, name, lon, lat in TOWNSHIPS:
            conn.execute(run("INSERT INTO township (county_adcode, name, geom) VALUES (:c, :n, ST_GeomFromEWKT(:p))"),
                         {"c": county, "n": name, "p": point(lon, lat)})
