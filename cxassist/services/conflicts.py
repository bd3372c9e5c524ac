"""Settle a conflict: the same vulnerability or emergency contact was changed on two desktops at once, so sync kept
both versions and flagged the caller. A person compares them field by field and keeps one.

Keeping a version saves it as a new version of the row (it syncs, and tells every other desktop that this conflict
is settled), closes the conflict and, when none of the caller's is left open, clears the caller's flag: all in one
transaction, audited like any other change to a sensitive record.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from cxassist.domain.errors import NotFoundError, UserError
from cxassist.services.audit_log import AuditAction, append_event
from cxassist.services.changes import Changes, Done
from cxassist.services.runtime import Runtime
from cxassist.store import sync_apply, sync_conflicts
from cxassist.store.sync_store import GUARDED

# The fields a person compares, in the order the dialog shows them.
FIELDS: Mapping[str, tuple[str, ...]] = {
    "vulnerability": (
        "driver", "detail", "adjustments", "review_by", "consent_how", "consent_by", "consent_at", "recorded_by",
        "deleted_at",
    ),
    "emergency_contact": (
        "name", "relationship", "phones", "may_contact_for", "priority", "consent_how", "consent_by", "consent_at",
        "deleted_at",
    ),
}


@dataclass(frozen=True, slots=True)
class FieldComparison:
    name: str
    first: str
    second: str

    @property
    def differs(self) -> bool:
        return self.first != self.second


@dataclass(frozen=True, slots=True)
class Version:
    hlc: str
    saved_at: str  # ISO 8601 UTC, as the desktop that made it stamped it ("" if unknown)


@dataclass(frozen=True, slots=True)
class ConflictCase:
    """One conflict as a person sees it: the older version first, the newer (shown on the card meanwhile) second."""

    id: UUID
    entity: str
    caller_id: UUID | None
    first: Version
    second: Version
    fields: tuple[FieldComparison, ...]


def conflicts_for_caller(runtime: Runtime, caller_id: UUID) -> list[ConflictCase]:
    """The caller's open conflicts that a person settles here (vulnerabilities and emergency contacts)."""
    with runtime.db.read() as conn:
        found = sync_conflicts.open_conflicts(conn, caller_id)
    return [case_of(conflict) for conflict in found if conflict.entity in GUARDED]


def case_of(conflict: sync_conflicts.Conflict) -> ConflictCase:
    pairs = sorted(
        [(conflict.local_hlc, conflict.local_payload), (conflict.remote_hlc, conflict.remote_payload)],
        key=lambda pair: pair[0],
    )
    (first_hlc, first), (second_hlc, second) = pairs
    return ConflictCase(
        id=conflict.id,
        entity=conflict.entity,
        caller_id=conflict.caller_id,
        first=Version(hlc=first_hlc, saved_at=str(first.get("updated_at") or "")),
        second=Version(hlc=second_hlc, saved_at=str(second.get("updated_at") or "")),
        fields=tuple(
            FieldComparison(name=name, first=field_text(first.get(name)), second=field_text(second.get(name)))
            for name in FIELDS[conflict.entity]
        ),
    )


def field_text(value: Any) -> str:
    """A stored value as plain text for comparing (a list of numbers or purposes as one line)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(_item_text(item) for item in value)
    return str(value)


def _item_text(item: Any) -> str:
    if isinstance(item, Mapping):
        label = str(item.get("label") or "")
        return f"{item.get('e164', '')} ({label})" if label else str(item.get("e164", ""))
    return str(item)


def settle_conflict(runtime: Runtime, conflict_id: UUID, *, keep_version: str) -> Done[ConflictCase]:
    """Keep the version stamped `keep_version` (one of the pair); refuses, in a sentence, a conflict already
    settled (on this desktop or, through sync, on another)."""
    now = runtime.now()
    with runtime.db.write() as conn:
        conflict = sync_conflicts.get_conflict(conn, conflict_id)
        if conflict is None or conflict.entity not in GUARDED:
            raise NotFoundError(f"No conflict {conflict_id} to settle here.")
        if conflict.state != "open":
            raise UserError("Someone has already settled these two versions; the caller's card shows the one kept.")
        if keep_version not in (conflict.local_hlc, conflict.remote_hlc):
            raise UserError("Choose one of the two versions shown to keep.")
        sync_apply.settle(conn, conflict, keep_version=keep_version, by=runtime.agent_id, hlc=runtime.stamp(), now=now)
        action = (AuditAction.SAVED_VULNERABILITY if conflict.entity == "vulnerability"
                  else AuditAction.SAVED_EMERGENCY_CONTACT)
        append_event(conn, runtime, action=action, subject=str(conflict.caller_id or ""),
                     detail=f"kept version {keep_version} of {conflict.row_id}, settling conflict {conflict.id}")
    callers = frozenset({conflict.caller_id}) if conflict.caller_id else frozenset()
    return Done(case_of(conflict), Changes(callers=callers, outbox_pending=True))
