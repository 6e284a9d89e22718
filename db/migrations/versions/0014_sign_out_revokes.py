"""Signing out revokes the user's tokens: a copied token stops working at once, not at its expiry.

Tokens now carry the microsecond they were issued (`user:issued:expiry:HMAC`; the three-part tokens of 0010
are no longer accepted, so everyone signs in again once). `xiaoan_sign_out()` records the time on the user
(`app_user.signed_out_at`) and audits it; a token issued at or before that time names nobody — on every
device the user was signed in on ("sign out everywhere").

Revision ID: 0014
Revises: 0013
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

HEADER = "LANGUAGE {lang} {volatility} SECURITY DEFINER SET search_path = public, pg_temp AS $$"
TOKEN_USER = """CREATE OR REPLACE FUNCTION xiaoan_token_user(p_token text) RETURNS text """ + HEADER.format(
    lang="plpgsql", volatility="STABLE") + """
    DECLARE parts text[] := string_to_array(coalesce(p_token, ''), ':'); key bytea;
    BEGIN
      IF coalesce(array_length(parts, 1), 0) <> 4 OR parts[2] !~ '^[0-9]{1,18}$' OR parts[3] !~ '^[0-9]{1,12}$'
        THEN RETURN NULL; END IF;
      IF to_timestamp(parts[3]::bigint) < now() THEN RETURN NULL; END IF;
      SELECT value INTO key FROM app_secret WHERE name = 'token';
      IF encode(hmac(convert_to(parts[1] || ':' || parts[2] || ':' || parts[3], 'UTF8'), key, 'sha256'), 'hex')
         IS DISTINCT FROM parts[4] THEN RETURN NULL; END IF;
      IF EXISTS (SELECT 1 FROM app_user WHERE user_name = parts[1]  -- in whole microseconds, exactly
                 AND floor(extract(epoch FROM signed_out_at) * 1e6) >= parts[2]::numeric) THEN RETURN NULL; END IF;
      RETURN parts[1];
    END $$"""
SIGN_TOKEN = """CREATE OR REPLACE FUNCTION xiaoan_sign_token(p_user text, p_hours integer) RETURNS text """ + \
    HEADER.format(lang="sql", volatility="VOLATILE") + """
      WITH t AS (SELECT p_user || ':' || floor(extract(epoch FROM clock_timestamp()) * 1e6)::bigint || ':'
                        || extract(epoch FROM now() + make_interval(hours => least(greatest(p_hours, 1), 24)))::bigint
                        AS body)
      SELECT t.body || ':' || encode(hmac(convert_to(t.body, 'UTF8'), s.value, 'sha256'), 'hex')
      FROM t, app_secret s WHERE s.name = 'token' $$"""
SIGN_OUT = """CREATE FUNCTION xiaoan_sign_out() RETURNS void """ + HEADER.format(
    lang="sql", volatility="VOLATILE") + """
      INSERT INTO audit_log (user_name, action) SELECT user_name, 'sign_out' FROM xiaoan_current_user()
                                                WHERE user_name IS NOT NULL;
      UPDATE app_user SET signed_out_at = clock_timestamp()
      WHERE user_name = (SELECT user_name FROM xiaoan_current_user()) $$"""

OLD_TOKEN_USER = """CREATE OR REPLACE FUNCTION xiaoan_token_user(p_token text) RETURNS text """ + HEADER.format(
    lang="plpgsql", volatility="STABLE") + """
    DECLARE parts text[] := string_to_array(coalesce(p_token, ''), ':'); key bytea;
    BEGIN
      IF coalesce(array_length(parts, 1), 0) <> 3 OR parts[2] !~ '^[0-9]{1,12}$' THEN RETURN NULL; END IF;
      IF to_timestamp(parts[2]::bigint) < now() THEN RETURN NULL; END IF;
      SELECT value INTO key FROM app_secret WHERE name = 'token';
      IF encode(hmac(convert_to(parts[1] || ':' || parts[2], 'UTF8'), key, 'sha256'), 'hex')
         IS DISTINCT FROM parts[3] THEN RETURN NULL; END IF;
      RETURN parts[1];
    END $$"""
OLD_SIGN_TOKEN = """CREATE OR REPLACE FUNCTION xiaoan_sign_token(p_user text, p_hours integer) RETURNS text """ + \
    HEADER.format(lang="sql", volatility="VOLATILE") + """
      WITH t AS (SELECT p_user || ':' || extract(epoch FROM now() + make_interval(
                   hours => least(greatest(p_hours, 1), 24)))::bigint AS body)
      SELECT t.body || ':' || encode(hmac(convert_to(t.body, 'UTF8'), s.value, 'sha256'), 'hex')
      FROM t, app_secret s WHERE s.name = 'token' $$"""


def upgrade() -> None:
    """The column, the four-part tokens and the sign-out function."""
    op.add_column("app_user", sa.Column("signed_out_at", sa.DateTime(timezone=True), nullable=True))
    for ddl in (TOKEN_USER, SIGN_TOKEN, SIGN_OUT):
        op.execute(ddl)


def downgrade() -> None:
    """The three-part tokens of 0010, no sign-out function, no column."""
    op.execute("DROP FUNCTION xiaoan_sign_out()")
    for ddl in (OLD_SIGN_TOKEN, OLD_TOKEN_USER):
        op.execute(ddl)
    op.drop_column("app_user", "signed_out_at")
