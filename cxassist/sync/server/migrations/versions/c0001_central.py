"""central store: change log, newest rows, push/pull functions, least-privilege desktop role

Revision ID: c0001_central
Revises:
Create Date: 2026-11-24
"""

from alembic import context, op

revision = "c0001_central"
down_revision = None
branch_labels = None
depends_on = None

ENTITIES = (
    "agent", "caller", "caller_phone", "emergency_contact", "vulnerability", "interaction", "emergency_action",
    "prompt_event", "prompt_suggestion", "prompt_pack", "friction_point", "feedback", "review", "audit_event",
)
STAMP = "^[0-9]{15}-[0-9]{5}-[A-Za-z0-9._-]{1,64}$"
PUSH_LOCK = 7240331  # pg_advisory_xact_lock key: one push at a time, so seq order is commit order

TABLES = """
CREATE TABLE cxassist.entity (name text PRIMARY KEY);
CREATE TABLE cxassist.change (
    seq bigserial PRIMARY KEY,
    entity text NOT NULL REFERENCES cxassist.entity (name),
    row_id text NOT NULL,
    version text NOT NULL,
    base text,
    origin text NOT NULL,
    payload jsonb NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT change_version_key UNIQUE (entity, row_id, version)
);
CREATE TABLE cxassist.row_latest (
    entity text NOT NULL,
    row_id text NOT NULL,
    version text NOT NULL,
    seq bigint NOT NULL,
    caller_id text,
    started_at text,
    payload jsonb NOT NULL,
    PRIMARY KEY (entity, row_id)
);
CREATE INDEX row_latest_history ON cxassist.row_latest (caller_id, started_at DESC) WHERE entity = 'interaction';
"""

