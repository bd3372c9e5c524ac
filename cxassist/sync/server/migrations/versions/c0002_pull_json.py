"""pull_json: a page of changes as a few JSON texts, so a desktop decodes a page in a few C calls, not per row

Revision ID: c0002_pull_json
Revises: c0001_central
Create Date: 2026-11-23
"""

from alembic import context, op

revision = "c0002_pull_json"
down_revision = "c0001_central"
branch_labels = None
depends_on = None

CHUNK = 1000  # changes per JSON text: small enough that decoding one holds a desktop's GIL only a few ms
MAX_PAGE = 20000
SIGNATURE = "cxassist.pull_json(bigint, integer)"

# Built from the module constants above only (no outside input), hence the S608 waiver.
FUNCTION = f"""
CREATE OR REPLACE FUNCTION cxassist.pull_json(after bigint, lim integer) RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
    SELECT json_agg(json_build_array(p.seq, p.entity, p.row_id, p.version, p.base, p.origin, p.payload)
                    ORDER BY p.seq)::text
    FROM (
        SELECT c.seq, c.entity, c.row_id, c.version, c.base, c.origin, c.payload,
               (row_number() OVER (ORDER BY c.seq) - 1) / {CHUNK} AS chunk
        FROM (
            SELECT * FROM cxassist.change
            WHERE seq > coalesce(after, 0)
            ORDER BY seq
            LIMIT least(greatest(coalesce(lim, 1), 1), {MAX_PAGE})
        ) c
    ) p
    GROUP BY p.chunk
    ORDER BY p.chunk
$fn$;
"""  # noqa: S608


def upgrade() -> None:
    role = context.config.attributes.get("desktop_role", "cxassist_desktop")
    op.execute(FUNCTION)
    op.execute(f"REVOKE ALL ON FUNCTION {SIGNATURE} FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION {SIGNATURE} TO {role}")


def downgrade() -> None:
    op.execute(f"DROP FUNCTION IF EXISTS {SIGNATURE}")
