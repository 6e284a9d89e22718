"""Who may see what: users with bcrypt hashes (pgcrypto), the audit trail, and the token-signing secret."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, one_of

ROLES = ("leader", "planner", "clerk", "admin")
COUNTY_ROLES = ("planner", "clerk")  # bound to one county
AUDIT_ACTIONS = ("sign_in", "sign_in_failed", "sign_out", "load", "export", "user_add", "user_set_role",
                 "user_disable", "user_enable", "user_password", "sign_in_locked")


class AppUser(Base):
    """A person who signs in: a role, a county for planners and clerks, a bcrypt hash."""

    __tablename__ = "app_user"
    __table_args__ = (one_of("role", ROLES),
                      sa.CheckConstraint("user_name ~ '^[A-Za-z0-9_.@-]{2,64}$'", name="user_name_plain"),
                      sa.CheckConstraint("(role IN ('planner', 'clerk')) = (county_adcode IS NOT NULL)",
                                         name="county_for_county_roles"))
    user_name: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    display_name: Mapped[str | None]
    role: Mapped[str]
    county_adcode: Mapped[str | None] = mapped_column(sa.ForeignKey("county.adcode"))
    password_hash: Mapped[str | None]
    disabled: Mapped[bool] = mapped_column(server_default=sa.false())
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())
    updated_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())
    signed_out_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))  # revokes older tokens


class AuditLog(Base):
    """One sign-in, load, export or user change: who, when, what, how many rows."""

    __tablename__ = "audit_log"
    __table_args__ = (one_of("action", AUDIT_ACTIONS),
                      sa.Index("ix_audit_log_user_action_at", "user_name", "action", "at"))
    id: Mapped[int] = mapped_column(sa.BigInteger, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now(), index=True)
    user_name: Mapped[str] = mapped_column(sa.String(64))
    action: Mapped[str]
    target: Mapped[str | None]
    rows: Mapped[int | None]
    detail = mapped_column(JSONB, nullable=True)


class AppSecret(Base):
    """Server-side secrets (the key that signs sign-in tokens); readable by the owner only."""

    __tablename__ = "app_secret"
    name: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    value: Mapped[bytes] = mapped_column(sa.LargeBinary)
