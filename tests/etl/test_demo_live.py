"""The demo is a live day: its last day is Nujiang's today and it holds no fix after now, at any hour."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
import time_machine

from db.engine import drop_database, ensure_database, make_engine, migrate
from etl import demo
from tests.conftest import url_for

NUJIANG = ZoneInfo("Asia/Shanghai")
# Nujiang times on Monday 2026-12-07; the machine runs on UTC (06:30 there is 22:30 of the 6th in UTC)
HOURS = {"early morning": (6, 30), "morning peak": (7, 50), "mid-morning": (10, 15),
         "afternoon peak": (16, 50), "late evening": (22, 30)}
PEAK = {"morning peak", "afternoon peak"}


def instant(name: str) -> dt.datetime:
    """The Nujiang time of a named hour on 2026-12-07."""
    return dt.datetime(2026, 12, 7, *HOURS[name], tzinfo=NUJIANG)


def fixes(folder: Path) -> list[dt.datetime]:
    """Every fix time the demo wrote: the CSV's local times and the GPX files' UTC times."""
    csv_text = (folder / "车载GPS.csv").read_text(encoding="utf-8")
    found = [dt.datetime.fromisoformat(m).replace(tzinfo=NUJIANG)
             for m in re.findall(r",(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),", csv_text)]
    for gpx in folder.glob("gps_*.gpx"):
        found += [dt.datetime.fromisoformat(m.replace("Z", "+00:00"))
                  for m in re.findall(r"<time>([^<]+)</time>", gpx.read_text(encoding="utf-8"))]
    return found


@pytest.mark.parametrize("hour", list(HOURS))
def test_the_demo_ends_at_now(hour: str, tmp_path: Path) -> None:
    now = instant(hour)
    with time_machine.travel(now.astimezone(dt.UTC), tick=False):
        demo.write_files(tmp_path, seed=7)
    times = fixes(tmp_path)
    newest = max(times)
    assert newest <= now
    today = [t for t in times if t.astimezone(NUJIANG).date() == now.date()]
    if hour == "early morning":
        assert today == []  # no patrol yet; the UTC date (6th) is not the demo's last day
        assert max(t.astimezone(NUJIANG).date() for t in times) == dt.date(2026, 12, 4)  # Friday
    else:
        assert today, "today's patrols so far are there"
    if hour in PEAK:
        assert now - newest < dt.timedelta(minutes=3), f"a patrol under way shows up to now, newest {newest}"
    if hour == "late evening":
        assert newest.astimezone(NUJIANG).hour < 19  # the whole day, nothing invented after the last patrol


def test_the_same_seed_at_the_same_instant_writes_the_same_files(tmp_path: Path) -> None:
    now = instant("morning peak")
    digests = []
    for run in ("a", "b"):
        with time_machine.travel(now, tick=False):
            demo.write_files(tmp_path / run, seed=7)
        digests.append({p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (tmp_path / run).iterdir()
                        if p.suffix in {".csv", ".gpx", ".shp", ".dbf"}})
    assert digests[0] == digests[1] and len(digests[0]) >= 8


def test_a_later_instant_only_adds_fixes(tmp_path: Path) -> None:
    early, late = set(), set()
    for when, into in ((instant("morning peak"), early), (instant("afternoon peak"), late)):
        with time_machine.travel(when, tick=False):
            demo.write_files(tmp_path / str(when.hour), seed=7)
        into.update(fixes(tmp_path / str(when.hour)))
    assert early < late  # the same patrols, cut later


@pytest.mark.parametrize("hour", sorted(PEAK))
def test_a_live_demo_loads_without_a_rejected_row(hour: str, tmp_path: Path) -> None:
    now = instant(hour)
    url = url_for(f"xiaoan_live_{uuid.uuid4().hex[:8]}")
    ensure_database(url)
    try:
        migrate(url)
        engine = make_engine(url)
        with time_machine.travel(now, tick=True):
            results = demo.run(engine, tmp_path, seed=7)
        assert [(r.path.name, r.status, r.rows_rejected) for r in results if r.rows_rejected or r.exit_code] == []
        with engine.connect() as conn:
            newest = conn.execute(sa.text("SELECT max(ts) FROM track_point")).scalar()
        assert newest <= now and now - newest < dt.timedelta(minutes=3)
        engine.dispose()
    finally:
        drop_database(url)
