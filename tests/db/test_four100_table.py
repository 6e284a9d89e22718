"""school_four100: the migration's backfill, dated by the load that last wrote each school; county-scoped."""

import datetime as dt

import sqlalchemy as sa

from db import access
from db.analytics import reports
from db.engine import downgrade, make_engine, migrate
from etl.datasets import DATASETS
from etl.runner import load_file
from tests.conftest import COUNTIES
from tests.etl.test_four100_history import AUTUMN, SPRING
from tests.users import add_users, token


def test_the_backfill_dates_each_school_by_its_own_load_in_nujiang(engine, db_url):
    load_file(engine, DATASETS["counties"], COUNTIES)
    spring = load_file(engine, DATASETS["schools"], SPRING).run_id
    downgrade(db_url, "0014")
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE etl_run SET finished_at = '2026-03-02 23:30+00' WHERE id = :id"), {"id": spring})
        conn.execute(sa.text(  # a later schools load that changed none of them, and a school written by hand
            "INSERT INTO etl_run (dataset, file_name, sha256, status, started_at, finished_at) VALUES "
            "('schools', 'later.xlsx', 'x', 'loaded', '2026-05-10 01:00+00', '2026-05-10 02:00+00')"))
        conn.execute(sa.text(
            "INSERT INTO school (school_code, name, school_type, county_adcode, geom, gate_geom, guard_post) "
            "VALUES ('S9', '手工小学', '小学', '533301', ST_SetSRID(ST_MakePoint(98.857, 25.851), 4326), "
            "ST_SetSRID(ST_MakePoint(98.857, 25.851), 4326), true)"))
    migrate(db_url)
    with engine.connect() as conn:
        rows = conn.execute(sa.text(
            "SELECT school_code, checked_on, full_time_guard, closed_management, alarm_video_linked, guard_post, "
            "etl_run_id FROM school_four100 ORDER BY 1")).all()
    march = dt.date(2026, 3, 3)  # 23:30 UTC on 2 March is 07:30 on 3 March in Nujiang
    assert [tuple(r) for r in rows] == [
        ("2153010101", march, True, True, True, False, spring),
        ("2153010102", march, True, True, False, False, spring),
        ("2153010103", march, True, True, True, True, spring),
        ("2153230101", march, False, False, True, False, spring),
        ("2153230102", march, True, True, True, True, spring),
        ("S9", dt.date(2026, 5, 10), None, None, None, True, None)]


def test_the_dashboard_role_reads_the_history_of_its_county_only(engine, db_url):
    load_file(engine, DATASETS["counties"], COUNTIES)
    for path in (SPRING, AUTUMN):
        load_file(engine, DATASETS["schools"], path)
    add_users(engine)
    web = make_engine(access.web_url(db_url))
    seen = {}
    for user in ("lushui", "leader", None):
        with web.begin() as conn:
            access.set_token(conn, user and token(engine, user))
            rows = conn.execute(sa.text("SELECT DISTINCT left(school_code, 6) FROM school_four100 ORDER BY 1"))
            changes = reports.four100_changes(conn, dt.date(2026, 3, 3), dt.date(2026, 9, 30))
            seen[user] = (rows.scalars().all(), int(changes["newly_met"].sum()), int(changes["lost"].sum()))
    web.dispose()
    assert seen == {"lushui": (["215301"], 2, 1), "leader": (["215301", "215323"], 4, 3), None: ([], 0, 0)}
