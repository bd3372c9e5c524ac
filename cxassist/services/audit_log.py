"""Audit events for reading or changing sensitive records (vulnerabilities, emergency contacts), and reading the
trail back for the console: a page at a time, newest first, and a check of the hash chain.

Each event is appended to the tamper-evident chain in `store.audit` inside a write transaction, with its outbox row,
so it syncs like any other change. The trail read here is this desktop's own chain (`audit_event`); events pulled
from other desktops are kept apart, in their own chains.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Connection

from cxassist.domain.errors import UserError
from cxassist.services.changes import Changes, Done
from cxassist.services.runtime import Runtime
from cxassist.store import audit


class AuditAction(StrEnum):
    VIEWED_VULNERABILITIES = "viewed-vulnerabilities"
    VIEWED_EMERGENCY_CONTACTS = "viewed-emergency-contacts"
    ENTERED_EMERGENCY_MODE = "entered-emergency-mode"
    SAVED_VULNERABILITY = "saved-vulnerability"
    SAVED_EMERGENCY_CONTACT = "saved-emergency-contact"
    REMOVED_EMERGENCY_CONTACT = "removed-emergency-contact"
    ENDED_VULNERABILITY = "ended-vulnerability"


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


MAX_PAGE = 500
MAX_BROKEN_SHOWN = 20


@dataclass(frozen=True, slots=True)
class AuditPage:
    events: list[audit.AuditEvent]
    before: int | None  # pass as `before` for the next page; None at the end


def events_page(
    runtime: Runtime, *, before: int | None = None, action: str = "", actor: str = "", size: int = 100
) -> AuditPage:
    """One page of the trail, newest first; `action` and `actor` filter exactly (empty: any)."""
    if not 1 <= size <= MAX_PAGE:
        raise UserError(f"A page of the audit log holds 1 to {MAX_PAGE} events, not {size}.")
    with runtime.db.read() as conn:
        events = audit.page(conn, before=before, action=action.strip(), actor=actor.strip(), limit=size)
    more = len(events) == size
    return AuditPage(events=events, before=events[-1].seq if more else None)


@dataclass(frozen=True, slots=True)
class AuditFilterChoices:
    actions: list[str]
    actors: list[str]


def filter_choices(runtime: Runtime) -> AuditFilterChoices:
    """The actions and the people found in the trail, for the console's filters."""
    with runtime.db.read() as conn:
        return AuditFilterChoices(
            actions=audit.distinct_values(conn, "action"), actors=audit.distinct_values(conn, "actor")
        )


@dataclass(frozen=True, slots=True)
class ChainCheck:
    events: int
    broken: list[audit.AuditEvent]  # the first events whose link or content does not check out, oldest first
    broken_count: int

    @property
    def intact(self) -> bool:
        return self.broken_count == 0


def check_chain(runtime: Runtime) -> ChainCheck:
    """Walk the whole chain (slow on a long trail: run it off the main thread). An edited event breaks its own
    link; a deleted one breaks the link of the event after it."""
    with runtime.db.read() as conn:
        report = audit.verify(conn)
        shown = audit.events_at(conn, list(report.broken_at[:MAX_BROKEN_SHOWN])) if report.broken_at else []
    return ChainCheck(events=report.events, broken=shown, broken_count=len(report.broken_at))
