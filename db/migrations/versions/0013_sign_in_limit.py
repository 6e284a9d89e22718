"""Sign-in rate limit: five failed password sign-ins of a user name within 15 minutes lock it for a while.

Failures are counted from the audit log (since the name's last successful sign-in). While locked, every
attempt — with the right password too — is refused and audited as `sign_in_locked`, and the function returns
`locked:<seconds until the oldest counted failure leaves the window>` instead of a token; an unknown name
locks the same way, so a lock does not tell which names exist.

Revision ID: 0013
Revises: 0012
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ATTEMPTS, WINDOW = 5, "15 minutes"
ACTIONS = ("sign_in", "sign_in_failed", "sign_out", "load", "export", "user_add", "user_set_role", "user_disable",
           "user_enable", "user_password")
CHECK = f"""
      SELECT min(f.at) INTO oldest
      FROM (SELECT a.at FROM audit_log a
            WHERE a.user_name = v_name AND a.action = 'sign_in_failed' AND a.target = 'password'
              AND a.at > now() - interval '{WINDOW}'
              AND a.at > coalesce((SELECT max(s.at) FROM audit_log s
                                   WHERE s.user_name = v_name AND s.action = 'sign_in'), '-infinity')
            ORDER BY a.at DESC LIMIT {ATTEMPTS}) AS f
      HAVING count(*) >= {ATTEMPTS};
      IF oldest IS NOT NULL THEN
        INSERT INTO audit_log (user_name, action, target) VALUES (v_name, 'sign_in_locked', 'password');
        RETURN 'locked:' || ceil(extract(epoch FROM oldest + interval '{WINDOW}' - now()))::bigint;
      END IF;"""

SIGN_IN = """CREATE OR REPLACE FUNCTION xiaoan_sign_in(p_name text, p_password text, p_hours integer DEFAULT 12)
    RETURNS text LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    DECLARE found app_user; v_name text := left(coalesce(p_name, ''), 64); oldest timestamptz;
    BEGIN{check}
      SELECT * INTO found FROM app_user WHERE user_name = p_name;
      -- an unknown name costs a bcrypt too, so timing does not tell which names exist
      IF found.user_name IS NULL OR found.disabled OR found.password_hash IS NULL
         OR crypt(coalesce(p_password, ''), coalesce(found.password_hash, gen_salt('bf', 12)))
            IS DISTINCT FROM found.password_hash THEN
        INSERT INTO audit_log (user_name, action, target) VALUES (v_name, 'sign_in_failed', 'password');
        RETURN NULL;
      END IF;
      INSERT INTO audit_log (user_name, action, target) VALUES (found.user_name, 'sign_in', 'password');
      RETURN xiaoan_sign_token(found.user_name, p_hours);
    END $$"""


def _actions(actions: tuple[str, ...]) -> None:
    """Replace the audit log's CHECK of its actions."""
    op.drop_constraint("action_allowed", "audit_log", type_="check")  # named by the convention
    op.create_check_constraint("action_allowed", "audit_log", "action IN (" + ", ".join(f"'{a}'" for a in actions)
                               + ")")


def upgrade() -> None:
    """The sign-in function with the lock, its audit action, and an index for a name's recent failures."""
    _actions((*ACTIONS, "sign_in_locked"))
    op.create_index("ix_audit_log_user_action_at", "audit_log", ["user_name", "action", "at"])
    op.execute(SIGN_IN.format(check=CHECK))


def downgrade() -> None:
    """The sign-in function of 0010 (no lock), without the index and the action."""
    op.execute(SIGN_IN.format(check=""))
    op.drop_index("ix_audit_log_user_action_at", table_name="audit_log")
    op.execute("DELETE FROM audit_log WHERE action = 'sign_in_locked'")
    _actions(ACTIONS)
