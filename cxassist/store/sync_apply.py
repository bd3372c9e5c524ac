"""Apply rows pulled from the central store: idempotent by (row id, hlc), newest version wins, and concurrent
edits of vulnerabilities and emergency contacts kept side by side for a person to settle.

Rules, for one incoming version V of a row whose local version is L:
- Plain tables: insert, or update only when V > L (one `INSERT .. ON CONFLICT DO UPDATE .. WHERE` per row, run as
  executemany). The same version twice, or an older one late, changes nothing.
- Vulnerability and emergency contact (`GUARDED`): every version known to be central is kept in `sync_version`.
  V already known: nothing to do. No local row, or V was made on top of L (`base == L`): apply. Otherwise both sides
  changed the row since they last agreed: keep both in `sync_conflict` (its id derived from the pair, so every
  desktop names it alike), apply the newer one to the row, and flag the caller (`needs_attention`). A caller row
  pulled later keeps the flag while an open conflict exists.
- Audit events made on other desktops go to `remote_audit_event` (their own machine's seq and chain), not into the
  local chain; our own echoed back are already here.
- A caller whose `external_id` is already held by another local caller (two desktops imported the same person) is
  kept without the id, and the clash recorded as a conflict, rather than failing the whole batch.
Nothing here writes to the outbox: pulled rows are not pushed back.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Boolean, Connection, Integer, Table, Uuid, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from cxassist.store import tables
from cxassist.store.rows import payload_of
from cxassist.store.schema import Base
from cxassist.store.sync_store import GUARDED, has_pending, remember_versions, sync_version
from cxassist.store.types import IsoDate, UtcDateTime, from_iso

conflicts: Table = Base.metadata.tables["sync_conflict"]
remote_audit: Table = Base.metadata.tables["remote_audit_event"]
_NAMESPACE = uuid.UUID("8d3c52a4-5f0e-4b7e-9a35-3c1f7a2d9e10")
SYNCED = frozenset(tables.SYNCED)


@dataclass(frozen=True, slots=True)
class Incoming:
    entity: str
    row_id: str
    version: str
    payload: Mapping[str, Any]
    origin: str
    base: str | None = None


@dataclass
class Applied:
    """What a pulled batch touched, for the views (ids are those received; a view may refresh needlessly)."""

    callers: set[UUID] = field(default_factory=set)
    interactions: set[UUID] = field(default_factory=set)
    follow_ups: set[UUID] = field(default_factory=set)
    reviews: set[UUID] = field(default_factory=set)
    prompt_pack: bool = False
    received: int = 0
    conflicts: int = 0
    skipped: int = 0


def _converter(column: Any) -> Any:
    kind = column.type
    if isinstance(kind, Uuid):
        return lambda v: v if v is None or isinstance(v, UUID) else UUID(str(v))
    if isinstance(kind, UtcDateTime):
        return lambda v: v if v is None or isinstance(v, datetime) else from_iso(str(v))
    if isinstance(kind, IsoDate):
        return lambda v: v if v is None or isinstance(v, date) else date.fromisoformat(str(v))
    if isinstance(kind, Boolean):
        return lambda v: None if v is None else bool(v)
    if isinstance(kind, Integer):
        return lambda v: None if v is None else int(v)
    return lambda v: v


_CONVERTERS: dict[str, dict[str, Any]] = {
    name: {column.name: _converter(column) for column in Base.metadata.tables[name].columns} for name in SYNCED
}
_CONVERTERS["remote_audit_event"] = {c.name: _converter(c) for c in remote_audit.columns}


def row_values(table_name: str, payload: Mapping[str, Any]) -> dict[str, Any]:
    """Column values from a JSON payload: known columns only (a newer desktop may send more), typed."""
    converters = _CONVERTERS[table_name]
    return {name: converters[name](value) for name, value in payload.items() if name in converters}


def _key_column(table: Table) -> Any:
    (column,) = table.primary_key.columns
    return column


def _upsert_if_newer(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    key = _key_column(table).name
    names = sorted({name for row in rows for name in row})
    full = [{name: row.get(name) for name in names} for row in rows] if _ragged(rows, names) else list(rows)
    statement = sqlite_insert(table)
    updates = {name: statement.excluded[name] for name in names if name not in (key, "created_at")}
    conn.execute(
        statement.on_conflict_do_update(
            index_elements=[key], set_=updates, where=table.c.hlc < statement.excluded.hlc
        ),
        full,
    )


def _ragged(rows: Sequence[dict[str, Any]], names: list[str]) -> bool:
    return any(len(row) != len(names) for row in rows)


def apply_incoming(conn: Connection, changes: Sequence[Incoming], *, own_node: str, now: datetime) -> Applied:
    applied = Applied(received=len(changes))
    plain: dict[str, list[dict[str, Any]]] = {}
    order: list[str] = []
    for change in changes:
        if change.entity not in SYNCED:
            applied.skipped += 1
            continue
        values = row_values(change.entity, change.payload)
        values["hlc"] = change.version
        _note(applied, change.entity, values)
        if change.entity == "audit_event":
            _apply_audit(conn, change, values, own_node=own_node)
        elif change.entity in GUARDED:
            _flush(conn, plain, order, now=now)
            if _apply_guarded(conn, change, values, own_node=own_node, now=now):
                applied.conflicts += 1
        else:
            if change.entity not in plain:
                plain[change.entity] = []
                order.append(change.entity)
            plain[change.entity].append(values)
    _flush(conn, plain, order, now=now)
    return applied


def _note(applied: Applied, entity: str, values: Mapping[str, Any]) -> None:
    row_id = values.get("id")
    caller_id = values.get("caller_id")
    if isinstance(caller_id, UUID):
        applied.callers.add(caller_id)
    if not isinstance(row_id, UUID):
        return
    if entity == "caller":
        applied.callers.add(row_id)
    elif entity == "interaction":
        applied.interactions.add(row_id)
        if values.get("follow_up_due") is not None:
            applied.follow_ups.add(row_id)
    elif entity == "review":
        applied.reviews.add(row_id)
    elif entity == "prompt_pack":
        applied.prompt_pack = True


def _flush(conn: Connection, plain: dict[str, list[dict[str, Any]]], order: list[str], *, now: datetime) -> None:
    """Write the plain rows gathered so far, table by table in first-seen order (parents arrive before children
    in the central order, so tables are flushed as they first appeared)."""
    for name in order:
        rows = plain[name]
        table = Base.metadata.tables[name]
        if name == "caller":
            _clear_clashing_external_ids(conn, rows, now=now)
        _upsert_if_newer(conn, table, rows)
        if name == "caller":
            _keep_flag_while_conflicts_open(conn, [row["id"] for row in rows if "id" in row])
    plain.clear()
    order.clear()


def _clear_clashing_external_ids(conn: Connection, rows: list[dict[str, Any]], *, now: datetime) -> None:
    caller = tables.caller
    wanted = {row["external_id"]: row for row in rows if row.get("external_id")}
    if not wanted:
        return
    held = conn.execute(
        select(caller.c.id, caller.c.external_id, caller.c.hlc).where(caller.c.external_id.in_(list(wanted)))
    ).all()
    for local_id, external_id, local_hlc in held:
        row = wanted[external_id]
        if row.get("id") != local_id:
            local = conn.execute(select(caller).where(caller.c.id == local_id)).mappings().one()
            _record_conflict(
                conn, entity="caller", row_id=str(row.get("id")), caller_id=local_id,
                local=(str(local_hlc), payload_of(dict(local))), remote=(str(row["hlc"]), payload_of(row)),
                origin="", now=now,
            )
            row["external_id"] = None
            row["needs_attention"] = True


def _keep_flag_while_conflicts_open(conn: Connection, caller_ids: list[Any]) -> None:
    if not caller_ids:
        return
    flagged = select(conflicts.c.caller_id).where(conflicts.c.state == "open", conflicts.c.caller_id.in_(caller_ids))
    conn.execute(update(tables.caller).where(tables.caller.c.id.in_(flagged)).values(needs_attention=True))


def _apply_audit(conn: Connection, change: Incoming, values: dict[str, Any], *, own_node: str) -> None:
    if change.origin == own_node:
        return  # our own chain already holds it
    values["origin"] = change.origin
    conn.execute(sqlite_insert(remote_audit).on_conflict_do_nothing(), [values])


def _apply_guarded(
    conn: Connection, change: Incoming, values: dict[str, Any], *, own_node: str, now: datetime
) -> bool:
    """Apply one version of a guarded row; True when it was concurrent with ours (a conflict was recorded)."""
    table = Base.metadata.tables[change.entity]
    known = conn.execute(
        select(sync_version.c.hlc).where(
            sync_version.c.entity == change.entity,
            sync_version.c.row_id == change.row_id,
            sync_version.c.hlc == change.version,
        )
    ).first()
    if known is not None:
        return False
    pending = has_pending(conn, change.entity, change.row_id)
    remember_versions(conn, [(change.entity, change.row_id, change.version)], is_base=not pending)
    key = _key_column(table)
    local = conn.execute(select(table).where(key == values.get("id"))).mappings().first()
    concurrent = (
        local is not None
        and change.origin != own_node
        and local["hlc"] != change.version
        and change.base != local["hlc"]
    )
    if concurrent and local is not None:
        caller_id = values.get("caller_id") or local["caller_id"]
        _record_conflict(
            conn, entity=change.entity, row_id=change.row_id, caller_id=caller_id,
            local=(str(local["hlc"]), payload_of(dict(local))), remote=(change.version, dict(change.payload)),
            origin=change.origin, now=now,
        )
        conn.execute(update(tables.caller).where(tables.caller.c.id == caller_id).values(needs_attention=True))
    _upsert_if_newer(conn, table, [values])
    return concurrent


def _record_conflict(
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
    return [
        Conflict(
            id=r["id"], entity=r["entity"], row_id=r["row_id"], caller_id=r["caller_id"],
            local_hlc=r["local_hlc"], local_payload=r["local_payload"], remote_hlc=r["remote_hlc"],
            remote_payload=r["remote_payload"], detected_at=r["detected_at"], state=r["state"],
        )
        for r in conn.execute(query).mappings()
    ]


def mark_settled(conn: Connection, conflict_id: UUID, *, by: str, at: datetime) -> None:
    """Close a conflict once a person chose (the chosen version is saved as a new edit by the service)."""
    conn.execute(
        update(conflicts).where(conflicts.c.id == conflict_id).values(state="settled", settled_by=by, settled_at=at)
    )
