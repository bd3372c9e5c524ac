"""Opening a database already at the newest schema only reads it: it starts even while another process (an import,
a sync) holds the write lock, instead of waiting for it; it writes only when the version it records is another's."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cxassist import __version__
from cxassist.store.migrate import open_database


def recorded(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('node_id', 'app_version')").fetchall())


def test_a_start_at_head_does_not_wait_for_the_write_lock(tmp_path: Path) -> None:
    path = tmp_path / "cxassist.db"
    open_database(path).close()
    first = recorded(path)
    writer = sqlite3.connect(path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")  # another process in the middle of a long write
        open_database(path).close()
        writer.execute("ROLLBACK")
    finally:
        writer.close()
    assert recorded(path) == first and first["app_version"] == __version__


def test_a_start_by_another_version_records_this_one_and_keeps_the_node_id(tmp_path: Path) -> None:
    path = tmp_path / "cxassist.db"
    open_database(path).close()
    node = recorded(path)["node_id"]
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = '0.0.1' WHERE key = 'app_version'")
    open_database(path).close()
    assert recorded(path) == {"node_id": node, "app_version": __version__}
