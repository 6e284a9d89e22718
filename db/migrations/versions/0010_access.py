"""Access: users, audit log, signed sign-in tokens, the low-privilege role xiaoan_web and row-level security.

The dashboard connects as xiaoan_web and sets `xiaoan.token` on every transaction; the token is
`user:expiry:hmac` signed with a secret only the owner can read, so SQL run on that connection cannot widen
its scope. Policies filter every county-scoped table to the token's user: leaders and administrators see
all counties, planners and clerks their own, no or a bad token nothing. The owner (ETL) is not subject.

Revision ID: 0010
Revises: 0009
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WEB = "xiaoan_web"
S = "(SELECT xiaoan_scope())::text[]"  # a scalar subquery: computed once per query (InitPlan)
ALL = f"'*' = ANY ({S})"
IN_COUNTY = f"county_adcode = ANY ({S})"
COUNTIES = f"SELECT 1 FROM county c WHERE c.adcode = ANY ({S})"
ROADS = f"SELECT r.road_id FROM road r WHERE r.{IN_COUNTY} OR EXISTS ({COUNTIES} AND ST_Intersects(c.geom, r.geom))"
POLICIES = {  # table: who of xiaoan_web may read a row
    "school": IN_COUNTY, "police_unit": IN_COUNTY, "hazard": IN_COUNTY, "activity": IN_COUNTY,
    "officer": f"unit_code IN (SELECT unit_code FROM police_unit WHERE {IN_COUNTY})",
    "vehicle": f"unit_code IN (SELECT unit_code FROM police_unit WHERE {IN_COUNTY})",
    "track_point": "vehicle_id IN (SELECT v.vehicle_id FROM vehicle v JOIN police_unit u USING (unit_code) "
                   f"WHERE u.county_adcode = ANY ({S}))",
    "liaison_assignment": f"school_code IN (SELECT school_code FROM school WHERE {IN_COUNTY})",
    "presence": f"school_code IN (SELECT school_code FROM school WHERE {IN_COUNTY})",
    # signs and works: on a road of the county (by its county or its line), or lying in it themselves
    "traffic_sign": f"road_id IN ({ROADS}) OR EXISTS ({COUNTIES} AND ST_Intersects(c.geom, traffic_sign.geom))",
    "road_work": f"road_id IN ({ROADS}) OR EXISTS ({COUNTIES} AND ST_Intersects(c.geom, road_work.geom))",
}
SHARED = ("county", "township", "road", "sign_rule", "holiday", "school_term", "etl_run", "alembic_version",
          "v_county_map", "v_school_map", "spatial_ref_sys", "geometry_columns", "geography_columns")
OFFICER_COLUMNS = "badge_no, name, unit_code, rank, etl_run_id"  # not phone: see xiaoan_officer_phone

FUNCTIONS = [
    """CREATE FUNCTION xiaoan_token_user(p_token text) RETURNS text LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
    DECLARE parts text[] := string_to_array(coalesce(p_token, ''), ':'); key bytea;
    BEGIN
      IF coalesce(array_length(parts, 1), 0) <> 3 OR parts[2] !~ '^[0-9]{1,12}$' THEN RETURN NULL; END IF;
      IF to_timestamp(parts[2]::bigint) < now() THEN RETURN NULL; END IF;
      SELECT value INTO key FROM app_secret WHERE name = 'token';
      IF encode(hmac(convert_to(parts[1] || ':' || parts[2], 'UTF8'), key, 'sha256'), 'hex')
         IS DISTINCT FROM parts[3] THEN RETURN NULL; END IF;
      RETURN parts[1];
    END $$""",
    """CREATE FUNCTION xiaoan_current_user(OUT user_name text, OUT role text, OUT county_adcode text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      SELECT u.user_name, u.role, u.county_adcode FROM app_user u
      WHERE u.user_name = xiaoan_token_user(current_setting('xiaoan.token', true)) AND NOT u.disabled $$""",
    """CREATE FUNCTION xiaoan_scope() RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
      SELECT CASE WHEN u.role IN ('leader', 'admin') THEN ARRAY['*']
                  WHEN u.county_adcode IS NOT NULL THEN ARRAY[u.county_adcode] ELSE '{}'::text[] END
      FROM xiaoan_current_user() u $$""",
    """CREATE FUNCTION xiaoan_sign_token(p_user text, p_hours integer) RETURNS text LANGUAGE sql VOLATILE
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
      WITH t AS (SELECT p_user || ':' || extract(epoch FROM now() + make_interval(
                   hours => least(greatest(p_hours, 1), 24)))::bigint AS body)
      SELECT t.body || ':' || encode(hmac(convert_to(t.body, 'UTF8'), s.value, 'sha256'), 'hex')
      FROM t, app_secret s WHERE s.name = 'token' $$""",
    """CREATE FUNCTION xiaoan_sign_in(p_name text, p_password text, p_hours integer DEFAULT 12) RETURNS text
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    DECLARE found app_user;
    BEGIN
      SELECT * INTO found FROM app_user WHERE user_name = p_name;
      -- an unknown name costs a bcrypt too, so timing does not tell which names exist
      IF found.user_name IS NULL OR found.disabled OR found.password_hash IS NULL
         OR crypt(coalesce(p_password, ''), coalesce(found.password_hash, gen_salt('bf', 12)))
            IS DISTINCT FROM found.password_hash THEN
        INSERT INTO audit_log (user_name, action, target) VALUES (left(coalesce(p_name, ''), 64), 'sign_in_failed',
                                                                  'password');
        RETURN NULL;
      END IF;
      INSERT INTO audit_log (user_name, action, target) VALUES (found.user_name, 'sign_in', 'password');
      RETURN xiaoan_sign_token(found.user_name, p_hours);
    END $$""",
    """CREATE FUNCTION xiaoan_sign_in_trusted(p_name text, p_key text, p_hours integer DEFAULT 12) RETURNS text
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM app_secret WHERE name = 'trusted_key' AND value = convert_to(p_key, 'UTF8'))
         OR NOT EXISTS (SELECT 1 FROM app_user WHERE user_name = p_name AND NOT disabled) THEN
        INSERT INTO audit_log (user_name, action, target) VALUES (left(coalesce(p_name, ''), 64), 'sign_in_failed',
                                                                  'trusted_header');
        RETURN NULL;
      END IF;
      INSERT INTO audit_log (user_name, action, target) VALUES (p_name, 'sign_in', 'trusted_header');
      RETURN xiaoan_sign_token(p_name, p_hours);
    END $$""",
    """CREATE FUNCTION xiaoan_audit(p_action text, p_target text, p_rows integer, p_detail jsonb DEFAULT NULL)
    RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      INSERT INTO audit_log (user_name, action, target, rows, detail)
      SELECT coalesce((SELECT user_name FROM xiaoan_current_user()), session_user::text), p_action,
             left(p_target, 500), p_rows, p_detail $$""",
    """CREATE FUNCTION xiaoan_officer_phone(p_badge text) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
      SELECT CASE WHEN (SELECT role FROM xiaoan_current_user()) IN ('leader', 'admin') THEN o.phone
                  WHEN length(d.digits) >= 8 THEN left(d.digits, 3) || '****' || right(d.digits, 4)
                  WHEN length(d.digits) > 0 THEN '****' END
      FROM officer o
      CROSS JOIN LATERAL (SELECT regexp_replace(coalesce(o.phone, ''), '\\D', '', 'g') AS raw) r
      CROSS JOIN LATERAL (SELECT CASE WHEN length(r.raw) = 13 AND left(r.raw, 2) = '86' THEN substr(r.raw, 3)
                                      ELSE r.raw END AS digits) d  -- +86 dropped, as dashboard.exports.privacy does
      WHERE o.badge_no = p_badge AND (session_user::text <> 'xiaoan_web' OR '*' = ANY (xiaoan_scope())
        OR o.unit_code IN (SELECT unit_code FROM police_unit WHERE county_adcode = ANY (xiaoan_scope()))) $$""",
]
FUNCTION_NAMES = ["xiaoan_officer_phone(text)", "xiaoan_audit(text, text, integer, jsonb)",
                  "xiaoan_sign_in_trusted(text, text, integer)", "xiaoan_sign_in(text, text, integer)",
                  "xiaoan_sign_token(text, integer)", "xiaoan_scope()", "xiaoan_current_user()",
                  "xiaoan_token_user(text)"]


def upgrade() -> None:
    """Tables, functions, the role, its grants and the policies."""
    op.execute("CREATE EXTENSION IF NOT EXISTS pgcrypto")
    op.create_table(
        "app_user", sa.Column("user_name", sa.String(64), primary_key=True),
        sa.Column("display_name", sa.String()), sa.Column("role", sa.String(), nullable=False),
        sa.Column("county_adcode", sa.String(6), sa.ForeignKey("county.adcode"), nullable=True),
        sa.Column("password_hash", sa.String()),
        sa.Column("disabled", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint("role IN ('leader', 'planner', 'clerk', 'admin')", name="role_allowed"),
        sa.CheckConstraint("user_name ~ '^[A-Za-z0-9_.@-]{2,64}$'", name="user_name_plain"),
        sa.CheckConstraint("(role IN ('planner', 'clerk')) = (county_adcode IS NOT NULL)",
                           name="county_for_county_roles"))
    op.create_table(
        "audit_log", sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("user_name", sa.String(64), nullable=False), sa.Column("action", sa.String(), nullable=False),
        sa.Column("target", sa.String()), sa.Column("rows", sa.Integer()), sa.Column("detail", JSONB()),
        sa.CheckConstraint("action IN ('sign_in', 'sign_in_failed', 'sign_out', 'load', 'export', 'user_add', "
                           "'user_set_role', 'user_disable', 'user_enable', 'user_password')",
                           name="action_allowed"))
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_table("app_secret", sa.Column("name", sa.String(40), primary_key=True),
                    sa.Column("value", sa.LargeBinary(), nullable=False))
    op.execute("INSERT INTO app_secret (name, value) VALUES ('token', gen_random_bytes(32))")
    op.execute("REVOKE ALL ON app_user, audit_log, app_secret FROM PUBLIC")
    for ddl in FUNCTIONS:
        op.execute(ddl)
    op.execute(f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{WEB}') THEN "
               f"CREATE ROLE {WEB} NOLOGIN; END IF; END $$")
    op.execute(f"GRANT USAGE ON SCHEMA public TO {WEB}")
    op.execute(f"GRANT SELECT ON {', '.join([*SHARED, *(t for t in POLICIES if t != 'officer')])} TO {WEB}")
    op.execute(f"GRANT SELECT ({OFFICER_COLUMNS}) ON officer TO {WEB}")
    for view in ("v_county_map", "v_school_map"):
        op.execute(f"ALTER VIEW {view} SET (security_invoker = true)")
    for table, rule in POLICIES.items():
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY county_scope ON {table} FOR SELECT TO {WEB} USING ({ALL} OR {rule})")


def downgrade() -> None:
    """Back to no access control; the role stays (it is cluster-wide and other databases may use it)."""
    for table in POLICIES:
        op.execute(f"DROP POLICY IF EXISTS county_scope ON {table}")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    for view in ("v_county_map", "v_school_map"):
        op.execute(f"ALTER VIEW {view} RESET (security_invoker)")
    op.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {WEB}")
    op.execute(f"REVOKE USAGE ON SCHEMA public FROM {WEB}")
    for name in FUNCTION_NAMES:
        op.execute(f"DROP FUNCTION IF EXISTS {name}")
    op.drop_table("app_secret")
    op.drop_index("ix_audit_log_at", table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_table("app_user")
