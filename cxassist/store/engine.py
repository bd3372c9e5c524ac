"""The SQLite engine: pragmas on every connection, explicit transactions, and one place to choose their mode.

pysqlite's own transaction handling is switched off (`isolation_level = None`) and SQLAlchemy's `begin` event emits
`BEGIN` itself: `DEFERRED` for reads, `IMMEDIATE` for writes, so a writer takes the write lock up front instead of
failing half way with SQLITE_BUSY. `foreign_keys` is set outside any transaction, where SQLite honours it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import QueuePool

from cxassist.store.errors import explain

BUSY_TIMEOUT_MS = 5000
PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    "PRAGMA temp_store=MEMORY",
    "PRAGMA cache_size=-32000",
)


def create_sqlite_engine(path: Path, *, pool_size: int = 4) -> Engine:
    engine = create_engine(
        f"sqlite+pysqlite:///{path}",
        poolclass=QueuePool,
        pool_size=pool_size,
        max_overflow=4,
        connect_args={"check_same_thread": False},
        hide_parameters=True,  # caller data never reaches an error message or a crash report
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        for pragma in PRAGMAS:
            dbapi_connection.execute(pragma)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


class Database:
    """One SQLite file: `read()` and `write()` each give a connection inside one transaction.

    `write()` commits before it returns, so a caller that got past the `with` block holds an acknowledged,
    durable change (WAL with synchronous=FULL). SQLite failures the user can act on become `StoreError`.
    Connections are not shared across threads: each `with` block takes its own from the pool.
    """

    def __init__(self, engine: Engine, path: Path) -> None:
        self.engine = engine
        self.path = path

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self._translated(), self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        with self._translated(), self.engine.connect() as conn:
            conn.execution_options(sqlite_begin="IMMEDIATE")
            with conn.begin():
                yield conn

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except (DBAPIError, sqlite3.Error) as error:
            known = explain(error, self.path)
            if known is None:
                raise
            raise known from error

    def close(self) -> None:
        self.engine.dispose()