# Built from the module constants above only (no outside input), hence the S608 waivers.
FUNCTIONS = f"""
CREATE FUNCTION cxassist.protocol_version() RETURNS integer
LANGUAGE sql IMMUTABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS 'SELECT 1';

CREATE FUNCTION cxassist.push(batch jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
    result jsonb;
BEGIN
    IF jsonb_typeof(batch) IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION 'push expects a JSON array of changes' USING ERRCODE = '22023';
    END IF;
    PERFORM pg_advisory_xact_lock({PUSH_LOCK});
    WITH items AS (
        SELECT t.ord, t.e->>'entity' AS entity, t.e->>'id' AS row_id, t.e->>'version' AS version,
               t.e->>'base' AS base, coalesce(t.e->>'origin', '') AS origin, t.e->'payload' AS payload
        FROM jsonb_array_elements(batch) WITH ORDINALITY AS t(e, ord)
    ), checked AS (
        SELECT i.*, CASE
            WHEN i.entity IS NULL OR NOT EXISTS (SELECT 1 FROM cxassist.entity n WHERE n.name = i.entity)
                THEN 'unknown entity ' || coalesce(quote_literal(i.entity), 'null')
            WHEN i.version IS NULL OR i.version !~ '{STAMP}'
                THEN 'version ' || coalesce(quote_literal(i.version), 'null') || ' is not an HLC stamp'
            WHEN i.base IS NOT NULL AND i.base !~ '{STAMP}'
                THEN 'base ' || quote_literal(i.base) || ' is not an HLC stamp'
            WHEN i.row_id IS NULL OR length(i.row_id) NOT BETWEEN 1 AND 128
                THEN 'the row id must be 1-128 characters'
            WHEN jsonb_typeof(i.payload) IS DISTINCT FROM 'object'
                THEN 'the payload must be a JSON object'
        END AS problem
        FROM items i
    ), inserted AS (
        INSERT INTO cxassist.change (entity, row_id, version, base, origin, payload)
        SELECT entity, row_id, version, base, origin, payload FROM checked WHERE problem IS NULL ORDER BY ord
        ON CONFLICT ON CONSTRAINT change_version_key DO NOTHING
        RETURNING seq, entity, row_id, version, payload
    ), newest AS (
        INSERT INTO cxassist.row_latest AS r (entity, row_id, version, seq, caller_id, started_at, payload)
        SELECT DISTINCT ON (entity, row_id)
               entity, row_id, version, seq, payload->>'caller_id', payload->>'started_at', payload
        FROM inserted ORDER BY entity, row_id, version DESC
        ON CONFLICT (entity, row_id) DO UPDATE
            SET version = EXCLUDED.version, seq = EXCLUDED.seq, caller_id = EXCLUDED.caller_id,
                started_at = EXCLUDED.started_at, payload = EXCLUDED.payload
            WHERE r.version < EXCLUDED.version
        RETURNING 1
    )
    SELECT jsonb_build_object(
        'accepted', coalesce(
            (SELECT jsonb_agg(entity || ':' || row_id || ':' || version ORDER BY ord)
             FROM checked WHERE problem IS NULL), '[]'::jsonb),
        'rejected', coalesce(
            (SELECT jsonb_object_agg(
                 coalesce(entity, '') || ':' || coalesce(row_id, '') || ':' || coalesce(version, ''), problem)
             FROM checked WHERE problem IS NOT NULL), '{{}}'::jsonb),
        'stored', (SELECT count(*) FROM newest)
    ) INTO result;
    RETURN result;
END
$fn$;

CREATE FUNCTION cxassist.pull(after bigint, lim integer)
RETURNS TABLE (seq bigint, entity text, row_id text, version text, base text, origin text, payload jsonb)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
    SELECT c.seq, c.entity, c.row_id, c.version, c.base, c.origin, c.payload
    FROM cxassist.change c
    WHERE c.seq > coalesce(after, 0)
    ORDER BY c.seq
    LIMIT least(greatest(coalesce(lim, 1), 1), 10000)
$fn$;

CREATE FUNCTION cxassist.fetch_history(caller text, before text, lim integer)
RETURNS TABLE (seq bigint, entity text, row_id text, version text, base text, origin text, payload jsonb)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
    SELECT r.seq, r.entity, r.row_id, r.version, c.base, c.origin, r.payload
    FROM cxassist.row_latest r JOIN cxassist.change c ON c.seq = r.seq
    WHERE r.entity = 'interaction' AND r.caller_id = caller AND (before IS NULL OR r.started_at < before)
    ORDER BY r.started_at DESC
    LIMIT least(greatest(coalesce(lim, 1), 1), 1000)
$fn$;
"""  # noqa: S608

SIGNATURES = (
    "cxassist.protocol_version()", "cxassist.push(jsonb)", "cxassist.pull(bigint, integer)",
    "cxassist.fetch_history(text, text, integer)",
)


def upgrade() -> None:
    role = context.config.attributes.get("desktop_role", "cxassist_desktop")
    op.execute(TABLES)
    values = ", ".join(f"('{name}')" for name in ENTITIES)
    op.execute(f"INSERT INTO cxassist.entity (name) VALUES {values}")  # noqa: S608
    op.execute(FUNCTIONS)
    op.execute(
        "DO $do$ BEGIN "  # noqa: S608
        f"IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN CREATE ROLE {role} LOGIN; END IF; "
        "END $do$"
    )
    op.execute("REVOKE ALL ON SCHEMA cxassist FROM PUBLIC")
    op.execute("REVOKE ALL ON ALL TABLES IN SCHEMA cxassist FROM PUBLIC")
    op.execute("REVOKE ALL ON ALL SEQUENCES IN SCHEMA cxassist FROM PUBLIC")
    op.execute(f"GRANT USAGE ON SCHEMA cxassist TO {role}")
    for signature in SIGNATURES:
        op.execute(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")
        op.execute(f"GRANT EXECUTE ON FUNCTION {signature} TO {role}")


def downgrade() -> None:
    op.execute("DROP SCHEMA cxassist CASCADE")
