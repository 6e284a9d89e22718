"""Row-level security as the dashboard's role: each user sees their counties only, whatever SQL they run."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from db import access
from db.analytics import paths
from db.engine import make_engine
from db.errors import SignInLocked
from tests.dashboard.conftest import SCHOOLS, add_field_data, add_schools, load_counties
from tests.users import add_users, token

LUSHUI, FUGONG = "533301", "533323"
SCOPED = {  # table: SQL naming the county of each row
    "school": "SELECT county_adcode FROM school",
    "hazard": "SELECT county_adcode FROM hazard",
    "activity": "SELECT county_adcode FROM activity",
    "police_unit": "SELECT county_adcode FROM police_unit",
    "officer": "SELECT u.county_adcode FROM officer o JOIN police_unit u USING (unit_code)",
    "liaison_assignment": "SELECT s.county_adcode FROM liaison_assignment a JOIN school s USING (school_code)",
    "presence": "SELECT s.county_adcode FROM presence p JOIN school s USING (school_code)",
    "track_point": "SELECT u.county_adcode FROM track_point t JOIN vehicle v USING (vehicle_id) "
                   "JOIN police_unit u USING (unit_code)",
    "traffic_sign": "SELECT c.adcode FROM traffic_sign t JOIN county c ON ST_Intersects(c.geom, t.geom)",
}


@pytest.fixture
def data(engine: sa.Engine) -> sa.Engine:
    """The fixture prefecture with field data in several counties, and a user of every role."""
    load_counties(engine)
    add_schools(engine, SCHOOLS)
    add_field_data(engine)
    add_users(engine)
    return engine


@pytest.fixture
def web(db_url: str) -> Iterator[sa.Engine]:
    """An engine logged in as the dashboard's low-privilege role."""
    eng = make_engine(access.web_url(db_url))
    yield eng
    eng.dispose()


def counties_seen(web: sa.Engine, tok: str | None, sql: str) -> list[str]:
    """The counties of the rows a query returns on the dashboard's role with this token."""
    with web.begin() as conn:
        access.set_token(conn, tok)
        return [r[0] for r in conn.execute(sa.text(sql))]


def owner_sees(engine: sa.Engine, sql: str) -> set[str]:
    """The counties of a query's rows as the owner (no row-level security)."""
    with engine.connect() as conn:
        return {r[0] for r in conn.execute(sa.text(sql))}


@pytest.mark.parametrize("table", list(SCOPED))
def test_a_planner_sees_only_their_county(data: sa.Engine, web: sa.Engine, table: str) -> None:
    present = owner_sees(data, SCOPED[table])
    assert LUSHUI in present  # the fixture has rows of 泸水市 in every table
    lushui = counties_seen(web, token(data, "lushui"), SCOPED[table])
    assert lushui and set(lushui) == {LUSHUI}
    assert set(counties_seen(web, token(data, "fugong"), SCOPED[table])) == present & {FUGONG}
    assert set(counties_seen(web, token(data, "leader"), SCOPED[table])) == present
    assert set(counties_seen(web, token(data, "admin"), SCOPED[table])) == present
    assert set(counties_seen(web, token(data, "clerk_lushui"), SCOPED[table])) == {LUSHUI}
    assert counties_seen(web, None, SCOPED[table]) == []


def test_fixture_has_rows_of_two_counties_where_it_matters(data: sa.Engine) -> None:
    for table in ("school", "hazard", "activity", "police_unit", "officer", "liaison_assignment"):
        assert {LUSHUI, FUGONG} <= owner_sees(data, SCOPED[table]), table


def test_sql_on_the_connection_cannot_widen_the_scope(data: sa.Engine, web: sa.Engine) -> None:
    good = token(data, "lushui")
    user, issued, expiry, signature = good.split(":")
    forged = [f"leader:{issued}:{expiry}:{signature}", f"lushui:{issued}:{int(expiry) + 86400}:{signature}",
              "leader:1:9999999999:00", f"{good}x", "' OR 1=1 --", "leader", ""]
    for tok in forged:
        assert counties_seen(web, tok, SCOPED["school"]) == [], tok
    with web.begin() as conn:
        access.set_token(conn, good)
        conn.execute(sa.text("RESET ROLE"))
        conn.execute(sa.text("SELECT set_config('xiaoan.token', :t, true)"), {"t": good})
        assert {r[0] for r in conn.execute(sa.text("SELECT county_adcode FROM school"))} == {LUSHUI}
        others = sa.text("SELECT count(*) FROM school WHERE county_adcode = :c")
        assert conn.execute(others, {"c": FUGONG}).scalar() == 0
    for sql in ("SELECT * FROM app_user", "SELECT * FROM app_secret", "SELECT * FROM audit_log",
                "SELECT phone FROM officer", "UPDATE school SET name = 'x'", "DELETE FROM hazard",
                "INSERT INTO audit_log (user_name, action) VALUES ('x', 'load')",
                "ALTER TABLE school DISABLE ROW LEVEL SECURITY",
                "SET ROLE xiaoan", "SELECT * FROM track_point_default"):
        with pytest.raises(sa.exc.ProgrammingError), web.begin() as conn:
            access.set_token(conn, good)
            conn.execute(sa.text(sql))


