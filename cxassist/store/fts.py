"""Full-text search tables (SQLite FTS5) kept in step with their source tables by triggers.

The FTS tables are external-content tables keyed by the source table's rowid. SQLite may renumber rowids of a table
without an INTEGER PRIMARY KEY on VACUUM, and Alembic batch mode copies tables, which also renumbers them and drops
their triggers: after either, call `install(conn)` then `rebuild(conn)`. Searches walk the match list from the
highest rowid down with a limit, so a common word over millions of rows never ranks an unbounded set.
"""

from __future__ import annotations

from sqlalchemy import Connection

_TABLES = {
    "interaction_fts": ("interaction", ("reason", "note")),
    "caller_fts": ("caller", ("full_name", "preferred_name")),
}
TOKENIZER = "unicode61 remove_diacritics 2"


def _statements(fts: str, source: str, columns: tuple[str, ...]) -> list[str]:
    cols = ", ".join(columns)
    new_values = ", ".join(f"new.{c}" for c in columns)
    old_values = ", ".join(f"old.{c}" for c in columns)
    # Table and column names below come from the constants above, never from input.
    delete = f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old_values});"  # noqa: S608
    insert = f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.rowid, {new_values});"  # noqa: S608
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({cols}, content='{source}', "
        f"content_rowid='rowid', tokenize='{TOKENIZER}')",
        f"DROP TRIGGER IF EXISTS {fts}_ai",
        f"DROP TRIGGER IF EXISTS {fts}_ad",
        f"DROP TRIGGER IF EXISTS {fts}_au",
        f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {source} BEGIN {insert} END",
        f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {source} BEGIN {delete} END",
        f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {cols} ON {source} BEGIN {delete} {insert} END",
    ]


def insert_trigger(fts: str) -> str:
    """The name of the trigger that indexes each new row of `fts`'s source table."""
    return f"{fts}_ai"


def index_rows_above_sql(fts: str) -> str:
    """Index in one statement the source rows whose rowid is above the one parameter, as the insert trigger would
    one row at a time (for a caller of `insert_trigger` that dropped it while writing many rows)."""
    source, columns = _TABLES[fts]
    cols = ", ".join(columns)
    return f"INSERT INTO {fts}(rowid, {cols}) SELECT rowid, {cols} FROM {source} WHERE rowid > ?"  # noqa: S608


def install(conn: Connection) -> None:
    for fts, (source, columns) in _TABLES.items():
        for statement in _statements(fts, source, columns):
            conn.exec_driver_sql(statement)


def rebuild(conn: Connection) -> None:
    for fts in _TABLES:
        conn.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")  # noqa: S608


def integrity_problems(conn: Connection) -> list[str]:
    problems = []
    for fts in _TABLES:
        try:
            conn.exec_driver_sql(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")  # noqa: S608
        except Exception as error:  # noqa: BLE001 - reported, not raised: this is a check
            problems.append(f"search index {fts} is out of step with its table ({error})")
    return problems
