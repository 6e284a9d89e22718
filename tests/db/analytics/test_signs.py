"""Required signs near school gates, and signs not put back after road works."""

import datetime as dt

import sqlalchemy as sa
from pyproj import Transformer

from db.analytics import reports
from tests.db.analytics.conftest import LIUKU

TO_M = Transformer.from_crs(4326, 32647, always_xy=True)
TO_WGS = Transformer.from_crs(32647, 4326, always_xy=True)
GX, GY = TO_M.transform(*LIUKU)  # the gate of S1
AS_OF = dt.date(2026, 10, 1)


def wkt_point(dx, dy):
    lon, lat = TO_WGS.transform(GX + dx, GY + dy)
    return f"SRID=4326;POINT({lon} {lat})"


def setup_road(conn):
    west, east = TO_WGS.transform(GX - 1000, GY - 10), TO_WGS.transform(GX + 1000, GY - 10)
    conn.execute(sa.text("INSERT INTO road (road_id, name, geom) VALUES ('R1', '滨江路', "
                         "ST_Multi(ST_GeomFromText(:wkt, 4326)))"),
                 {"wkt": f"LINESTRING({west[0]} {west[1]}, {east[0]} {east[1]})"})


def sign(conn, code, kind, status, day, dx, road="R1"):
    conn.execute(sa.text("INSERT INTO traffic_sign (sign_code, kind, status, surveyed_on, road_id, geom) "
                         "VALUES (:c, :k, :s, :d, :r, ST_GeomFromEWKT(:g))"),
                 {"c": code, "k": kind, "s": status, "d": day, "r": road, "g": wkt_point(dx, -12)})


def test_required_kinds_with_their_latest_survey(town):
    d = dt.date
    with town.begin() as conn:
        setup_road(conn)
        conn.execute(sa.text("INSERT INTO sign_rule (kind, county_adcode) VALUES ('no_honking', '533301')"))
        sign(conn, "L1", "speed_limit_30", "present", d(2026, 9, 1), 100)
        sign(conn, "L2", "speed_limit_30", "missing", d(2026, 9, 15), -120)
        sign(conn, "Z1", "school_zone", "present", d(2026, 9, 1), 200)  # 200 m along: too far
        sign(conn, "B1", "speed_bump", "present", d(2026, 8, 1), -50)
        sign(conn, "B1", "speed_bump", "damaged", d(2026, 10, 2), -50)  # after as_of: not yet known
    with town.connect() as conn:
        table = reports.sign_status(conn, AS_OF)
    assert table["school_code"].unique().tolist() == ["S1"]  # the only gate within 30 m of a road
    status = table.set_index("kind")["status"].to_dict()
    assert status == {"no_honking": "none", "school_zone": "none", "speed_bump": "present",
                      "speed_limit_30": "present"}
    assert table.set_index("kind").loc["speed_limit_30", "sign_code"] == "L1"
    assert table["missing"].sum() == 2
    with town.connect() as conn:
        later = reports.sign_status(conn, dt.date(2026, 10, 3)).set_index("kind")
    assert later.loc["speed_bump", "status"] == "damaged"


def test_a_sign_present_before_road_works_and_not_since_is_not_reinstalled(town):
    d = dt.date
    with town.begin() as conn:
        setup_road(conn)
        sign(conn, "B1", "speed_bump", "present", d(2026, 8, 1), -50)  # never surveyed after the works
        sign(conn, "L1", "speed_limit_30", "present", d(2026, 8, 1), 100)
        sign(conn, "L1", "speed_limit_30", "present", d(2026, 9, 5), 100)  # put back and surveyed
        sign(conn, "Z1", "school_zone", "present", d(2026, 8, 1), 60)
        sign(conn, "Z1", "school_zone", "missing", d(2026, 9, 5), 60)  # surveyed after, still missing
        conn.execute(sa.text("INSERT INTO road_work (work_id, road_id, started_on, finished_on) VALUES "
                             "('W1', 'R1', '2026-08-10', '2026-08-20'), ('W2', 'R1', '2026-09-20', NULL)"))
    with town.connect() as conn:
        listed = reports.signs_not_reinstalled(conn, AS_OF)
        before = reports.signs_not_reinstalled(conn, d(2026, 8, 15))
    assert listed["sign_code"].tolist() == ["B1", "Z1"]
    assert listed.set_index("sign_code").loc["B1", "schools"] == ["S1"]  # S5 is ~190 m away
    assert listed.set_index("sign_code").loc["Z1", "surveyed_after"] == d(2026, 9, 5)
    assert before.empty  # the work had not finished yet