def test_expired_disabled_and_demoted_users_lose_access(data: sa.Engine, web: sa.Engine) -> None:
    signed = ("SELECT b || ':' || encode(hmac(convert_to(b, 'UTF8'), value, 'sha256'), 'hex') FROM app_secret, "
              "(SELECT 'leader:' || floor(extract(epoch FROM now()) * 1e6)::bigint || ':' || "
              "(extract(epoch FROM now())::bigint + :s) AS b) t WHERE name = 'token'")
    with data.connect() as conn:
        expired, fresh = (conn.execute(sa.text(signed), {"s": s}).scalar() for s in (-5, 600))
    assert counties_seen(web, expired, SCOPED["school"]) == []
    assert {LUSHUI, FUGONG} <= set(counties_seen(web, fresh, SCOPED["school"]))
    lushui = token(data, "lushui")
    with data.begin() as conn:
        conn.execute(sa.text("UPDATE app_user SET role = 'planner', county_adcode = :c WHERE user_name = 'leader'"),
                     {"c": FUGONG})
        conn.execute(sa.text("UPDATE app_user SET disabled = true WHERE user_name = 'lushui'"))
    assert set(counties_seen(web, fresh, SCOPED["school"])) == {FUGONG}  # the new role applies at once
    assert counties_seen(web, lushui, SCOPED["school"]) == []


def test_sign_in_checks_the_password_and_audits(data: sa.Engine, web: sa.Engine) -> None:
    with web.begin() as conn:
        assert access.sign_in(conn, "lushui", "wrong-password", 12) is None
        assert access.sign_in(conn, "nobody' OR '1'='1", "x", 12) is None
        tok = access.sign_in(conn, "lushui", "test-password", 12)
        access.set_token(conn, tok)
        assert access.current_user(conn) == {"user_name": "lushui", "role": "planner", "county_adcode": LUSHUI}
        access.audit(conn, "export", "brief", 3)
    with data.connect() as conn:
        log = conn.execute(sa.text("SELECT user_name, action, target, rows FROM audit_log ORDER BY id")).all()
    assert [tuple(r) for r in log][-4:] == [("lushui", "sign_in_failed", "password", None),
                                            ("nobody' OR '1'='1", "sign_in_failed", "password", None),
                                            ("lushui", "sign_in", "password", None), ("lushui", "export", "brief", 3)]


def attempt(web: sa.Engine, user: str, password: str) -> str | None:
    """One sign-in in its own transaction (committed, as the dashboard does), its answer read after."""
    with web.begin() as conn:
        answer = access.sign_in(conn, user, password, 12)
    return access.token_of(answer)


def test_five_failures_lock_a_name_for_a_while_even_with_the_right_password(data: sa.Engine, web: sa.Engine) -> None:
    assert attempt(web, "lushui", "test-password")  # a success first: failures count from the last one
    for _ in range(5):
        assert attempt(web, "lushui", "wrong-password") is None
    with pytest.raises(SignInLocked) as locked:
        attempt(web, "lushui", "test-password")
    assert 14 * 60 < locked.value.seconds <= 15 * 60 and "try again in 15 min" in str(locked.value)
    assert attempt(web, "fugong", "test-password")  # other names are not affected
    for _ in range(5):  # an unknown name locks the same way: a lock does not tell which names exist
        attempt(web, "nobody", "x")
    with pytest.raises(SignInLocked):
        attempt(web, "nobody", "x")
    with data.begin() as conn:  # a quarter of an hour later (the failures aged by 16 minutes)
        conn.execute(sa.text("UPDATE audit_log SET at = at - interval '16 minutes' WHERE action = 'sign_in_failed'"))
        actions = conn.execute(sa.text("SELECT action FROM audit_log WHERE user_name = 'lushui' ORDER BY id")).all()
    assert [a for (a,) in actions] == ["sign_in"] + ["sign_in_failed"] * 5 + ["sign_in_locked"]
    assert attempt(web, "lushui", "test-password")


