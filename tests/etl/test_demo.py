"""The demo: deterministic files in the real formats, loaded through the real loaders."""

import random

import sqlalchemy as sa

from db.models.base import SCHOOL_TYPES
from etl import demo
from etl.demo_places import townships


def test_the_same_seed_writes_the_same_schools():
    towns = townships()
    assert demo.school_rows(random.Random(3), towns) == demo.school_rows(random.Random(3), towns)
    assert demo.school_rows(random.Random(3), towns) != demo.school_rows(random.Random(4), towns)


def test_demo_loads_about_300_schools_of_every_type_inside_their_counties(engine, tmp_path):
    results = demo.run(engine, tmp_path, seed=7)
    assert [r.exit_code for r in results] == [0, 0, 0, 0]
    assert (tmp_path / "学校名录.xlsx").exists() and (tmp_path / "派出所.xlsx").exists()
    with engine.connect() as conn:
        types = dict(conn.execute(sa.text("SELECT school_type, count(*) FROM school GROUP BY 1")).all())
        outside = conn.execute(sa.text(
            "SELECT count(*) FROM school s JOIN county c ON c.adcode = s.county_adcode "
            "WHERE NOT ST_Contains(c.geom, s.geom) OR NOT ST_Contains(c.geom, s.gate_geom)")).scalar()
        per_county = conn.execute(sa.text("SELECT count(DISTINCT county_adcode) FROM school")).scalar()
        units = conn.execute(sa.text("SELECT count(*) FROM police_unit WHERE unit_type = '派出所'")).scalar()
        gate_m = conn.execute(sa.text(
            "SELECT max(ST_Distance(geom::geography, gate_geom::geography)) FROM school")).scalar()
    assert set(types) == set(SCHOOL_TYPES)
    assert 250 <= sum(types.values()) <= 380
    assert outside == 0 and per_county == 4
    assert 25 <= units <= 35
    assert gate_m < 70
