"""fetch_history brings the rows that hang off each interaction of the page (emergency actions, prompts, ...)

Revision ID: c0003_history_children
Revises: c0002_pull_json
Create Date: 2026-11-23
"""

from alembic import op

revision = "c0003_history_children"
down_revision = "c0002_pull_json"
branch_labels = None
depends_on = None

# As cxassist.sync.api.HISTORY_CHILDREN when this revision was written (a migration never follows later code).
CHILDREN = ("emergency_action", "prompt_event", "friction_point", "feedback", "review", "prompt_suggestion")
_IN_CHILDREN = "entity IN (" + ", ".join(f"'{name}'" for name in CHILDREN) + ")"

# The children of a page's interactions are found through this index, not by reading every row.
INDEX = f"""
CREATE INDEX IF NOT EXISTS row_latest_interaction_child
    ON cxassist.row_latest ((payload->>'interaction_id')) WHERE {_IN_CHILDREN};
"""

# Built from the module constants above only (no outside input), hence the S608 waivers. The signature and the result
# columns are those of c0001's function, so CREATE OR REPLACE keeps the desktop role's EXECUTE grant.
FUNCTION = f"""
CREATE OR REPLACE FUNCTION cxassist.fetch_history(caller text, before text, lim integer)
RETURNS TABLE (seq bigint, entity text, row_id text, version text, base text, origin text, payload jsonb)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
    WITH page AS (
        SELECT r.seq, r.row_id, r.started_at
        FROM cxassist.row_latest r
        WHERE r.entity = 'interaction' AND r.caller_id = caller AND (before IS NULL OR r.started_at < before)
        ORDER BY r.started_at DESC
        LIMIT least(greatest(coalesce(lim, 1), 1), 1000)
    ), found AS (
        SELECT p.seq, 0 AS part, p.started_at FROM page p
        UNION ALL
        SELECT k.seq, 1 AS part, NULL FROM cxassist.row_latest k
        WHERE k.{_IN_CHILDREN} AND (k.payload->>'interaction_id') IN (SELECT p.row_id FROM page p)
    )
    SELECT c.seq, c.entity, c.row_id, c.version, c.base, c.origin, c.payload
    FROM found f
    CROSS JOIN LATERAL (SELECT * FROM cxassist.change x WHERE x.seq = f.seq LIMIT 1) c  -- one key lookup a row
    ORDER BY f.part, f.started_at DESC, f.seq
$fn$;
"""  # noqa: S608

PREVIOUS = """
CREATE OR REPLACE FUNCTION cxassist.fetch_history(caller text, before text, lim integer)
RETURNS TABLE (seq bigint, entity text, row_id text, version text, base text, origin text, payload jsonb)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
    SELECT r.seq, r.entity, r.row_id, r.version, c.base, c.origin, r.payload
    FROM cxassist.row_latest r JOIN cxassist.change c ON c.seq = r.seq
    WHERE r.entity = 'interaction' AND r.caller_id = caller AND (before IS NULL OR r.started_at < before)
    ORDER BY r.started_at DESC
    LIMIT least(greatest(coalesce(lim, 1), 1), 1000)
$fn$;
"""


def upgrade() -> None:
    op.execute(INDEX)
    op.execute(FUNCTION)


def downgrade() -> None:
    op.execute(PREVIOUS)
    op.execute("DROP INDEX IF EXISTS cxassist.row_latest_interaction_child")
