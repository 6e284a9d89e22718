"""The demo's plans: last week's mornings planned and driven (GPS loaded, so compliance shows), next week's rota.

Nothing here is a new rule: plans are patrol.plan.make_plan's, the rota patrol.rota.make_week's, the GPS
etl/demo/driven.py's, loaded by the ETL like any other track file.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from db.analytics.presence import school_days
from db.plans import read_plan
from db.settings import Settings, get_settings
from etl.datasets import DATASETS
from etl.demo import driven
from etl.load import LoadResult
from etl.runner import load_file
from patrol.inputs import Scope
from patrol.plan import make_plan
from patrol.rota import make_week

WINDOW = "morning"
TIME_LIMIT_S = 2.0  # per demo plan: the demo loads in well under a minute more


def plan_days(engine: sa.Engine, days: list[dt.date], settings: Settings, made_by: str = "demo") -> list[int]:
    """A whole-prefecture morning plan for each school day among days; their ids."""
    ids = []
    for day in days:
        with engine.begin() as conn:
            if not school_days(conn, day, day):
                continue
            ids.append(make_plan(conn, Scope(day, WINDOW, None, settings.plan_dwell_min), made_by, settings,
                                 time_limit_s=TIME_LIMIT_S).plan_id)
    return ids


def drive_last_week(engine: sa.Engine, out: Path, seed: int, anchor: dt.date,
                    settings: Settings | None = None) -> tuple[list[int], LoadResult | None]:
    """Plan last week's mornings, let the cars drive them (with misses and delays) and load that GPS."""
    settings = settings or get_settings()
    ids = plan_days(engine, driven.previous_week(anchor), settings)
    if not ids:
        return ids, None
    rng, fixes = random.Random(seed), []
    with engine.connect() as conn:
        for plan_id in ids:
            stored = read_plan(conn, plan_id)
            fixes += driven.plan_fixes(rng, stored) if stored else []
    path = out / "计划巡逻GPS.csv"
    driven.write_csv(path, fixes, ZoneInfo(settings.timezone))
    return ids, load_file(engine, DATASETS["tracks"], path)


def next_monday(anchor: dt.date) -> dt.date:
    """The Monday after the anchor's week."""
    return anchor + dt.timedelta(days=7 - anchor.weekday())


def rota_next_week(engine: sa.Engine, anchor: dt.date, settings: Settings | None = None) -> list[int]:
    """Next week's whole-prefecture morning rota, stored; its plan ids (none when the week has no school day)."""
    settings = settings or get_settings()
    with engine.begin() as conn:
        if not school_days(conn, next_monday(anchor), next_monday(anchor) + dt.timedelta(days=6)):
            return []
        week = make_week(conn, next_monday(anchor), WINDOW, None, settings.plan_dwell_min, "demo", settings,
                         time_limit_s=TIME_LIMIT_S)
    return [made.plan_id for made in week.days]
