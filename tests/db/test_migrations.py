"""Migrations match the models and go up, down and up again on a real PostGIS."""

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from db.engine import downgrade, migrate
from db.models import Base
from db.schema_filter import include_object

CORE_TABLES = {"county", "school", "police_unit", "officer", "liaison_assignment", "vehicle", "track_point",
               "hazard", "road", "road_work", "traffic_sign", "activity", "etl_run", "school_term", "holiday"}

DERIVED_TABLES = {"presence", "presence_day", "patrol_path", "patrol_path_grid", "sign_rule", "township",
                  "track_retention", "school_four100", "road_vertex", "road_edge"}
ACCESS_TABLES = {"app_user", "audit_log", "app_secret"}
PLAN_TABLES = {"vehicle_unavailable", "patrol_plan", "patrol_plan_route", "patrol_plan_stop", "patrol_plan_uncovered",
               "patrol_plan_check"}


def tables(engine):
    return set(sa.inspect(engine).get_table_names())


def test_migrations_match_models(engine):
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include_object,
                                                         "compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_every_core_table_of_the_design_exists(engine):
    assert tables(engine) >= CORE_TABLES
    assert set(Base.metadata.tables) == CORE_TABLES | DERIVED_TABLES | ACCESS_TABLES | PLAN_TABLES


def test_upgrade_downgrade_upgrade(engine, db_url):
    downgrade(db_url, "base")
    assert not (CORE_TABLES & tables(engine))
    migrate(db_url)
    assert tables(engine) >= CORE_TABLES
    with engine.connect() as conn:
        views = set(conn.execute(sa.text("SELECT viewname FROM pg_views WHERE schemaname = 'public'"))
                    .scalars())
    assert {"v_county_map", "v_school_map"} <= views


def test_track_points_are_partitioned_and_stored_once(engine):
    with engine.begin() as conn:
        kind = conn.execute(sa.text("SELECT relkind FROM pg_class WHERE relname = 'track_point'")).scalar()
        assert kind == "p"
        conn.execute(sa.text("INSERT INTO vehicle (vehicle_id) VALUES ('云Q12345')"))
        insert = sa.text("INSERT INTO track_point (vehicle_id, ts, geom) VALUES "
                         "('云Q12345', '2026-09-01 07:45+08', ST_SetSRID(ST_MakePoint(98.85, 25.85), 4326)) "
                         "ON CONFLICT DO NOTHING")
        conn.execute(insert)
        conn.execute(insert)
        assert conn.execute(sa.text("SELECT count(*) FROM track_point")).scalar() == 1
