"""A tiny hand-made prefecture: five schools, two units, three officers, in the real counties."""

import pytest
import sqlalchemy as sa

from etl.datasets import DATASETS
from etl.runner import load_file
from tests.conftest import COUNTIES

LIUKU = (98.857, 25.851)
SCHOOLS = [  # code, county, lon, lat, flags (guard, closed, alarm, post)
    ("S1", "533301", 98.857, 25.851, (True, True, True, True)),
    ("S2", "533301", 98.860, 25.853, (True, True, False, True)),
    ("S3", "533301", 98.840, 26.170, (True, None, True, True)),
    ("S4", "533323", 98.867, 26.902, (True, True, True, True)),
    ("S5", "533301", 98.858, 25.852, (False, False, False, False)),
]


@pytest.fixture
def town(engine):
    load_file(engine, DATASETS["counties"], COUNTIES)
    with engine.begin() as conn:
        for code, county, lon, lat, (guard, closed, alarm, post) in SCHOOLS:
            conn.execute(sa.text(
                "INSERT INTO school (school_code, name, school_type, county_adcode, geom, gate_geom, "
                "full_time_guard, closed_management, alarm_video_linked, guard_post) VALUES (:c, :n, "
                "'小学', :county, ST_SetSRID(ST_MakePoint(:x, :y), 4326), ST_SetSRID(ST_MakePoint(:x, :y), 4326), "
                ":g, :cl, :a, :p)"),
                {"c": code, "n": f"{code}小学", "county": county, "x": lon, "y": lat, "g": guard, "cl": closed,
                 "a": alarm, "p": post})
        conn.execute(sa.text(
            "INSERT INTO police_unit (unit_code, name, unit_type, county_adcode, geom) VALUES "
            "('U1', '六库派出所', '派出所', '533301', ST_SetSRID(ST_MakePoint(98.856, 25.850), 4326)), "
            "('U2', '上帕派出所', '派出所', '533323', ST_SetSRID(ST_MakePoint(98.867, 26.902), 4326))"))
        conn.execute(sa.text("INSERT INTO officer (badge_no, name, unit_code) VALUES "
                             "('O1', '甲', 'U1'), ('O2', '乙', 'U2'), ('O3', '丙', 'U1')"))
    return engine
