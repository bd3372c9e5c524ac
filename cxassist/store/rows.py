"""Write a synced row and its outbox entry in one transaction, and turn rows into JSON payloads and back.

`save` is the only way a synced row is written locally: it upserts the row and appends the change to the outbox on
the same connection, so the change to push commits (or rolls back) with the change itself. Sync's pull applies
incoming rows with `apply_incoming`, which writes no outbox entry and keeps the newer version by HLC.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, Table, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from cxassist.store import tables
from cxassist.store.types import to_iso


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


def upsert(conn: Connection, table: Table, values: dict[str, Any]) -> None:
    key = _primary_key(table)
    statement = sqlite_insert(table).values(**values)
    updates = {name: statement.excluded[name] for name in values if name not in (key, "created_at")}
    conn.execute(statement.on_conflict_do_update(index_elements=[key], set_=updates))


def enqueue(conn: Connection, *, entity: str, row_id: str, hlc: str, payload: dict[str, Any], now: datetime) -> None:
    conn.execute(
        insert(tables.outbox).values(
            entity=entity, row_id=row_id, hlc=hlc, payload=payload, created_at=now, state="pending"
        )
    )


def save(conn: Connection, table: Table, values: dict[str, Any], *, hlc: str, now: datetime) -> None:
    """Insert or update one synced row (all columns but `created_at` on update) and queue it for sync."""
    stamped = {**values, "hlc": hlc, "updated_at": now}
    stamped.setdefault("created_at", now)
    upsert(conn, table, stamped)
    key = _primary_key(table)
    conn_payload = payload_of(stamped)
    enqueue(conn, entity=table.name, row_id=str(conn_payload[key]), hlc=hlc, payload=conn_payload, now=now)


def current_hlc(conn: Connection, table: Table, row_id: Any) -> str | None:
    key = table.primary_key.columns[_primary_key(table)]
    return conn.execute(select(table.c.hlc).where(key == row_id)).scalar_one_or_none()


def json_dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=to_json_value)
