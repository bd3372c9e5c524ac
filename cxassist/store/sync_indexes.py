"""A first pull writes the synced tables without their secondary indexes, and builds them once at the end.

Numbers arrive in no useful order, so every pulled row lands on a random page of each index on its table (three on
caller_phone alone). Once the indexes outgrow the page cache, each page of a pull rewrites thousands of index pages
to the WAL and the database: most of a first pull's SQLite time at 1M callers. Building an index afterwards sorts
the rows once and takes a few seconds.

`defer` drops the non-unique indexes of the callers' tables (unique ones stay: they keep rows apart; interactions
keep theirs, as they arrive roughly in time order) and records their definitions in `sync_state`, in the same
transaction; `restore` creates them again one per transaction, each with the record of those left, so the writer is
never held for more than one index (about 2 s for a million numbers) and a crash between two loses nothing. A pull
killed in between leaves the record: the next pull restores them at its end (the runner calls `restore` whatever
happened), and so does an upgrade before it migrates. Meanwhile the rows are all there, and searches that would use
a missing index scan the table instead: slower, never wrong.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection

from cxassist.store.engine import Database
from cxassist.store.sync_store import delete_state, get_state, set_state

DEFERRED = "sync.pull.deferred_indexes"
DEFERRED_TABLES = ("caller", "caller_phone")  # numbers and names arrive in no useful order


def deferred(conn: Connection) -> bool:
    return get_state(conn, DEFERRED) is not None


def defer(conn: Connection) -> None:
    """Drop the callers' tables' non-unique indexes, keeping their definitions (nothing to do when already done)."""
    if deferred(conn):
        return
    found = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        "AND tbl_name IN (SELECT value FROM json_each(?)) ORDER BY name",
        (json.dumps(DEFERRED_TABLES),),
    ).all()
    secondary = [(str(name), str(sql)) for name, sql in found if not str(sql).upper().startswith("CREATE UNIQUE")]
    set_state(conn, DEFERRED, json.dumps([sql for _, sql in secondary]))
    for name, _ in secondary:
        quoted = name.replace('"', '""')
        conn.exec_driver_sql(f'DROP INDEX "{quoted}"')


def restore(database: Database) -> None:
    """Build the indexes `defer` dropped, one per transaction, and forget the record (nothing to do when none are
    deferred)."""
    while True:
        with database.write() as conn:
            recorded = get_state(conn, DEFERRED)
            if recorded is None:
                return
            left = json.loads(recorded)
            if left:
                conn.exec_driver_sql(left[0])
            if len(left) > 1:
                set_state(conn, DEFERRED, json.dumps(left[1:]))
            else:
                delete_state(conn, DEFERRED)
