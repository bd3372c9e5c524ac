"""The audit trail: a hash chain, so an edited or deleted event shows as a broken link.

Each event's hash covers its content and the previous event's hash (on this machine, in `seq` order). The chain
proves tampering with the local file; it does not stop someone who can rewrite the whole chain, which is why audit
events also sync to the central store.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from sqlalchemy import Connection, RowMapping, func, select

from cxassist.store import tables
from cxassist.store.rows import json_dumps, save
from cxassist.store.types import to_iso

_audit = tables.audit_event
GENESIS = "0" * 64


def event_hash(*, prev_hash: str, at: datetime, actor: str, action: str, subject: str, detail: str) -> str:
    body = json_dumps([prev_hash, to_iso(at), actor, action, subject, detail])
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def append(
    conn: Connection,
    *,
    event_id: UUID,
    at: datetime,
    actor: str,
    action: str,
    subject: str = "",
    detail: str = "",
    hlc: str,
) -> str:
    last = conn.execute(select(_audit.c.seq, _audit.c.hash).order_by(_audit.c.seq.desc()).limit(1)).first()
    seq, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS)
    digest = event_hash(prev_hash=prev_hash, at=at, actor=actor, action=action, subject=subject, detail=detail)
    values = {
        "id": event_id,
        "seq": seq,
        "at": at,
        "actor": actor,
        "action": action,
        "subject": subject,
        "detail": detail,
        "prev_hash": prev_hash,
        "hash": digest,
    }
    save(conn, _audit, values, hlc=hlc, now=at)
    return digest


@dataclass(frozen=True, slots=True)
class ChainReport:
    events: int
    broken_at: tuple[int, ...]  # seq numbers whose link or content does not check out

    @property
    def intact(self) -> bool:
        return not self.broken_at


def verify(conn: Connection) -> ChainReport:
    broken: list[int] = []
    expected_prev = GENESIS
    count = 0
    for row in conn.execute(select(_audit).order_by(_audit.c.seq)).mappings():
        count += 1
        digest = event_hash(
            prev_hash=row["prev_hash"],
            at=row["at"],
            actor=row["actor"],
            action=row["action"],
            subject=row["subject"],
            detail=row["detail"],
        )
        if row["prev_hash"] != expected_prev or digest != row["hash"]:
            broken.append(row["seq"])
        expected_prev = row["hash"]
    return ChainReport(events=count, broken_at=tuple(broken))


def count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(_audit)).scalar_one())


@dataclass(frozen=True, slots=True)
class AuditEvent:
    seq: int  # this machine's order of events; newest is highest
    id: UUID
    at: datetime
    actor: str
    action: str
    subject: str
    detail: str


def _event_from(row: RowMapping) -> AuditEvent:
    return AuditEvent(
        seq=row["seq"], id=row["id"], at=row["at"], actor=row["actor"], action=row["action"], subject=row["subject"],
        detail=row["detail"],
    )  # fmt: skip


def page(
    conn: Connection, *, before: int | None = None, action: str = "", actor: str = "", limit: int = 100
) -> list[AuditEvent]:
    """Up to `limit` events newest first, with `seq` below `before` (keyset paging: never OFFSET); `action` and
    `actor`, when given, must match exactly."""
    statement = select(_audit).order_by(_audit.c.seq.desc()).limit(limit)
    if before is not None:
        statement = statement.where(_audit.c.seq < before)
    if action:
        statement = statement.where(_audit.c.action == action)
    if actor:
        statement = statement.where(_audit.c.actor == actor)
    return [_event_from(row) for row in conn.execute(statement).mappings()]


def events_at(conn: Connection, seqs: list[int]) -> list[AuditEvent]:
    """The events with these `seq` numbers, in `seq` order."""
    statement = select(_audit).where(_audit.c.seq.in_(seqs)).order_by(_audit.c.seq)
    return [_event_from(row) for row in conn.execute(statement).mappings()]


def distinct_values(conn: Connection, column: str, *, limit: int = 200) -> list[str]:
    """The different actions (or actors) in the trail, in alphabetical order: what the filters offer."""
    col = {"action": _audit.c.action, "actor": _audit.c.actor}[column]
    rows = conn.execute(select(col).distinct().order_by(col).limit(limit))
    return [row[0] for row in rows]
