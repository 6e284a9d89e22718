"""Test users of every role (cheap bcrypt cost) and their sign-in tokens."""

from __future__ import annotations

import sqlalchemy as sa

from db import access, users

PASSWORD = "test-password"
USERS = {"leader": ("leader", None), "admin": ("admin", None), "lushui": ("planner", "533301"),
         "fugong": ("planner", "533323"), "clerk_lushui": ("clerk", "533301")}


def add_users(engine: sa.Engine, county_users: bool = True) -> None:
    """Add the test users (for county users the counties must be loaded)."""
    with engine.begin() as conn:
        for name, (role, county) in USERS.items():
            if county_users or county is None:
                users.add(conn, name, role, county, PASSWORD, cost=4)


def token(engine: sa.Engine, user: str) -> str:
    """A signed token for a test user, as the dashboard gets it when they sign in."""
    with engine.begin() as conn:
        found = access.sign_in(conn, user, PASSWORD, 12)
    assert found, f"{user} could not sign in"
    return found
