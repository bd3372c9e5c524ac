"""Conflicts between concurrent versions of a vulnerability or emergency contact (or two callers claiming one
external id): recorded by `sync_apply` on pull, listed for the agent and the supervisors, closed when settled.

A conflict's id is derived from its entity, row and the pair of versions, so every desktop names it alike, and a
settling version synced from another desktop closes the same conflict here.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, RowMapping, Table, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from cxassist.store import tables
from cxassist.store.schema import Base

conflicts: Table = Base.metadata.tables["sync_conflict"]
_NAMESPACE = uuid.UUID("8d3c52a4-5f0e-4b7e-9a35-3c1f7a2d9e10")


def record_conflict(
    conn: Connection,
    *,
    entity: str,
    row_id: str,
    caller_id: Any,
    local: tuple[str, dict[str, Any]],
    remote: tuple[str, dict[str, Any]],
    origin: str,
    now: datetime,
) -> None:
    low, high = sorted((local[0], remote[0]))
    conflict_id = uuid.uuid5(_NAMESPACE, f"{entity}:{row_id}:{low}:{high}")
    conn.execute(
        sqlite_insert(conflicts).on_conflict_do_nothing(),
        [{
            "id": conflict_id, "entity": entity, "row_id": row_id,
            "caller_id": caller_id if isinstance(caller_id, UUID) else None,
            "local_hlc": local[0], "local_payload": local[1], "remote_hlc": remote[0], "remote_payload": remote[1],
            "remote_origin": origin, "detected_at": now, "state": "open", "settled_by": "", "settled_at": None,
        }],
    )


@dataclass(frozen=True, slots=True)
class Conflict:
    id: UUID
    entity: str
    row_id: str
    caller_id: UUID | None
    local_hlc: str
    local_payload: Mapping[str, Any]
    remote_hlc: str
    remote_payload: Mapping[str, Any]
    detected_at: datetime
    state: str


def open_conflicts(conn: Connection, caller_id: UUID | None = None) -> list[Conflict]:
    """Unsettled conflicts, oldest first (the supervisors' queue, or one caller's)."""
    query = select(conflicts).where(conflicts.c.state == "open").order_by(conflicts.c.detected_at)
    if caller_id is not None:
        query = query.where(conflicts.c.caller_id == caller_id)
    return [_conflict_of(row) for row in conn.execute(query).mappings()]


def mark_settled(conn: Connection, conflict_id: UUID, *, by: str, at: datetime) -> None:
    """Close a conflict once a person chose (the chosen version is saved as a new edit by the service)."""
    conn.execute(
        update(conflicts).where(conflicts.c.id == conflict_id).values(state="settled", settled_by=by, settled_at=at)
    )


def get_conflict(conn: Connection, conflict_id: UUID) -> Conflict | None:
    row = conn.execute(select(conflicts).where(conflicts.c.id == conflict_id)).mappings().first()
    return None if row is None else _conflict_of(row)


def _conflict_of(row: RowMapping) -> Conflict:
    return Conflict(
        id=row["id"], entity=row["entity"], row_id=row["row_id"], caller_id=row["caller_id"],
        local_hlc=row["local_hlc"], local_payload=row["local_payload"], remote_hlc=row["remote_hlc"],
        remote_payload=row["remote_payload"], detected_at=row["detected_at"], state=row["state"],
    )


def close_conflict(conn: Connection, conflict_id: UUID, *, by: str, at: datetime) -> None:
    """Mark it settled and unflag its caller when none of theirs is left open (a no-op for an unknown id)."""
    caller_id = conn.execute(
        select(conflicts.c.caller_id).where(conflicts.c.id == conflict_id, conflicts.c.state == "open")
    ).scalar_one_or_none()
    mark_settled(conn, conflict_id, by=by, at=at)
    if caller_id is not None and not open_conflicts(conn, caller_id):
        conn.execute(update(tables.caller).where(tables.caller.c.id == caller_id).values(needs_attention=False))
