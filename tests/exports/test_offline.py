"""The exports import no Streamlit and open no connection beyond the database (no tiles, fonts or CDNs)."""

import os
import subprocess
import sys
from pathlib import Path

from tests.exports import fixture as fx

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = f"""
import datetime as dt, io, ipaddress, sys

def guard(event, args):
    if event == "socket.connect" and isinstance(args[1], tuple):
        host = args[1][0]
        if not ipaddress.ip_address(host).is_loopback:
            raise RuntimeError(f"network access to {{host}}")
    if event == "socket.getaddrinfo" and args[0] not in ("127.0.0.1", "localhost", "::1", None):
        raise RuntimeError(f"name lookup of {{args[0]}}")

sys.addaudithook(guard)
from db.engine import database_url, make_engine
from dashboard.exports import brief, maps, worklists
with make_engine(database_url()).connect() as conn:
    for view in maps.VIEWS:
        maps.render_map(conn, view, None, dt.date.fromisoformat("{fx.P_FROM}"), dt.date.fromisoformat("{fx.P_TO}"),
                        dpi=30)
    brief.write_brief(conn, None, dt.date.fromisoformat("{fx.P_FROM}"), dt.date.fromisoformat("{fx.P_TO}"),
                      io.BytesIO(), dpi=30)
    worklists.write_worklist(conn, "signs", None, dt.date.fromisoformat("{fx.P_FROM}"),
                             dt.date.fromisoformat("{fx.P_TO}"), io.BytesIO())
print("streamlit" in sys.modules)
"""


def test_exports_run_offline_and_without_streamlit(brief_db, db_url):
    env = {**os.environ, "XIAOAN_DATABASE_URL": db_url}
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "False"
