"""Write synced rows and their outbox entries in one transaction, and turn rows into JSON payloads and back.

`save` (one row) and `save_many` (many rows of one table) are the only ways a synced row is written locally: they
upsert the row and append the change to the outbox on the same connection, so the change to push commits (or rolls
back) with the change itself. Sync's pull applies incoming rows with `store.sync_apply`, which writes no outbox entry
and keeps the newer version by HLC.

The statements are built once per table and set of columns, then executed with fresh parameters. Building them per
call (`insert(table).values(...)`, its `excluded` column collection and a new cache key) made `save` five to seven
times slower, though SQLAlchemy's compiled cache was hit every time: the cost was in making the objects, not the SQL.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence
from datetime import date, datetime
from itertools import groupby
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, Insert, Table, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from cxassist.store import tables
from cxassist.store.types import to_iso

_KEPT_ON_UPDATE = "created_at"
_OUTBOX_INSERT = insert(tables.outbox)


def to_json_value(value: Any) -> Any:
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, datetime):
        return to_iso(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def payload_of(values: dict[str, Any]) -> dict[str, Any]:
    return {key: to_json_value(value) for key, value in values.items()}


def _primary_key(table: Table) -> str:
    (column,) = table.primary_key.columns
    return column.name


@functools.lru_cache(maxsize=512)
def _upsert_statement(table: Table, columns: tuple[str, ...]) -> Insert:
    """INSERT of `columns` (the others take their defaults) that on a clash of primary keys updates every given
    column but the key and `created_at`. Cached: callers pass the same few column sets again and again."""
    key = _primary_key(table)
    statement = sqlite_insert(table)
    updates = {name: statement.excluded[name] for name in columns if name not in (key, _KEPT_ON_UPDATE)}
    return statement.on_conflict_do_update(index_elements=[key], set_=updates)


def upsert(conn: Connection, table: Table, values: dict[str, Any]) -> None:
    conn.execute(_upsert_statement(table, tuple(values)), values)


def _outbox_entry(*, entity: str, row_id: str, hlc: str, payload: dict[str, Any], now: datetime) -> dict[str, Any]:
    return {"entity": entity, "row_id": row_id, "hlc": hlc, "payload": payload, "created_at": now, "state": "pending"}


def enqueue(conn: Connection, *, entity: str, row_id: str, hlc: str, payload: dict[str, Any], now: datetime) -> None:
    conn.execute(_OUTBOX_INSERT, _outbox_entry(entity=entity, row_id=row_id, hlc=hlc, payload=payload, now=now))


def _stamped(values: dict[str, Any], *, hlc: str, now: datetime) -> dict[str, Any]:
    stamped = {**values, "hlc": hlc, "updated_at": now}
    stamped.setdefault(_KEPT_ON_UPDATE, now)
    return stamped


def save(conn: Connection, table: Table, values: dict[str, Any], *, hlc: str, now: datetime) -> None:
    """Insert or update one synced row (all columns but `created_at` on update) and queue it for sync."""
    stamped = _stamped(values, hlc=hlc, now=now)
    upsert(conn, table, stamped)
    payload = payload_of(stamped)
    enqueue(conn, entity=table.name, row_id=str(payload[_primary_key(table)]), hlc=hlc, payload=payload, now=now)


def save_many(
    conn: Connection,
    table: Table,
    rows: Sequence[dict[str, Any]],
    *,
    hlc: str | Callable[[], str],
    now: datetime,
) -> None:
    """`save` for each of `rows` (all of `table`), in order, with one executemany for the rows and one for the outbox.

    `hlc` is either one stamp for every row (a change made as one, like a caller and their numbers) or a function
    called once per row, in order, for a stamp of its own. The result is that of calling `save` row by row: the same
    columns written, `created_at` kept on update, the same payloads, outbox entries in the order of `rows` (a row
    given twice is written twice, the later winning). Rows that name different columns are written in consecutive
    runs of the same columns, since one statement writes one set of columns.
    """
    if not rows:
        return
    stamp = hlc if callable(hlc) else lambda: hlc
    stamped = [_stamped(values, hlc=stamp(), now=now) for values in rows]
    for columns, run in groupby(stamped, key=tuple):
        conn.execute(_upsert_statement(table, columns), list(run))
    key = _primary_key(table)
    entries = []
    for values in stamped:
        payload = payload_of(values)
        entries.append(
            _outbox_entry(entity=table.name, row_id=str(payload[key]), hlc=values["hlc"], payload=payload, now=now)
        )
    conn.execute(_OUTBOX_INSERT, entries)


def current_hlc(conn: Connection, table: Table, row_id: Any) -> str | None:
    key = table.primary_key.columns[_primary_key(table)]
    return conn.execute(select(table.c.hlc).where(key == row_id)).scalar_one_or_none()


def json_dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=to_json_value)