def test_four_failures_then_a_success_start_the_count_again(data: sa.Engine, web: sa.Engine) -> None:
    for _ in range(4):
        attempt(web, "lushui", "wrong-password")
    assert attempt(web, "lushui", "test-password")
    for _ in range(4):
        attempt(web, "lushui", "wrong-password")
    assert attempt(web, "lushui", "test-password")


def test_signing_out_revokes_every_token_of_the_user_at_once(data: sa.Engine, web: sa.Engine) -> None:
    here, there, other = token(data, "lushui"), token(data, "lushui"), token(data, "fugong")  # two devices
    assert here.count(":") == 3 and counties_seen(web, there, SCOPED["school"])
    with web.begin() as conn:
        access.set_token(conn, here)
        access.sign_out(conn)
    for copied in (here, there):  # the signed-out token, and the one of the other device
        assert counties_seen(web, copied, SCOPED["school"]) == []
        with web.begin() as conn:
            access.set_token(conn, copied)
            assert access.current_user(conn) is None
    assert set(counties_seen(web, other, SCOPED["school"])) == {FUGONG}  # other users keep theirs
    assert set(counties_seen(web, token(data, "lushui"), SCOPED["school"])) == {LUSHUI}  # signing in again works
    with data.connect() as conn:
        log = conn.execute(sa.text("SELECT user_name, action FROM audit_log WHERE action = 'sign_out'")).all()
    assert [tuple(r) for r in log] == [("lushui", "sign_out")]


def test_tokens_of_the_old_three_part_form_are_refused(data: sa.Engine, web: sa.Engine) -> None:
    user, issued, expiry, mac = token(data, "lushui").split(":")
    assert counties_seen(web, f"{user}:{expiry}:{mac}", SCOPED["school"]) == []
    assert counties_seen(web, f"{user}:{int(issued) + 1}:{expiry}:{mac}", SCOPED["school"]) == []  # issue time signed


def test_phones_are_masked_but_for_leaders_and_administrators(data: sa.Engine, web: sa.Engine) -> None:
    sql = "SELECT xiaoan_officer_phone(badge_no) FROM officer WHERE badge_no = 'O1'"
    assert counties_seen(web, token(data, "leader"), sql) == ["13912345554"]
    assert counties_seen(web, token(data, "admin"), sql) == ["13912345554"]
    assert counties_seen(web, token(data, "lushui"), sql) == ["139****5554"]
    assert counties_seen(web, token(data, "fugong"), sql) == []  # not their county's officer


def test_road_works_follow_the_county_they_lie_in(data: sa.Engine, web: sa.Engine) -> None:
    sql = "SELECT work_id FROM road_work"
    assert counties_seen(web, token(data, "fugong"), sql) == ["W1"]  # 上帕大街, in 福贡县
    assert counties_seen(web, token(data, "lushui"), sql) == []


def test_patrol_paths_follow_their_vehicles_county(data: sa.Engine, web: sa.Engine) -> None:
    with data.begin() as conn:  # V3 of 上帕派出所 (福贡县) drives at 07:40 on the fixture's day; V1, V2 are 泸水市's
        conn.execute(sa.text("INSERT INTO vehicle (vehicle_id, plate, unit_code) VALUES ('V3', '云Q·J0003', 'U2')"))
        conn.execute(sa.text("INSERT INTO track_point (vehicle_id, ts, geom) VALUES "
                             "('V3', '2025-03-04 07:40+08', ST_SetSRID(ST_MakePoint(98.867, 26.902), 4326)), "
                             "('V3', '2025-03-04 07:41+08', ST_SetSRID(ST_MakePoint(98.867, 26.905), 4326))"))
        paths.refresh_all(conn)
    sql = ("SELECT DISTINCT u.county_adcode FROM patrol_path p JOIN vehicle v USING (vehicle_id) "
           "JOIN police_unit u USING (unit_code) ORDER BY 1")
    assert sorted(owner_sees(data, sql)) == [LUSHUI, FUGONG]
    assert counties_seen(web, token(data, "lushui"), sql) == [LUSHUI]
    assert counties_seen(web, token(data, "fugong"), sql) == [FUGONG]
    assert counties_seen(web, token(data, "leader"), sql) == [LUSHUI, FUGONG]
    assert counties_seen(web, None, "SELECT vehicle_id FROM patrol_path") == []
    grid = sql.replace("FROM patrol_path p", "FROM patrol_path_grid p")  # its mart of segments (migration 0021)
    assert sorted(owner_sees(data, grid)) == [LUSHUI, FUGONG]
    assert counties_seen(web, token(data, "lushui"), grid) == [LUSHUI]
    assert counties_seen(web, token(data, "fugong"), grid) == [FUGONG]
    assert counties_seen(web, None, "SELECT vehicle_id FROM patrol_path_grid") == []
