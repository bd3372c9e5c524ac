"""Audit events for reading or changing sensitive records (vulnerabilities, emergency contacts).

Each event is appended to the tamper-evident chain in `store.audit` inside a write transaction, with its outbox row,
so it syncs like any other change.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Connection

from cxassist.services.changes import Changes, Done
from cxassist.services.runtime import Runtime
from cxassist.store import audit


class AuditAction(StrEnum):
    VIEWED_VULNERABILITIES = "viewed-vulnerabilities"
    VIEWED_EMERGENCY_CONTACTS = "viewed-emergency-contacts"
    ENTERED_EMERGENCY_MODE = "entered-emergency-mode"
    SAVED_VULNERABILITY = "saved-vulnerability"
    SAVED_EMERGENCY_CONTACT = "saved-emergency-contact"


def append_event(conn: Connection, runtime: Runtime, *, action: AuditAction, subject: str, detail: str = "") -> None:
    """Append one event on an open write connection (for services that audit as part of their own write)."""
    audit.append(
        conn, event_id=runtime.new_id(), at=runtime.now(), actor=runtime.agent_id, action=action.value,
        subject=subject, detail=detail, hlc=runtime.stamp(),
    )


def record(runtime: Runtime, *, action: AuditAction, subject: str, detail: str = "") -> Done[None]:
    """Write one audit event in its own transaction; returns after the commit."""
    with runtime.db.write() as conn:
        append_event(conn, runtime, action=action, subject=subject, detail=detail)
    return Done(None, Changes(outbox_pending=True))
