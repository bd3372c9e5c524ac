"""Apply rows pulled from the central store: idempotent by (row id, hlc), newest version wins, and concurrent
edits of vulnerabilities and emergency contacts kept side by side for a person to settle.

Rules, for one incoming version V of a row whose local version is L:
- Plain tables: insert, or update only when V > L (one `INSERT .. ON CONFLICT DO UPDATE .. WHERE` per row, run as
  executemany, in bulk: store/sync_rows.py). The same version twice, or an older one late, changes nothing.
- Vulnerability and emergency contact (`GUARDED`): every version known to be central is kept in `sync_version`.
  V already known: nothing to do. No local row, or V was made on top of L (`base == L`): apply. Otherwise both sides
  changed the row since they last agreed: keep both in `sync_conflict` (its id derived from the pair, so every
  desktop names it alike), apply the newer one to the row, and flag the caller (`needs_attention`). A caller row
  pulled later keeps the flag while an open conflict exists.
- Audit events made on other desktops go to `remote_audit_event` (their own machine's seq and chain), not into the
  local chain; our own echoed back are already here.
- A version saved to settle a conflict carries `settles_conflict` (the conflict's id, alike everywhere) and
  `settled_by` in its payload, beside the row's columns: each desktop that receives it closes its own copy of the
  conflict, and unflags the caller once none is left open.
- A caller whose `external_id` is already held by another local caller (two desktops imported the same person) is
  kept without the id, and the clash recorded as a conflict, rather than failing the whole batch.
- The history window (`history_from`, for pulls): an interaction that started before it, and that this desktop
  does not hold already, is skipped, and so are the rows that hang off it (emergency actions, prompt events, ...):
  a row whose interaction is held neither here nor in the batch. Such history comes later through `fetch_history`.
Nothing here writes to the outbox: pulled rows are not pushed back.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from cxassist.store import fts, tables
from cxassist.store.rows import enqueue, payload_of, upsert
from cxassist.store.schema import Base
from cxassist.store.sync_conflicts import Conflict, close_conflict, record_conflict
from cxassist.store.sync_rows import (
    SLICE,
    SYNCED,
    IncomingChange,
    columns_of,
    key_column,
    known_columns,
    remote_audit,
    row_values,
    storage_rows,
    upsert_if_newer,
    upsert_if_newer_sql,
)
from cxassist.store.sync_store import GUARDED, has_pending, remember_versions, sync_version
from cxassist.store.types import from_iso

# Synced tables whose rows belong to one interaction: table -> whether the link may be empty (then it is cleared
# rather than the row skipped, when the interaction is outside the history window).
INTERACTION_CHILDREN: dict[str, bool] = {
    name: column.nullable is True
    for name in SYNCED
    for column in Base.metadata.tables[name].columns
    if column.name == "interaction_id" and any(fk.column.table.name == "interaction" for fk in column.foreign_keys)
}


_WINDOWED = frozenset({"interaction", *INTERACTION_CHILDREN})


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


def apply_incoming(
    conn: Connection,
    changes: Sequence[IncomingChange],
    *,
    own_node: str,
    now: datetime,
    history_from: datetime | None = None,
) -> Applied:
    applied = Applied(received=len(changes))
    if history_from is not None:
        kept = within_window(conn, changes, history_from)
        applied.skipped += len(changes) - len(kept)
        changes = kept
    plain: dict[str, list[IncomingChange]] = {}
    noted = _Noted()
    for change in changes:
        if change.entity not in SYNCED:
            applied.skipped += 1
            continue
        if change.entity == "audit_event" or change.entity in GUARDED:
            values = row_values(change.entity, change.payload)
            values["hlc"] = change.version
            _note(applied, change.entity, values)
            if change.entity == "audit_event":
                _apply_audit(conn, change, values, own_node=own_node)
                continue
            _flush(conn, plain, noted, now=now)
            if _apply_guarded(conn, change, values, own_node=own_node, now=now):
                applied.conflicts += 1
        else:
            plain.setdefault(change.entity, []).append(change)
    _flush(conn, plain, noted, now=now)
    noted.into(applied)
    return applied


def within_window(
    conn: Connection, changes: Sequence[IncomingChange], history_from: datetime
) -> list[IncomingChange]:
    """The changes a desktop keeping history from `history_from` takes (see the module docstring)."""
    if not {change.entity for change in changes} & _WINDOWED:
        return list(changes)  # callers and their numbers, say: always pulled in full
    interaction = tables.interaction
    started = {c.row_id: _started_at(c) for c in changes if c.entity == "interaction"}
    linked = {
        str(c.payload.get("interaction_id"))
        for c in changes if c.entity in INTERACTION_CHILDREN and c.payload.get("interaction_id")
    }
    asked = sorted(set(started) | linked)
    held: set[str] = set()
    for start in range(0, len(asked), 500):
        ids = [_uuid(text) for text in asked[start : start + 500]]
        found = conn.execute(select(interaction.c.id).where(interaction.c.id.in_([i for i in ids if i])))
        held.update(str(row_id) for row_id in found.scalars())
    recent = {row_id for row_id, at in started.items() if at is None or at >= history_from}
    present = held | recent
    kept: list[IncomingChange] = []
    for change in changes:
        if change.entity == "interaction" and change.row_id not in present:
            continue
        parent = change.payload.get("interaction_id")
        if change.entity in INTERACTION_CHILDREN and parent and str(parent) not in present:
            if not INTERACTION_CHILDREN[change.entity]:
                continue
            change = Incoming(
                entity=change.entity, row_id=change.row_id, version=change.version,
                payload={**change.payload, "interaction_id": None}, origin=change.origin, base=change.base,
            )
        kept.append(change)
    return kept


def _started_at(change: IncomingChange) -> datetime | None:
    text = change.payload.get("started_at")
    try:
        return from_iso(str(text)) if text else None
    except ValueError:
        return None  # unreadable: keep the row rather than lose it


def _uuid(text: str) -> UUID | None:
    try:
        return UUID(text)
    except ValueError:
        return None


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


class _Noted:
    """Ids a batch touched, gathered as text (cheap per row) and made UUIDs once per batch."""

    def __init__(self) -> None:
        self.callers: set[str] = set()
        self.interactions: set[str] = set()
        self.follow_ups: set[str] = set()
        self.reviews: set[str] = set()
        self.prompt_pack = False

    def add(self, entity: str, changes: Sequence[IncomingChange]) -> None:
        payloads = [change.payload for change in changes]
        if entity == "caller":
            self.callers.update(str(p["id"]) for p in payloads if p.get("id"))
        if entity == "interaction":
            self.interactions.update(str(p["id"]) for p in payloads if p.get("id"))
            self.follow_ups.update(str(p["id"]) for p in payloads if p.get("id") and p.get("follow_up_due") is not None)
        elif entity == "review":
            self.reviews.update(str(p["id"]) for p in payloads if p.get("id"))
        elif entity == "prompt_pack":
            self.prompt_pack = True
        if "caller_id" in known_columns(entity):
            self.callers.update(str(p["caller_id"]) for p in payloads if p.get("caller_id"))

    def into(self, applied: Applied) -> None:
        for texts, ids in ((self.callers, applied.callers), (self.interactions, applied.interactions),
                           (self.follow_ups, applied.follow_ups), (self.reviews, applied.reviews)):
            ids.update(found for found in map(_uuid, texts) if found is not None)
        applied.prompt_pack = applied.prompt_pack or self.prompt_pack


def _flush(conn: Connection, plain: dict[str, list[IncomingChange]], noted: _Noted, *, now: datetime) -> None:
    """Write the plain rows gathered so far, table by table in first-seen order (parents arrive before children
    in the central order, so tables are flushed as they first appeared)."""
    for name, gathered in plain.items():
        # In slices: each whole-column step below is one C call holding the GIL, so its length bounds how long
        # the window waits for it.
        for start in range(0, len(gathered), SLICE):
            changes = gathered[start : start + SLICE]
            columns = columns_of(name, changes)
            rows = storage_rows(name, changes, columns)
            noted.add(name, changes)
            clashed = _clear_clashing_external_ids(conn, changes, columns, rows, now=now) if name == "caller" else []
            if name != "caller":
                conn.exec_driver_sql(upsert_if_newer_sql(name, columns), rows)
            else:
                _upsert_callers(conn, upsert_if_newer_sql(name, columns), rows)
                _flag_clashed(conn, clashed)
                key_at = columns.index("id")
                _keep_flag_while_conflicts_open(conn, [row[key_at] for row in rows])
    plain.clear()


_SEARCH_TRIGGER = fts.insert_trigger("caller_fts")
_INDEX_NEW_CALLERS = fts.index_rows_above_sql("caller_fts")
_BULK_INDEX_FROM = 64  # rows: fewer are indexed by the trigger, not worth two schema changes
_LARGEST_ROWID = 2**63 - 1


def _upsert_callers(conn: Connection, sql: str, rows: list[tuple[Any, ...]]) -> None:
    """Write callers, indexing the new ones for search in one statement rather than one trigger call per row.

    Row by row, the search index (FTS5) costs about 30 µs a caller, most of a first pull's SQLite time; one
    INSERT .. SELECT over the page's new rows costs about 3 µs. So the insert trigger is dropped, the rows written,
    the new rowids (all above the largest before, since updates keep theirs) indexed, and the trigger created again
    from its own stored text, all in the caller's transaction: a crash or a failure keeps the trigger and the index
    exactly as they were. Updated callers go through the update trigger as before."""
    trigger = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (_SEARCH_TRIGGER,)
    ).scalar()
    last = conn.exec_driver_sql("SELECT coalesce(max(rowid), 0) FROM caller").scalar_one()
    if trigger is None or len(rows) < _BULK_INDEX_FROM or last >= _LARGEST_ROWID:
        conn.exec_driver_sql(sql, rows)  # at the largest rowid, SQLite numbers new rows at random
        return
    conn.exec_driver_sql(f"DROP TRIGGER {_SEARCH_TRIGGER}")
    conn.exec_driver_sql(sql, rows)
    conn.exec_driver_sql(_INDEX_NEW_CALLERS, (last,))
    conn.exec_driver_sql(str(trigger))


def _clear_clashing_external_ids(
    conn: Connection, changes: Sequence[IncomingChange], columns: tuple[str, ...], rows: list[tuple[Any, ...]],
    *, now: datetime,
) -> list[tuple[str, str]]:
    """Keep a caller whose external id another local caller holds without that id, recording the clash; returns
    the (stored id, version) of each such caller, to flag once written."""
    if "external_id" not in columns:
        return []
    at, key_at = columns.index("external_id"), columns.index("id")
    wanted = {row[at]: index for index, row in enumerate(rows) if row[at]}
    if not wanted:
        return []
    held = conn.exec_driver_sql(
        "SELECT id, external_id, hlc FROM caller WHERE external_id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(wanted)),),
    ).all()
    caller = tables.caller
    clashed: list[tuple[str, str]] = []
    for local_id, external_id, local_hlc in held:
        index = wanted[external_id]
        row, change = rows[index], changes[index]
        if row[key_at] != local_id:
            local = conn.execute(select(caller).where(caller.c.id == UUID(hex=local_id))).mappings().one()
            remote = {name: value for name, value in change.payload.items() if name in known_columns("caller")}
            remote["hlc"] = change.version
            record_conflict(
                conn, entity="caller", row_id=change.row_id, caller_id=local["id"],
                local=(str(local_hlc), payload_of(dict(local))), remote=(change.version, remote),
                origin="", now=now,
            )
            rows[index] = (*row[:at], None, *row[at + 1 :])
            clashed.append((row[key_at], change.version))
    return clashed


def _flag_clashed(conn: Connection, clashed: list[tuple[str, str]]) -> None:
    """Flag the callers kept without their external id, where the version that clashed is the one now stored."""
    if clashed:
        conn.exec_driver_sql("UPDATE caller SET needs_attention = 1 WHERE id = ? AND hlc = ?", clashed)


def _keep_flag_while_conflicts_open(conn: Connection, stored_ids: list[str]) -> None:
    if not stored_ids:
        return
    if conn.exec_driver_sql("SELECT 1 FROM sync_conflict WHERE state = 'open' LIMIT 1").first() is None:
        return
    conn.exec_driver_sql(
        "UPDATE caller SET needs_attention = 1 WHERE id IN (SELECT value FROM json_each(?)) AND id IN "
        "(SELECT caller_id FROM sync_conflict WHERE state = 'open')",
        (json.dumps(stored_ids),),
    )


def _apply_audit(conn: Connection, change: IncomingChange, values: dict[str, Any], *, own_node: str) -> None:
    if change.origin == own_node:
        return  # our own chain already holds it
    values["origin"] = change.origin
    conn.execute(sqlite_insert(remote_audit).on_conflict_do_nothing(), [values])


def _apply_guarded(
    conn: Connection, change: IncomingChange, values: dict[str, Any], *, own_node: str, now: datetime
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
    settles = change.payload.get("settles_conflict")
    if isinstance(settles, str) and _uuid(settles) is not None:
        settled_by = str(change.payload.get("settled_by") or change.origin)
        close_conflict(conn, UUID(settles), by=settled_by, at=now)
    pending = has_pending(conn, change.entity, change.row_id)
    remember_versions(conn, [(change.entity, change.row_id, change.version)], is_base=not pending)
    key = key_column(table)
    local = conn.execute(select(table).where(key == values.get("id"))).mappings().first()
    concurrent = (
        local is not None
        and change.origin != own_node
        and local["hlc"] != change.version
        and change.base != local["hlc"]
    )
    if concurrent and local is not None:
        caller_id = values.get("caller_id") or local["caller_id"]
        record_conflict(
            conn, entity=change.entity, row_id=change.row_id, caller_id=caller_id,
            local=(str(local["hlc"]), payload_of(dict(local))), remote=(change.version, dict(change.payload)),
            origin=change.origin, now=now,
        )
        conn.execute(update(tables.caller).where(tables.caller.c.id == caller_id).values(needs_attention=True))
    upsert_if_newer(conn, table, [values])
    return concurrent


def settle(conn: Connection, conflict: Conflict, *, keep_version: str, by: str, hlc: str, now: datetime) -> None:
    """Save the version a person kept as a new version of the row (queued for sync, marked as settling this
    conflict), close the conflict and unflag the caller when nothing else is open. One transaction: the caller's."""
    versions = {conflict.local_hlc: conflict.local_payload, conflict.remote_hlc: conflict.remote_payload}
    if conflict.entity not in GUARDED or keep_version not in versions:
        raise ValueError(f"{keep_version!r} is not one of the versions of conflict {conflict.id}")
    values = row_values(conflict.entity, versions[keep_version])
    values.update(hlc=hlc, updated_at=now)
    table = Base.metadata.tables[conflict.entity]
    upsert(conn, table, values)
    payload = {**payload_of(values), "settles_conflict": str(conflict.id), "settled_by": by}
    enqueue(conn, entity=conflict.entity, row_id=conflict.row_id, hlc=hlc, payload=payload, now=now)
    close_conflict(conn, conflict.id, by=by, at=now)
