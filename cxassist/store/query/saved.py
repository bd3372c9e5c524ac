"""Saved filter sets: a supervisor's named queries. Local to this desktop (like drafts), so they are written with a
plain upsert and no outbox entry; the body is `InteractionQuery.to_json()`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from sqlalchemy import Connection, delete, select

from cxassist.store import tables
from cxassist.store.query.model import InteractionQuery
from cxassist.store.rows import upsert

_saved = tables.saved_filter


@dataclass(frozen=True, slots=True)
class SavedFilter:
    id: UUID
    owner: str
    name: str
    query: InteractionQuery
    updated_at: datetime


def find(conn: Connection, *, owner: str, name: str) -> UUID | None:
    statement = select(_saved.c.id).where(_saved.c.owner == owner, _saved.c.name == name)
    found: UUID | None = conn.execute(statement).scalar_one_or_none()
    return found


def save(conn: Connection, item: SavedFilter) -> None:
    values = {
        "id": item.id,
        "owner": item.owner,
        "name": item.name,
        "body": item.query.to_json(),
        "updated_at": item.updated_at,
    }
    upsert(conn, _saved, values)


def list_for(conn: Connection, owner: str) -> list[SavedFilter]:
    rows = conn.execute(select(_saved).where(_saved.c.owner == owner).order_by(_saved.c.name)).mappings()
    return [
        SavedFilter(
            id=row["id"],
            owner=row["owner"],
            name=row["name"],
            query=InteractionQuery.from_json(row["body"]),
            updated_at=row["updated_at"],
        )
        for row in rows
    ]


def remove(conn: Connection, *, owner: str, filter_id: UUID) -> bool:
    result = conn.execute(delete(_saved).where(_saved.c.id == filter_id, _saved.c.owner == owner))
    return bool(result.rowcount)
