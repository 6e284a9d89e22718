"""The embedded PostGIS cluster: initdb + pg_ctl in a project-local directory, loopback only."""

from __future__ import annotations

import hashlib
import os
import pwd
import secrets
import shutil
import subprocess
from pathlib import Path

from db.errors import ClusterError, MissingSoftware
from db.settings import Settings

SUPERUSER = "xiaoan"
DATABASE = "xiaoan"


def is_root() -> bool:
    """Whether this process runs as root (PostgreSQL then runs as `postgres`)."""
    return os.geteuid() == 0


def find_bin_dir(settings: Settings, lib: Path = Path("/usr/lib/postgresql"),
                 share: Path = Path("/usr/share/postgresql")) -> Path:
    """The newest PostgreSQL bin directory that has PostGIS beside it."""
    if settings.pg_bin:
        return settings.pg_bin
    versions = sorted(lib.glob("*/bin/initdb"),
                      key=lambda p: int(p.parent.parent.name), reverse=True)
    if not versions:
        raise MissingSoftware("initdb (PostgreSQL server)", "postgresql")
    for initdb in versions:
        major = initdb.parent.parent.name
        if (share / major / "extension" / "postgis.control").exists():
            return initdb.parent
    major = versions[0].parent.parent.name
    raise MissingSoftware(f"PostGIS for PostgreSQL {major}", f"postgresql-{major}-postgis-3")


def _postgres_can_reach(path: Path) -> bool:
    """Whether the `postgres` user can traverse every parent of path."""
    probe = subprocess.run(["runuser", "-u", "postgres", "--", "test", "-x", str(path)],
                           capture_output=True)
    return probe.returncode == 0


def data_dir(settings: Settings) -> Path:
    """Where the cluster lives: under the project, or under /var/tmp when postgres cannot reach it."""
    wanted = settings.cluster_dir
    if not is_root():
        return wanted
    home = settings.home
    home.mkdir(parents=True, exist_ok=True)
    if _postgres_can_reach(home):
        return wanted
    digest = hashlib.sha1(str(home).encode()).hexdigest()[:12]
    return Path("/var/tmp/xiaoan") / digest / "pgdata"


def _run(args: list[str], check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run a server program, as `postgres` when we are root."""
    if is_root():
        args = ["runuser", "-u", "postgres", "--", *args]
    done = subprocess.run(args, capture_output=True, text=True)
    if check and done.returncode != 0:
        raise ClusterError(f"{' '.join(args)} failed:\n{done.stderr.strip() or done.stdout.strip()}")
    return done


def _give_to_postgres(path: Path) -> None:
    """Hand a directory tree to the postgres user when running as root."""
    if is_root():
        user = pwd.getpwnam("postgres")
        for p in [path, *path.rglob("*")]:
            os.chown(p, user.pw_uid, user.pw_gid)


def password(settings: Settings) -> str:
    """The superuser password of the embedded cluster, made on first use."""
    path = settings.home / "pgpass"
    if not path.exists():
        settings.home.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(24))
        path.chmod(0o600)
    return path.read_text().strip()


def _initdb(settings: Settings, bin_dir: Path, pgdata: Path) -> None:
    """Create the cluster: scram passwords, loopback only, socket inside the cluster's folder."""
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    run_dir = pgdata.parent / "run"
    run_dir.mkdir(exist_ok=True)
    pwfile = pgdata.parent / "initdb.pw"
    pwfile.write_text(password(settings))
    pgdata.mkdir(mode=0o700, exist_ok=True)
    _give_to_postgres(pgdata.parent)
    try:
        _run([str(bin_dir / "initdb"), "-D", str(pgdata), "-U", SUPERUSER, "--pwfile", str(pwfile),
              "--auth=scram-sha-256", "-E", "UTF8", "--no-locale"])
    finally:
        pwfile.unlink(missing_ok=True)
    with (pgdata / "postgresql.conf").open("a") as conf:
        conf.write(f"\n# XiaoAn embedded cluster\nlisten_addresses = '127.0.0.1'\n"
                   f"unix_socket_directories = '{run_dir}'\nshared_buffers = '512MB'\n"
                   "max_wal_size = '4GB'\ntimezone = 'Asia/Shanghai'\n")


def is_running(settings: Settings) -> bool:
    """Whether the embedded cluster is up."""
    pgdata = data_dir(settings)
    if not (pgdata / "PG_VERSION").exists():
        return False
    return _run([str(find_bin_dir(settings) / "pg_ctl"), "-D", str(pgdata), "status"],
                check=False).returncode == 0


def start(settings: Settings) -> None:
    """Initialise the cluster if needed and start it; harmless when it already runs."""
    bin_dir = find_bin_dir(settings)
    pgdata = data_dir(settings)
    if not (pgdata / "PG_VERSION").exists():
        _initdb(settings, bin_dir, pgdata)
    if is_running(settings):
        return
    log = pgdata.parent / "postgres.log"
    _run([str(bin_dir / "pg_ctl"), "-D", str(pgdata), "-l", str(log), "-w", "-t", "60",
          "-o", f"-p {settings.pg_port}", "start"])


def stop(settings: Settings) -> None:
    """Stop the cluster if it runs."""
    if is_running(settings):
        _run([str(find_bin_dir(settings) / "pg_ctl"), "-D", str(data_dir(settings)),
              "-m", "fast", "-w", "stop"])


def url(settings: Settings, database: str = DATABASE) -> str:
    """SQLAlchemy URL of a database in the embedded cluster."""
    return (f"postgresql+psycopg://{SUPERUSER}:{password(settings)}"
            f"@127.0.0.1:{settings.pg_port}/{database}")


def destroy(settings: Settings) -> None:
    """Stop the cluster and delete its files."""
    stop(settings)
    shutil.rmtree(data_dir(settings), ignore_errors=True)
