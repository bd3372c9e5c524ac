"""The local side of sync: draining the outbox, sync state (cursors, last success) and the rejected changes.

Every function takes a connection inside a transaction the caller opened (`Database.write()` / `read()`), so the
runner decides what commits together: above all, pulled rows and the cursor that follows them.

`base` of a pending change is the version its edit replaced, as far as sync knows: the previous pending change of
the same row, else the newest version recorded in `sync_version` (only vulnerabilities and emergency contacts keep
these, because only their concurrent edits are kept side by side; see `sync_apply`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, delete, func, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from cxassist.store import tables
from cxassist.store.schema import Base

GUARDED = frozenset({"emergency_contact", "vulnerability"})

_outbox = tables.outbox
_state = tables.sync_state
sync_version: Table = Base.metadata.tables["sync_version"]


@dataclass(frozen=True, slots=True)
class PendingChange:
    seq: int
    entity: str
    row_id: str
    hlc: str
    payload: Mapping[str, Any]
    base: str | None
    attempts: int


@dataclass(frozen=True, slots=True)
class RejectedChange:
    seq: int
    entity: str
    row_id: str
    hlc: str
    reason: str
    created_at: datetime


def pending_batch(conn: Connection, limit: int) -> list[PendingChange]:
    """The oldest `limit` pending changes, in the order they were made."""
    rows = conn.execute(
        select(_outbox).where(_outbox.c.state == "pending").order_by(_outbox.c.seq).limit(limit)
    ).mappings()
    batch: list[PendingChange] = []
    previous: dict[tuple[str, str], str] = {}
    for row in rows:
        ident = (row["entity"], row["row_id"])
        base = None
        if row["entity"] in GUARDED:
            base = previous.get(ident) or _base_before(conn, row["entity"], row["row_id"], row["hlc"], row["seq"])
            previous[ident] = row["hlc"]
        batch.append(
            PendingChange(
                seq=row["seq"], entity=row["entity"], row_id=row["row_id"], hlc=row["hlc"],
                payload=row["payload"], base=base, attempts=row["attempts"],
            )
        )
    return batch


def _base_before(conn: Connection, entity: str, row_id: str, hlc: str, seq: int) -> str | None:
    earlier = conn.execute(
        select(_outbox.c.hlc)
        .where(_outbox.c.entity == entity, _outbox.c.row_id == row_id, _outbox.c.seq < seq)
        .order_by(_outbox.c.seq.desc())
        .limit(1)
    ).scalar_one_or_none()
    if earlier is not None:
        return str(earlier)
    known = conn.execute(
        select(func.max(sync_version.c.hlc)).where(
            sync_version.c.entity == entity,
            sync_version.c.row_id == row_id,
            sync_version.c.hlc < hlc,
            sync_version.c.is_base,
        )
    ).scalar_one_or_none()
    return None if known is None else str(known)


def count_attempt(conn: Connection, seqs: Sequence[int]) -> None:
    conn.execute(update(_outbox).where(_outbox.c.seq.in_(seqs)).values(attempts=_outbox.c.attempts + 1))


def settle_push(
    conn: Connection, batch: Sequence[PendingChange], *, accepted: Iterable[int], rejected: Mapping[int, str]
) -> None:
    """Delete what the store accepted, keep what it refused (state 'rejected', with the reason), and remember the
    accepted versions of guarded rows. Changes in neither set stay pending."""
    done = set(accepted)
    if done:
        conn.execute(delete(_outbox).where(_outbox.c.seq.in_(sorted(done))))
    for seq, reason in rejected.items():
        conn.execute(
            update(_outbox).where(_outbox.c.seq == seq).values(state="rejected", reject_reason=reason[:2000])
        )
    remember_versions(conn, [(c.entity, c.row_id, c.hlc) for c in batch if c.seq in done and c.entity in GUARDED])


def remember_versions(
    conn: Connection, versions: Sequence[tuple[str, str, str]], *, is_base: bool = True
) -> None:
    """Record versions of guarded rows as known to be central; `is_base=False` for one that a pending local edit
    was not made on top of (so it is not offered as that edit's base)."""
    if versions:
        statement = sqlite_insert(sync_version).on_conflict_do_nothing()
        rows = [{"entity": e, "row_id": r, "hlc": h, "is_base": is_base} for e, r, h in versions]
        conn.execute(statement, rows)


def has_pending(conn: Connection, entity: str, row_id: str) -> bool:
    found = conn.execute(
        select(_outbox.c.seq)
        .where(_outbox.c.entity == entity, _outbox.c.row_id == row_id, _outbox.c.state == "pending")
        .limit(1)
    ).first()
    return found is not None


def counts(conn: Connection) -> dict[str, int]:
    rows = conn.execute(select(_outbox.c.state, func.count()).group_by(_outbox.c.state)).all()
    found = {str(state): int(n) for state, n in rows}
    return {"pending": found.get("pending", 0), "rejected": found.get("rejected", 0)}


def rejected_changes(conn: Connection, *, limit: int = 100) -> list[RejectedChange]:
    rows = conn.execute(
        select(_outbox).where(_outbox.c.state == "rejected").order_by(_outbox.c.seq).limit(limit)
    ).mappings()
    return [
        RejectedChange(
            seq=r["seq"], entity=r["entity"], row_id=r["row_id"], hlc=r["hlc"], reason=r["reject_reason"],
            created_at=r["created_at"],
        )
        for r in rows
    ]


def requeue_rejected(conn: Connection, seqs: Sequence[int] | None = None) -> int:
    """Put rejected changes back in the queue (after IT fixed the cause); returns how many."""
    statement = update(_outbox).where(_outbox.c.state == "rejected")
    if seqs is not None:
        statement = statement.where(_outbox.c.seq.in_(seqs))
    result = conn.execute(statement.values(state="pending", reject_reason=""))
    return int(result.rowcount)


def get_state(conn: Connection, key: str) -> str | None:
    value = conn.execute(select(_state.c.value).where(_state.c.key == key)).scalar_one_or_none()
    return None if value is None else str(value)


def get_states(conn: Connection, prefix: str) -> dict[str, str]:
    rows = conn.execute(select(_state.c.key, _state.c.value).where(_state.c.key.startswith(prefix))).all()
    return {str(k): str(v) for k, v in rows}


def set_state(conn: Connection, key: str, value: str) -> None:
    statement = sqlite_insert(_state).values(key=key, value=value)
    conn.execute(statement.on_conflict_do_update(index_elements=["key"], set_={"value": statement.excluded.value}))


def delete_state(conn: Connection, key: str) -> None:
    conn.execute(delete(_state).where(_state.c.key == key))
