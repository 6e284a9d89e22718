"""A small prefecture whose answers are known: liaison, presence, hazards, signs, works, tracks, activities.

Period P = 2025-03-03 … 2025-03-16 (10 school days), previous period Q = 2025-02-17 … 2025-03-02
(10 school days). The figures each page must show are the constants at the bottom.
"""

from __future__ import annotations

import datetime as dt

D = dt.date
P_FROM, P_TO = D(2025, 3, 3), D(2025, 3, 16)
Q_FROM, Q_TO = D(2025, 2, 17), D(2025, 3, 2)
PERIOD = {"from": P_FROM.isoformat(), "to": P_TO.isoformat()}
WINDOWS = ("morning", "noon", "afternoon")
PHONE = "13912345554"

UNITS = [("U1", "六库派出所", "533301", 98.856, 25.850), ("U2", "上帕派出所", "533323", 98.867, 26.902),
         ("U3", "金顶派出所", "533325", 99.420, 26.410)]
OFFICERS = [("O1", "张警官", "U1", PHONE), ("O2", "李警官", "U2", "13800001111"), ("O3", "王警官", "U3", None)]
ASSIGNMENTS = [  # school, officer, from, to
    ("2153330101", "O1", D(2024, 9, 1), None), ("2153330102", "O1", D(2024, 9, 1), D(2025, 3, 5)),
    ("2153330103", "O1", D(2024, 9, 1), None), ("2153332301", "O2", D(2024, 9, 1), None),
    ("2153332401", "O2", D(2024, 9, 1), None), ("2153332501", "O3", D(2025, 3, 10), None),
    ("2153332502", "O3", D(2024, 9, 1), None), ("2153332503", "O3", D(2025, 3, 4), None)]
HAZARDS = [  # id, kind, category, school, county, found, status, deadline, rectified, lon, lat
    ("H1", "campus", "消防安全", "2153330101", "533301", D(2025, 3, 4), "open", D(2025, 3, 10), None, 98.857, 25.851),
    ("H2", "campus", "消防安全", "2153330101", "533301", D(2025, 3, 5), "rectified", D(2025, 3, 12), D(2025, 3, 8),
     98.857, 25.851),
    ("H3", "surrounding", "占道经营", None, "533301", D(2025, 3, 6), "deadline", D(2025, 3, 30), None, 98.780, 25.960),
    ("H4", "surrounding", "网吧", "2153332501", "533325", D(2025, 3, 10), "open", None, None, 99.420, 26.410),
    ("H5", "campus", "门卫管理", "2153332301", "533323", D(2025, 3, 11), "rectified", None, D(2025, 3, 12),
     98.867, 26.902),
    ("H6", "campus", "消防安全", "2153330102", "533301", D(2025, 2, 20), "rectified", None, D(2025, 2, 25),
     98.780, 25.960),
    ("H7", "surrounding", "占道经营", None, "533301", D(2025, 2, 21), "open", D(2025, 2, 28), None, 98.850, 25.860)]
ROADS = [("R1", "滨江路", "primary", [(98.850, 25.8513), (98.865, 25.8513)]),
         ("R2", "上帕大街", "secondary", [(98.860, 26.9023), (98.875, 26.9023)])]
SIGNS = [  # code, kind, status, surveyed, road, lon, lat
    ("T1", "speed_limit_30", "present", D(2025, 1, 10), "R1", 98.8575, 25.8512),
    ("T2", "school_zone", "present", D(2025, 1, 10), "R1", 98.8565, 25.8512),
    ("T2", "school_zone", "damaged", D(2025, 3, 12), "R1", 98.8565, 25.8512),
    ("T3", "speed_limit_30", "present", D(2025, 1, 5), "R2", 98.8675, 26.9022),
    ("T4", "school_zone", "present", D(2025, 1, 5), "R2", 98.8665, 26.9022),
    ("T5", "speed_bump", "missing", D(2025, 1, 5), "R2", 98.8670, 26.9022),
    ("T5", "speed_bump", "present", D(2025, 3, 10), "R2", 98.8670, 26.9022)]
WORKS = [("W1", "R2", "上帕大街管网改造", D(2025, 2, 1), D(2025, 2, 20))]
ACTIVITIES = [  # id, kind, day, county, officers, vehicles, participants, materials
    ("A1", "deployment", D(2025, 3, 5), "533301", 6, 2, 0, 0),
    ("A2", "legal_education", D(2025, 3, 6), "533301", 2, 0, 300, 0),
    ("A3", "drill", D(2025, 3, 12), "533325", 3, 1, 120, 0),
    ("A4", "flyers", D(2025, 3, 13), "533323", 1, 0, 0, 500),
    ("A5", "deployment", D(2025, 2, 18), "533301", 4, 1, 0, 0),
    ("A6", "inspection", D(2025, 1, 15), "533324", 2, 1, 0, 0)]
TOWNSHIPS = [("533301", "六库镇", 98.857, 25.851), ("533323", "上帕镇", 98.867, 26.902),
             ("533325", "金顶镇", 99.420, 26.410)]

# The answers.
COVERAGE_P, COVERAGE_Q = 7 / 9, 6 / 9
PRESENCE_P, PRESENCE_Q = 100 / 270, 90 / 270
FOUR100 = 7 / 9
HAZARDS_P = {"found": 5, "rectified": 2, "on_deadline": 1, "open": 2, "overdue": 1}
HAZARDS_Q = {"found": 2, "rectified": 1, "on_deadline": 0, "open": 1, "overdue": 1}
MISSING_SIGNS_P, MISSING_SIGNS_Q = 1, 2
NOT_REINSTALLED = ["T3", "T4"]


def school_days(first: dt.date, last: dt.date) -> list[dt.date]:
    """Weekdays from first to last (no holidays in the fixture periods)."""
    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    return [d for d in days if d.weekday() < 5]


def presence_rows(codes: list[str]) -> list[dict]:
    """P: 0101 present in every window (20 m), 0102 never (closest 300 m), others in the mornings only
    (40 m); Q: every school in the mornings only."""
    rows = []
    for day in school_days(Q_FROM, P_TO):
        for code in codes:
            for window in WINDOWS:
                if day >= P_FROM and code == "2153330101":
                    hit, dist = True, 20.0
                elif day >= P_FROM and code == "2153330102":
                    hit, dist = False, 300.0
                else:
                    hit, dist = window == "morning", 40.0 if window == "morning" else None
                rows.append({"s": code, "d": day, "w": window, "p": hit, "m": dist})
    return rows


def track_rows() -> list[dict]:
    """Vehicle V1 drives east along 滨江路 on 2025-03-04 07:40 (two runs split by a 10-minute gap);
    V2 drives north near 六库 at noon on the same day."""
    rows = []
    start = dt.datetime(2025, 3, 3, 23, 40, tzinfo=dt.UTC)  # 07:40 Asia/Shanghai on 03-04
    for i in range(20):
        gap = dt.timedelta(minutes=10) if i >= 10 else dt.timedelta(0)
        rows.append({"v": "V1", "t": start + dt.timedelta(seconds=30 * i) + gap, "x": 98.850 + 0.0007 * i,
                     "y": 25.8513})
    noon = dt.datetime(2025, 3, 4, 3, 40, tzinfo=dt.UTC)
    rows += [{"v": "V2", "t": noon + dt.timedelta(seconds=30 * i), "x": 98.857, "y": 25.840 + 0.001 * i}
             for i in range(10)]
    return rows
