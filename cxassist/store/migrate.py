"""Open the local database safely: refuse what we cannot read, back up, then migrate.

Order matters (STYLE.md section 5): a damaged file or one written by a newer cxassist is refused before anything is
written to it; an older schema is copied with SQLite's backup API (WAL included) and only then migrated; a fresh
file gets the whole schema. A database at the newest revision starts without loading Alembic.
"""

from __future__ import annotations

import logging
import sqlite3
import uuid
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from cxassist import __version__
from cxassist.store import sync_indexes
from cxassist.store.engine import Database, create_sqlite_engine
from cxassist.store.errors import NewerSchemaError, StoreError, explain
from cxassist.store.migrations import HEAD

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def check_file_header(path: Path) -> None:
    """Refuse a file that is not SQLite at all, without opening it (SQLite would happily overwrite a 0-page file)."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise StoreError(
            f"The database {path} is not a cxassist database (damaged, or another kind of file); it was left "
            "untouched. Move it aside to start afresh, or restore a copy from the backups folder."
        )


def current_revision(conn: Connection) -> str | None:
    has_table = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).first()
    if has_table is None:
        return None
    row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    return None if row is None else str(row[0])


def user_table_count(conn: Connection) -> int:
    row = conn.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).one()
    return int(row[0])


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory  # noqa: PLC0415 - only needed when migrating

    return {script.revision for script in ScriptDirectory(str(MIGRATIONS_DIR)).walk_revisions()}


def backup(database: Database, *, label: str) -> Path:
    """Copy the whole database, WAL included, to `backups/` beside it; returns the copy's path."""
    folder = database.path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"cxassist-{label}-{stamp}.db"
    source = sqlite3.connect(database.path)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    except sqlite3.Error as error:
        known = explain(error, target)
        raise known or error from error
    finally:
        source.close()
    return target


def _upgrade(database: Database, revision_before: str | None) -> None:
    from alembic import command  # noqa: PLC0415 - Alembic loads only when a migration is due
    from alembic.config import Config  # noqa: PLC0415

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with database.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        # Batch mode copies and drops tables: enforcement off while it runs (SQLite ignores this pragma inside a
        # transaction, so it goes straight to the driver before Alembic begins), then every key must still resolve.
        raw.execute("PRAGMA foreign_keys=OFF")
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        if conn.in_transaction():
            conn.commit()
        raw.execute("PRAGMA foreign_keys=ON")
        broken = raw.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise StoreError(
            f"The database {database.path} failed its check after upgrading from {revision_before}: "
            f"{len(broken)} rows point at missing rows; it was put back as it was, from the backup."
        )


def _meta_is_current(database: Database) -> bool:
    """The node id is set and this version is recorded: a start-up then writes nothing (no write lock, no fsync)."""
    with database.read() as conn:
        rows = conn.execute(text("SELECT key, value FROM meta WHERE key IN ('node_id', 'app_version')")).all()
    meta = {str(key): str(value) for key, value in rows}
    return "node_id" in meta and meta.get("app_version") == __version__


def _ensure_meta(database: Database) -> None:
    with database.write() as conn:
        conn.execute(
            text("INSERT OR IGNORE INTO meta(key, value) VALUES ('node_id', :node)"),
            {"node": uuid.uuid4().hex[:12]},
        )
        conn.execute(
            text("INSERT INTO meta(key, value) VALUES ('app_version', :v) ON CONFLICT(key) DO UPDATE SET value = :v"),
            {"v": __version__},
        )


def open_database(path: Path) -> Database:
    """Open (creating if needed) and migrate the database at `path`; raises `StoreError` for what we refuse."""
    path.parent.mkdir(parents=True, exist_ok=True)
    check_file_header(path)
    database = Database(create_sqlite_engine(path), path)
    try:
        with database.read() as conn:
            revision = current_revision(conn)
            tables = user_table_count(conn)
    except StoreError:
        database.close()
        raise
    except DBAPIError as error:
        database.close()
        raise explain(error, path) or error from error
    if revision == HEAD:
        if not _meta_is_current(database):
            _ensure_meta(database)
        return database
    if revision is None and tables > 0:
        database.close()
        raise StoreError(f"The database {path} has tables but no schema version: it is not a cxassist database.")
    if revision is not None and revision not in known_revisions():
        database.close()
        raise NewerSchemaError(
            f"The database {path} was written by a newer version of cxassist (schema {revision}); this version "
            f"({__version__}) knows schemas up to {HEAD}. It was not opened: install the newer version."
        )
    if revision is None:
        _upgrade(database, revision)
    else:
        sync_indexes.restore(database)  # a first pull killed before its end left them out; migrations expect them
        copy = backup(database, label=revision)
        log.info("backed up %s to %s before migrating from %s", path, copy, revision)
        try:
            _upgrade(database, revision)
        except Exception as error:
            restore(database, copy)
            database.close()
            if isinstance(error, StoreError):
                raise
            raise StoreError(
                f"The database {path} could not be upgraded from schema {revision} ({type(error).__name__}: "
                f"{error}); it was put back as it was, from the backup {copy.name}."
            ) from error
    _ensure_meta(database)
    return database


def restore(database: Database, copy: Path) -> None:
    """Put a backup taken by `backup` back in place of the live database (WAL included)."""
    database.engine.dispose()
    source = sqlite3.connect(copy)
    try:
        target = sqlite3.connect(database.path)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()


def revision_of(path: Path) -> str | None:
    """The schema revision of a database file without migrating or writing it; None when there is none yet."""
    if not path.exists():
        return None
    check_file_header(path)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute(
                "SELECT version_num FROM alembic_version WHERE EXISTS "
                "(SELECT 1 FROM sqlite_master WHERE name = 'alembic_version')"
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.OperationalError as error:
        if "no such table" in str(error):
            return None
        raise explain(error, path) or error from error
    except sqlite3.DatabaseError as error:
        raise explain(error, path) or error from error
    return None if row is None else str(row[0])
