"""Which database is in use: environment, then secrets.toml, then the embedded cluster."""

from pathlib import Path

import pytest

from db import cluster
from db.engine import database_url, uses_embedded
from db.errors import MissingSoftware, user_message
from db.settings import Settings


def test_environment_wins_over_secrets(tmp_path, monkeypatch):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('[connections.postgis]\nurl = "postgresql+psycopg://a:b@h:5432/from_secrets"\n')
    monkeypatch.setenv("XIAOAN_DATABASE_URL", "postgresql+psycopg://a:b@h:5432/from_env")
    settings = Settings(secrets_file=secrets)
    assert database_url(settings).endswith("/from_env")
    assert not uses_embedded(settings)


def test_secrets_file_wins_over_embedded(tmp_path, monkeypatch):
    monkeypatch.delenv("XIAOAN_DATABASE_URL", raising=False)
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('[connections.postgis]\nurl = "postgresql+psycopg://a:b@h:5432/from_secrets"\n')
    assert database_url(Settings(secrets_file=secrets)).endswith("/from_secrets")


def test_embedded_cluster_is_the_default(tmp_path, monkeypatch):
    monkeypatch.delenv("XIAOAN_DATABASE_URL", raising=False)
    settings = Settings(secrets_file=tmp_path / "absent.toml", home=tmp_path / "home", pg_port=54999)
    url = database_url(settings)
    assert uses_embedded(settings)
    assert url.startswith("postgresql+psycopg://xiaoan:") and url.endswith("@127.0.0.1:54999/xiaoan")
    assert (tmp_path / "home" / "pgpass").stat().st_mode & 0o077 == 0


def test_missing_server_names_the_package(tmp_path):
    with pytest.raises(MissingSoftware) as caught:
        cluster.find_bin_dir(Settings(), lib=tmp_path / "lib", share=tmp_path / "share")
    assert "postgresql" in user_message(caught.value)


def test_missing_postgis_names_the_matching_package(tmp_path):
    initdb = tmp_path / "lib" / "15" / "bin" / "initdb"
    initdb.parent.mkdir(parents=True)
    initdb.touch()
    with pytest.raises(MissingSoftware) as caught:
        cluster.find_bin_dir(Settings(), lib=tmp_path / "lib", share=tmp_path / "share")
    assert "postgresql-15-postgis-3" in str(caught.value)
    (tmp_path / "share" / "15" / "extension").mkdir(parents=True)
    (tmp_path / "share" / "15" / "extension" / "postgis.control").touch()
    assert cluster.find_bin_dir(Settings(), lib=tmp_path / "lib", share=tmp_path / "share") == initdb.parent


def test_the_embedded_cluster_runs_on_loopback_only():
    settings = Settings()
    if not uses_embedded(settings):
        return  # an external database is configured for this run; nothing embedded to inspect
    conf = (cluster.data_dir(settings) / "postgresql.conf").read_text()
    assert "listen_addresses = '127.0.0.1'" in conf
    assert Path(cluster.data_dir(settings), "PG_VERSION").exists()
