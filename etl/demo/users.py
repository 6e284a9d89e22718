"""Demo users of every role, so that a demo can be signed into (never made outside `xiaoan demo`)."""

from __future__ import annotations

import os

import sqlalchemy as sa

from db import users

PASSWORD_ENV = "XIAOAN_DEMO_PASSWORD"
DEFAULT_PASSWORD = "xiaoan-demo"
DEMO_USERS = [  # name, role, county, display name
    ("leader", "leader", None, "州局领导"), ("admin", "admin", None, "系统管理员"),
    ("lushui", "planner", "533301", "泸水市业务员"), ("fugong", "planner", "533323", "福贡县业务员"),
    ("gongshan", "planner", "533324", "贡山县业务员"), ("lanping", "planner", "533325", "兰坪县业务员"),
    ("clerk_lushui", "clerk", "533301", "泸水市数据录入员")]


def demo_password() -> str:
    """The demo users' password: XIAOAN_DEMO_PASSWORD, else the documented default."""
    return os.environ.get(PASSWORD_ENV) or DEFAULT_PASSWORD


def add_demo_users(engine: sa.Engine) -> list[str]:
    """Add the demo users that are missing; return the names added."""
    added = []
    with engine.begin() as conn:
        existing = set(users.listing(conn)["user_name"])
        for name, role, county, display in DEMO_USERS:
            if name not in existing:
                users.add(conn, name, role, county, demo_password(), display)
                added.append(name)
    return added
