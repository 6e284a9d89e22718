"""Faults during a load, on a throwaway cluster of its own: the database stops, crashes or drops the load's
connection while the load is inside its transaction; a reader polls while a load runs.

The load is held at a known point (its presence refresh waits on a lock this test holds, after the points are
written in its transaction), so the fault always lands mid-load; nothing here depends on timing.
"""

import socket
import subprocess
import threading
import time
import uuid

import pytest
import sqlalchemy as sa

from db import cluster
from db.engine import ensure_database, make_engine, migrate
from db.errors import user_message
from db.settings import Settings
from etl.datasets import DATASETS
from etl.runner import load_file
from tests.conftest import COUNTIES, FIXTURES

TRACKS = FIXTURES / "tracks"
BLOCKED = TRACKS / "patrol_gbk.csv"  # 12 rows, 4 good points
TABLES = ("track_point", "vehicle", "etl_run", "presence")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Throwaway:
    """A cluster of this test module only: started, stopped, crashed at will; a template with the counties."""

    def __init__(self, home):
        self.settings = Settings(home=home, pg_port=free_port(), database_url=None)
        cluster.start(self.settings)
        self.template = cluster.url(self.settings, "faults_template")
        ensure_database(self.template)
        migrate(self.template)
        engine = make_engine(self.template)
        assert load_file(engine, DATASETS["counties"], COUNTIES).status == "loaded"
        engine.dispose()

    def fresh(self) -> str:
        """A new database copied from the template."""
        name = f"faults_{uuid.uuid4().hex[:8]}"
        admin = make_engine(cluster.url(self.settings, "postgres"))
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}" TEMPLATE faults_template'))
        admin.dispose()
        return cluster.url(self.settings, name)

    def stop(self, mode: str = "fast") -> None:
        """pg_ctl stop: fast (sessions ended, rolled back) or immediate (a crash; recovery at the next start)."""
        command = [str(cluster.find_bin_dir(self.settings) / "pg_ctl"), "-D", str(cluster.data_dir(self.settings)),
                   "-m", mode, "-w", "stop"]
        subprocess.run(["runuser", "-u", "postgres", "--", *command] if cluster.is_root() else command,
                       check=True, capture_output=True)

    def start(self) -> None:
        cluster.start(self.settings)


@pytest.fixture(scope="module")
def throwaway(tmp_path_factory):
    server = Throwaway(tmp_path_factory.mktemp("faults"))
    yield server
    cluster.destroy(server.settings)


@pytest.fixture
def engine(throwaway):
    eng = make_engine(throwaway.fresh())
    yield eng
    eng.dispose()


def counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar() for t in TABLES}


class HeldLoad:
    """A load of BLOCKED in a thread, held at its presence refresh by a lock on `presence`."""

    def __init__(self, engine):
        self.engine, self.outcome = engine, {}
        self.blocker = engine.connect()
        self.blocker.begin()
        self.blocker.execute(sa.text("LOCK TABLE presence IN ACCESS EXCLUSIVE MODE"))
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        self.pid = self._wait_for_the_lock()

    def _run(self) -> None:
        try:
            self.outcome["result"] = load_file(self.engine, DATASETS["tracks"], BLOCKED)
        except Exception as exc:
            self.outcome["error"] = exc

    def _wait_for_the_lock(self) -> int:
        """The load's backend once it waits on the lock (its points are then written, not committed)."""
        for _ in range(2400):
            with self.engine.connect() as conn:  # a new transaction: pg_stat_activity is a snapshot per transaction
                pid = conn.execute(sa.text(
                    "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    "AND datname = current_database() AND query ILIKE '%presence%'")).scalar()
            if pid:
                return pid
            assert self.thread.is_alive(), self.outcome
            time.sleep(0.05)
        raise AssertionError("the load never reached the presence refresh")

    def release(self) -> None:
        self.blocker.rollback()
        self.blocker.close()

    def finish(self) -> dict:
        self.thread.join(300)
        assert not self.thread.is_alive()
        return self.outcome


def fault_stop_fast(throwaway, held):
    throwaway.stop("fast")
    throwaway.start()


def fault_crash(throwaway, held):
    throwaway.stop("immediate")
    throwaway.start()


def fault_kill_backend(throwaway, held):
    with held.blocker.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": held.pid}).scalar()


@pytest.mark.parametrize("fault", [fault_stop_fast, fault_crash, fault_kill_backend])
def test_a_fault_mid_load_leaves_no_row_and_the_same_load_reruns(throwaway, engine, fault):
    before = counts(engine)
    held = HeldLoad(engine)
    fault(throwaway, held)
    outcome = held.finish()
    held.blocker.invalidate() if fault is not fault_kill_backend else held.release()
    assert "result" not in outcome, "the load must fail, not pretend"
    assert isinstance(outcome["error"], sa.exc.OperationalError)
    assert user_message(outcome["error"]).startswith("the database cannot be reached: ")
    assert counts(engine) == before, "no partial rows, no run recorded"
    again = load_file(engine, DATASETS["tracks"], BLOCKED)
    assert (again.status, again.inserted, again.rows_read) == ("partial", 4, 12)
    assert counts(engine)["track_point"] == before["track_point"] + 4


def test_a_reader_sees_the_file_all_or_nothing(engine):
    assert load_file(engine, DATASETS["tracks"], TRACKS / "patrol_gpx11.gpx").status == "loaded"
    before = counts(engine)["track_point"]
    seen, done = set(), threading.Event()

    def poll() -> None:
        with engine.connect() as conn:
            while not done.is_set():
                seen.add(conn.execute(sa.text("SELECT count(*) FROM track_point")).scalar())
                conn.rollback()

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    held = HeldLoad(engine)
    with engine.connect() as reader:  # the points are written but not committed: a reader sees none of them
        assert reader.execute(sa.text("SELECT count(*) FROM track_point")).scalar() == before
    held.release()
    assert held.finish()["result"].inserted == 4
    done.set()
    poller.join(60)
    assert counts(engine)["track_point"] == before + 4
    assert seen <= {before, before + 4} and before in seen
