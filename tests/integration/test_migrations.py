"""Opening the database: fresh, up to date, older (backed up first), newer (refused), damaged (refused, untouched)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cxassist.store import migrate
from cxassist.store.errors import NewerSchemaError, StoreError
from cxassist.store.migrate import open_database, revision_of
from cxassist.store.migrations import HEAD


def test_head_constant_names_the_newest_migration() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(migrate.MIGRATIONS_DIR))
    assert script.get_current_head() == HEAD


def test_fresh_database_gets_the_whole_schema_with_durable_pragmas(tmp_path: Path) -> None:
    db = open_database(tmp_path / "cxassist.db")
    with db.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
        names = {row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
    db.close()
    assert {"caller", "interaction", "outbox", "interaction_fts", "interaction_fts_ai"} <= names
    assert revision_of(tmp_path / "cxassist.db") == HEAD
    assert not (tmp_path / "backups").exists(), "a new database needs no backup"


def test_database_written_by_a_newer_version_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "cxassist.db"
    open_database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError, match=r"newer version of cxassist \(schema 9999_from_the_future\)"):
        open_database(path)
    assert path.read_bytes() == before
    assert not (tmp_path / "backups").exists()


def test_older_schema_is_backed_up_before_migrating(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "cxassist.db"
    db = open_database(path)
    with db.write() as conn:
        conn.exec_driver_sql("INSERT INTO sync_state(key, value) VALUES ('marker', 'kept')")
    db.close()
    # Pretend this build's newest revision is one the file has not reached yet.
    monkeypatch.setattr(migrate, "HEAD", "9998_pretend")
    open_database(path).close()
    backups = list((tmp_path / "backups").glob(f"cxassist-{HEAD}-*.db"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as copy:
        assert copy.execute("SELECT value FROM sync_state WHERE key = 'marker'").fetchone() == ("kept",)


@pytest.mark.parametrize(
    "content",
    [b"this is a text file, not a database\n" * 10, b"\x00" * 4096, b"SQLite format 3\x00" + b"\xff" * 200],
    ids=["text", "zeros", "truncated-header"],
)
def test_damaged_file_is_refused_with_a_message_and_not_overwritten(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "cxassist.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=str(path).replace("\\", "\\\\")):
        open_database(path)
    assert path.read_bytes() == content


def test_truncated_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cxassist.db"
    db = open_database(path)
    db.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])

    def open_and_read() -> None:
        opened = open_database(path)
        with opened.read() as conn:  # a damaged page may only show when it is read
            conn.exec_driver_sql("SELECT count(*) FROM interaction").scalar()

    with pytest.raises(StoreError):
        open_and_read()


def test_tables_without_a_schema_version_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "cxassist.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE something_else (x)")
    with pytest.raises(StoreError, match="not a cxassist database"):
        open_database(path)


def test_a_failed_migration_puts_the_database_back_from_its_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "cxassist.db"
    db = open_database(path)
    with db.write() as conn:
        conn.exec_driver_sql("INSERT INTO sync_state(key, value) VALUES ('marker', 'kept')")
    db.close()

    def half_done_then_broken(database: object, revision_before: object) -> None:
        with sqlite3.connect(path) as conn:
            conn.execute("UPDATE sync_state SET value = 'half-migrated' WHERE key = 'marker'")
        raise RuntimeError("step 2 failed")

    monkeypatch.setattr(migrate, "HEAD", "9998_pretend")
    monkeypatch.setattr(migrate, "_upgrade", half_done_then_broken)
    with pytest.raises(StoreError, match="put back as it was"):
        open_database(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT value FROM sync_state WHERE key = 'marker'").fetchone() == ("kept",)
