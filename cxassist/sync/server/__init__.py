"""The central PostgreSQL schema: its own Alembic history (`migrations/`), created or upgraded by
`cxassist sync init-server --url URL`, run by a database owner, never by a desktop.

What it makes (schema `cxassist`):
- `change`: every accepted version of every row, once (unique entity, row id, version), numbered by a bigserial
  `seq` that orders pulls. Pushes take a transaction-level advisory lock, so numbers are handed out and committed
  in the same order and a puller's cursor never passes a number that commits later.
- `row_latest`: the newest version of each row (insert, or update only when the incoming version is newer), for
  `fetch_history`.
- SECURITY DEFINER functions `push(jsonb)`, `pull(bigint, int)`, `pull_json(bigint, int)` (the same page as a few
  JSON texts), `fetch_history(text, text, int)` and `protocol_version()`, the only things the desktop role may
  touch: it has EXECUTE on them, USAGE on the schema and no privilege on any table.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from cxassist.domain.errors import UserError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SCHEMA = "cxassist"
DEFAULT_ROLE = "cxassist_desktop"
_ROLE = re.compile(r"[a-z_][a-z0-9_]{0,62}")


def redact_url(url: str) -> str:
    """The URL without its password, for messages and logs."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unparsable URL>"
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = (parts.username or "") + ":***"
    return urlunsplit(parts._replace(netloc=f"{user}@{netloc[-1]}"))


def sqlalchemy_url(url: str) -> str:
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith("postgresql+psycopg://"):
        return url
    raise UserError(f"{redact_url(url)} is not a PostgreSQL URL (postgresql://host:port/database).")


def init_server(url: str, *, desktop_role: str = DEFAULT_ROLE) -> str:
    """Create or upgrade the central schema at `url`; returns the revision it is at now."""
    from alembic import command  # noqa: PLC0415 - loaded only for this admin task
    from alembic.config import Config  # noqa: PLC0415
    from alembic.runtime.migration import MigrationContext  # noqa: PLC0415
    from sqlalchemy import create_engine  # noqa: PLC0415
    from sqlalchemy.exc import OperationalError  # noqa: PLC0415

    if not _ROLE.fullmatch(desktop_role):
        raise UserError(f"The desktop role name {desktop_role!r} must be lower-case letters, digits and '_'.")
    engine = create_engine(sqlalchemy_url(url), hide_parameters=True)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["desktop_role"] = desktop_role
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
            context = MigrationContext.configure(
                conn, opts={"version_table_schema": SCHEMA, "version_table": "alembic_version"}
            )
            revision = context.get_current_revision()
    except OperationalError as error:
        first = str(error.orig).strip().splitlines()[0] if error.orig else "connection failed"
        raise UserError(f"Could not reach or set up PostgreSQL at {redact_url(url)}: {first}") from error
    finally:
        engine.dispose()
    return str(revision)
