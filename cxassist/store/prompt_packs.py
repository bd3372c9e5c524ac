"""Prompt packs published from the supervisor console: versioned rows that sync to every desktop.

Each publish of a pack name adds a row with the next version for that name (the publish counter; the pack's own
`[pack] version` is informational) and marks the name's other rows inactive. Rows are never deleted: a rollback is a
new publish of an old body. Two desktops publishing the same name at once can both leave an active row after sync;
`in_force` then takes the highest version, and between equal versions the newest stamp, so every desktop agrees.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, RowMapping, func, select

from cxassist.store import tables
from cxassist.store.rows import save

_pack = tables.prompt_pack
PUBLISHED = "published"


@dataclass(frozen=True, slots=True)
class PublishedPack:
    id: UUID
    name: str
    version: int
    body: str
    published_by: str
    published_at: datetime
    active: bool
    hlc: str


def _published(row: RowMapping) -> PublishedPack:
    return PublishedPack(
        id=row["id"],
        name=row["name"],
        version=int(row["version"]),
        body=row["body"],
        published_by=row["published_by"],
        published_at=row["created_at"],
        active=bool(row["active"]),
        hlc=row["hlc"],
    )


def highest_version(conn: Connection, name: str) -> int:
    """The highest version published under `name` (0 when none was)."""
    found = conn.execute(select(func.max(_pack.c.version)).where(_pack.c.name == name)).scalar_one_or_none()
    return int(found or 0)


def versions(conn: Connection, name: str | None = None) -> list[PublishedPack]:
    """Published rows (of one name, or all), by name, newest version first."""
    query = select(_pack).where(_pack.c.source == PUBLISHED)
    if name is not None:
        query = query.where(_pack.c.name == name)
    rows = conn.execute(query.order_by(_pack.c.name, _pack.c.version.desc(), _pack.c.hlc.desc())).mappings()
    return [_published(row) for row in rows]


def get_version(conn: Connection, name: str, version: int) -> PublishedPack | None:
    row = (
        conn.execute(
            select(_pack)
            .where(_pack.c.source == PUBLISHED, _pack.c.name == name, _pack.c.version == version)
            .order_by(_pack.c.hlc.desc())
            .limit(1)
        )
        .mappings()
        .first()
    )
    return None if row is None else _published(row)


def in_force(conn: Connection) -> list[PublishedPack]:
    """The active published pack of each name, by name (see the module docstring for concurrent publishes)."""
    chosen: dict[str, PublishedPack] = {}
    for pack in versions(conn):
        if pack.active and pack.name not in chosen:
            chosen[pack.name] = pack  # rows come newest version (then newest stamp) first within a name
    return list(chosen.values())


def save_published(conn: Connection, pack: PublishedPack, *, hlc: str, now: datetime) -> None:
    """Store `pack` as the active version of its name and mark the name's other active rows inactive, each with
    its outbox entry, in the caller's transaction."""
    for earlier in versions(conn, pack.name):
        if earlier.active and earlier.id != pack.id:
            save(conn, _pack, _values(earlier, active=False), hlc=hlc, now=now)
    save(conn, _pack, _values(pack, active=True), hlc=hlc, now=now)


def _values(pack: PublishedPack, *, active: bool) -> dict[str, Any]:
    return {
        "id": pack.id,
        "name": pack.name,
        "version": pack.version,
        "source": PUBLISHED,
        "body": pack.body,
        "published_by": pack.published_by,
        "active": active,
        "created_at": pack.published_at,
    }
