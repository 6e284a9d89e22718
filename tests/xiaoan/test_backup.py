"""`xiaoan db backup` / `restore`: a restore brings back exactly what was there, every table, geometries included."""

import subprocess
import uuid

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from db import access, cluster
from db.engine import drop_database, ensure_database, make_engine
from db.settings import Settings, get_settings
from etl.datasets import DATASETS
from etl.runner import load_file
from tests.conftest import COUNTIES, FIXTURES, url_for
from tests.dashboard.browser import free_port
from tests.users import add_users, token
from xiaoan.cli import app

runner = CliRunner()
FIELD, TRACKS = FIXTURES / "field", FIXTURES / "tracks"
TABLES = sa.text(
    "SELECT format('%I.%I', n.nspname, c.relname), c.relkind FROM pg_class c "
    "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'S') "
    "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' ORDER BY 1")


def fingerprint(url):
    """Every table's row count and an md5 of its rows in order (geometries as EWKB hex), every sequence's value."""
    engine = make_engine(url)
    found = {}
    with engine.connect() as conn:
        for name, kind in conn.execute(TABLES).all():
            if kind == "S":
                found[name] = tuple(conn.execute(sa.text(f"SELECT last_value, is_called FROM {name}")).one())
            else:
                found[name] = tuple(conn.execute(sa.text(
                    f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM {name} t"
                )).one())
    engine.dispose()
    return found


@pytest.fixture
def loaded(engine, db_url):
    """A database with counties, schools, units, roads (a shapefile), tracks and their presence."""
    for dataset, path in [("counties", COUNTIES), ("schools", FIXTURES / "schools_mixed_gb18030.csv"),
                          ("units", FIELD / "units.csv"), ("roads", FIELD / "roads_utf8.shp"),
                          ("tracks", TRACKS / "patrol_gpx11.gpx"), ("tracks", TRACKS / "patrol_gbk.csv")]:
        assert load_file(engine, DATASETS[dataset], path).status in {"loaded", "partial"}
    return db_url


@pytest.fixture
def target(monkeypatch):
    """The database in use becomes a new name on the test server (not created yet); dropped afterwards."""
    url = url_for(f"xiaoan_restore_{uuid.uuid4().hex[:8]}")
    monkeypatch.setenv("XIAOAN_DATABASE_URL", url)
    get_settings.cache_clear()
    yield url
    get_settings.cache_clear()
    drop_database(url)


def cli(monkeypatch, url, *args):
    """Run `xiaoan db …` on url; the output's lines joined (rich wraps them)."""
    monkeypatch.setenv("XIAOAN_DATABASE_URL", url)
    get_settings.cache_clear()
    result = runner.invoke(app, ["db", *args], env={"COLUMNS": "300"})
    result.said = " ".join(result.stdout.split())
    return result


def test_restore_brings_back_exactly_what_was_there(loaded, target, monkeypatch, tmp_path):
    original = fingerprint(loaded)
    assert original["public.track_point"][0] == 9 and original["public.road"][0] == 2
    dump = tmp_path / "xiaoan.dump"
    made = cli(monkeypatch, loaded, "backup", str(dump))
    assert made.exit_code == 0, made.said
    assert dump.read_bytes()[:5] == b"PGDMP"
    done = cli(monkeypatch, target, "restore", str(dump))
    assert done.exit_code == 0 and "恢复到新建的数据库" in done.said, done.said
    assert fingerprint(target) == original
    refused = cli(monkeypatch, target, "restore", str(dump))
    assert refused.exit_code == 2 and "--yes" in refused.said
    engine = make_engine(target)
    with engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM presence; DELETE FROM track_point; UPDATE road SET geom = ST_Reverse(geom)"))
    engine.dispose()
    assert fingerprint(target) != original, "the fingerprint sees changed rows and geometries"
    replaced = cli(monkeypatch, target, "restore", str(dump), "--yes")
    assert replaced.exit_code == 0 and "替换了数据库原有内容" in replaced.said
    assert fingerprint(target) == original


def test_restore_into_an_empty_database(loaded, target, monkeypatch, tmp_path):
    dump = tmp_path / "x.dump"
    assert cli(monkeypatch, loaded, "backup", str(dump)).exit_code == 0
    ensure_database(target)
    done = cli(monkeypatch, target, "restore", str(dump))
    assert done.exit_code == 0 and "恢复到空数据库" in done.said
    assert fingerprint(target) == fingerprint(loaded)


def test_the_password_never_reaches_a_command_line(loaded, monkeypatch, tmp_path):
    seen = []
    real = subprocess.run

    def spy(command, **kwargs):
        seen.append((command, kwargs.get("env") or {}))
        return real(command, **kwargs)

    monkeypatch.setattr(subprocess, "run", spy)
    assert cli(monkeypatch, loaded, "backup", str(tmp_path / "x.dump")).exit_code == 0
    password = make_url(loaded).password
    (command, env), = [s for s in seen if s[0][0].endswith("pg_dump")]
    assert password and not any(password in part for part in command)
    assert "PGPASSFILE" in env and "PGPASSWORD" not in env


def test_not_a_dump_is_refused_and_nothing_changes(target, monkeypatch, tmp_path):
    bogus = tmp_path / "x.dump"
    bogus.write_text("SELECT 1;")
    done = cli(monkeypatch, target, "restore", str(bogus))
    assert done.exit_code == 2 and "not a backup" in done.said


def test_restore_on_a_new_cluster_brings_the_dashboard_role_and_its_scope(loaded, monkeypatch, tmp_path):
    """A new machine's cluster has no xiaoan_web: the restore creates it, lets it log in, and the policies hold."""
    source = make_engine(loaded)
    add_users(source)
    source.dispose()
    dump = tmp_path / "xiaoan.dump"
    assert cli(monkeypatch, loaded, "backup", str(dump)).exit_code == 0
    settings = Settings(home=tmp_path / "new", pg_port=free_port(), database_url=None)
    cluster.start(settings)
    try:
        url = cluster.url(settings, "restored")
        admin = make_engine(cluster.url(settings, "postgres"))
        with admin.connect() as conn:
            assert not conn.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = 'xiaoan_web'")).scalar()
        admin.dispose()
        result = cli(monkeypatch, url, "restore", str(dump))
        assert result.exit_code == 0, result.said
        assert fingerprint(url) == fingerprint(loaded)
        restored = make_engine(url)
        with restored.connect() as conn:
            counties = set(conn.execute(sa.text("SELECT DISTINCT county_adcode FROM school")).scalars())
        assert {"533301", "533325"} <= counties
        web = make_engine(access.web_url(url))
        try:
            with web.begin() as conn:
                access.set_token(conn, token(restored, "lushui"))
                seen = conn.execute(sa.text("SELECT DISTINCT county_adcode FROM school")).scalars().all()
            with web.begin() as conn:
                access.set_token(conn, None)
                nothing = conn.execute(sa.text("SELECT count(*) FROM school")).scalar()
        finally:
            web.dispose()
            restored.dispose()
        assert seen == ["533301"] and nothing == 0
    finally:
        cluster.destroy(settings)
        get_settings.cache_clear()
