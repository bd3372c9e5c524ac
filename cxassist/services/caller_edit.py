"""Add or correct what we know about a caller: details and numbers, emergency contacts, vulnerabilities, follow-ups.

Every change is validated here (one plain sentence when refused), written with its outbox row by the store, and
audited when it touches a sensitive record (an emergency contact or a vulnerability). Consent is recorded with when,
how and by whom.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from uuid import UUID

from cxassist.domain.errors import NotFoundError, UserError
from cxassist.domain.models import (
    Address,
    Caller,
    Channel,
    Consent,
    ContactPurpose,
    EmergencyContact,
    Interaction,
    PhoneNumber,
    Vulnerability,
    VulnerabilityDriver,
)
from cxassist.domain.phones import normalise
from cxassist.services.audit_log import AuditAction, append_event
from cxassist.services.calls import clean_text
from cxassist.services.changes import Changes, Done
from cxassist.services.runtime import Runtime
from cxassist.store import callers as caller_store
from cxassist.store import care, interactions

MAX_REVIEW_MONTHS = 12


@dataclass(frozen=True, slots=True)
class PhoneInput:
    raw: str
    label: str = ""


@dataclass(frozen=True, slots=True)
class CallerInput:
    full_name: str
    phones: tuple[PhoneInput, ...] = ()
    preferred_name: str = ""
    pronunciation: str = ""
    email: str = ""
    address: Address = field(default_factory=Address)
    preferred_channel: Channel | None = None
    language: str = ""
    customer_since: date | None = None
    tags: tuple[str, ...] = ()
    notes: str = ""


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _text(value: str, *, field: str, limit: int = 200) -> str:
    return clean_text(value.strip(), field=field, limit=limit)


def _phones(runtime: Runtime, given: tuple[PhoneInput, ...]) -> tuple[PhoneNumber, ...]:
    phones: list[PhoneNumber] = []
    for item in given:
        if not item.raw.strip():
            continue
        e164 = normalise(item.raw, runtime.default_region)  # PhoneError names the number
        if any(p.e164 == e164 for p in phones):
            continue
        phones.append(PhoneNumber(e164=e164, label=_text(item.label, field="label", limit=40), is_primary=not phones))
    return tuple(phones)


def save_caller(runtime: Runtime, data: CallerInput, *, caller_id: UUID | None = None) -> Done[Caller]:
    """Create a caller (no id) or replace the details of an existing one."""
    name = _text(data.full_name, field="full name")
    if not name:
        raise UserError("The caller's full name is empty; type the name they gave.")
    phones = _phones(runtime, data.phones)
    now = runtime.now()
    with runtime.db.write() as conn:
        existing = caller_store.get_caller(conn, caller_id) if caller_id else None
        if caller_id and existing is None:
            raise NotFoundError(f"No caller with id {caller_id}.")
        caller = Caller(
            id=existing.id if existing else runtime.new_id(),
            full_name=name,
            preferred_name=_text(data.preferred_name, field="preferred name"),
            pronunciation=_text(data.pronunciation, field="pronunciation"),
            phones=phones,
            email=_text(data.email, field="email"),
            address=data.address,
            preferred_channel=data.preferred_channel,
            language=_text(data.language, field="language", limit=40),
            customer_since=data.customer_since,
            external_id=existing.external_id if existing else None,
            notes=_text(data.notes, field="notes", limit=10_000),
            tags=tuple(_text(t, field="tag", limit=60) for t in data.tags if t.strip()),
        )
        caller_store.save_caller(conn, caller, hlc=runtime.stamp(), now=now, new_phone_id=runtime.new_id)
    return Done(caller, Changes(callers=frozenset({caller.id}), outbox_pending=True))


def _consent(runtime: Runtime, *, how: str, at: datetime | None, kept: Consent | None) -> Consent:
    """The consent on record when its wording is unchanged and no new date is given; otherwise a new consent,
    recorded by this agent (changing consent records a new one, never edits the old)."""
    if kept is not None and kept.how == how and at is None:
        return kept
    return Consent(at=at or runtime.now(), how=how, by=runtime.agent_id)


def _changed(before: object, after: object, names: tuple[str, ...]) -> str:
    return ", ".join(n for n in names if getattr(before, n) != getattr(after, n)) or "nothing"


def save_contact(
    runtime: Runtime,
    *,
    caller_id: UUID,
    name: str,
    relationship: str,
    phones: tuple[PhoneInput, ...],
    may_contact_for: tuple[ContactPurpose, ...],
    consent_how: str,
    contact_id: UUID | None = None,
    consent_at: datetime | None = None,
    priority: int = 1,
) -> Done[EmergencyContact]:
    """Add an emergency contact (no `contact_id`) or correct one on record.

    A new contact's consent is recorded now, by this agent, unless `consent_at` says when. A correction keeps the
    consent on record unless how it was given changes or `consent_at` is given: then a new consent is recorded.
    The audit event's detail names the contact and, for a correction, the fields that changed."""
    clean_name = _text(name, field="contact's name")
    if not clean_name:
        raise UserError("The emergency contact has no name; type who they are.")
    numbers = _phones(runtime, phones)
    if not numbers:
        raise UserError(f"{clean_name} has no phone number; an emergency contact needs one to be reached.")
    if not may_contact_for:
        raise UserError(f"Say what {clean_name} may be contacted about (health, welfare or anything).")
    how = _text(consent_how, field="consent", limit=200)
    if not how:
        raise UserError(
            f"Record how the caller agreed that we may contact {clean_name} (for example, verbally on this call)."
        )
    if consent_at is not None and consent_at > runtime.now():
        raise UserError("The consent date is in the future; give the day the caller agreed.")
    with runtime.db.write() as conn:
        before = care.get_contact(conn, contact_id) if contact_id else None
        if contact_id and (before is None or before.caller_id != caller_id):
            raise NotFoundError("That emergency contact is no longer on record; it may have been removed.")
        contact = EmergencyContact(
            id=contact_id or runtime.new_id(), caller_id=caller_id, name=clean_name,
            relationship=_text(relationship, field="relationship", limit=60), phones=numbers,
            may_contact_for=tuple(dict.fromkeys(may_contact_for)),
            consent=_consent(runtime, how=how, at=consent_at, kept=before.consent if before else None),
            priority=max(1, priority),
        )
        detail = str(contact.id)
        if before is not None:
            fields = ("name", "relationship", "phones", "may_contact_for", "consent", "priority")
            detail = f"{contact.id} changed: {_changed(before, contact, fields)}"
        care.save_contact(conn, contact, hlc=runtime.stamp(), now=runtime.now())
        append_event(conn, runtime, action=AuditAction.SAVED_EMERGENCY_CONTACT, subject=str(caller_id),
                     detail=detail)
    return Done(contact, Changes(callers=frozenset({caller_id}), outbox_pending=True))


def remove_contact(runtime: Runtime, contact_id: UUID) -> Done[EmergencyContact]:
    """Remove an emergency contact softly: it stops showing everywhere, the removal syncs, and it is audited."""
    now = runtime.now()
    with runtime.db.write() as conn:
        contact = care.get_contact(conn, contact_id)
        if contact is None:
            raise NotFoundError("That emergency contact is no longer on record; it may have been removed already.")
        care.save_contact(conn, contact, hlc=runtime.stamp(), now=now, deleted_at=now)
        append_event(conn, runtime, action=AuditAction.REMOVED_EMERGENCY_CONTACT, subject=str(contact.caller_id),
                     detail=str(contact.id))
    return Done(contact, Changes(callers=frozenset({contact.caller_id}), outbox_pending=True))


def check_review_by(review_by: date, today: date) -> None:
    latest = add_months(today, MAX_REVIEW_MONTHS)
    if review_by <= today:
        raise UserError(f"The review date {review_by.isoformat()} has passed; choose a date after today.")
    if review_by > latest:
        raise UserError(
            f"The review date {review_by.isoformat()} is more than {MAX_REVIEW_MONTHS} months ahead; "
            f"choose {latest.isoformat()} or sooner."
        )


def save_vulnerability(
    runtime: Runtime,
    *,
    caller_id: UUID,
    driver: VulnerabilityDriver,
    detail: str,
    adjustments: str,
    consent_how: str,
    review_by: date,
    vulnerability_id: UUID | None = None,
) -> Done[Vulnerability]:
    """Record what the caller told us and the adjustments they asked for, with their consent and a review date at
    most 12 months ahead; or, with `vulnerability_id`, correct one on record. A correction keeps who recorded it and
    the consent on record unless how consent was given changes (then a new consent is recorded now, by this agent)."""
    check_review_by(review_by, runtime.today())
    how = _text(consent_how, field="consent", limit=200)
    if not how:
        raise UserError("Record how the caller agreed to us keeping this (for example, verbally on this call).")
    with runtime.db.write() as conn:
        before = care.get_vulnerability(conn, vulnerability_id) if vulnerability_id else None
        if vulnerability_id and (before is None or before.caller_id != caller_id):
            raise NotFoundError("That need is no longer on record; it may have been ended.")
        item = Vulnerability(
            id=vulnerability_id or runtime.new_id(), caller_id=caller_id, driver=driver,
            detail=_text(detail, field="detail", limit=2000),
            adjustments=_text(adjustments, field="adjustments", limit=2000),
            consent=_consent(runtime, how=how, at=None, kept=before.consent if before else None),
            recorded_by=before.recorded_by if before else runtime.agent_id,
            review_by=review_by,
        )
        audit_detail = str(item.id)
        if before is not None:
            fields = ("driver", "detail", "adjustments", "consent", "review_by")
            audit_detail = f"{item.id} changed: {_changed(before, item, fields)}"
        care.save_vulnerability(conn, item, hlc=runtime.stamp(), now=runtime.now())
        append_event(conn, runtime, action=AuditAction.SAVED_VULNERABILITY, subject=str(caller_id),
                     detail=audit_detail)
    return Done(item, Changes(callers=frozenset({caller_id}), outbox_pending=True))


ENDED_REASONS = ("no longer applies", "recorded in error", "the caller withdrew consent")


def end_vulnerability(runtime: Runtime, vulnerability_id: UUID, *, reason: str) -> Done[Vulnerability]:
    """Mark a need as ended (resolved, recorded in error, or consent withdrawn): it stops showing and shaping
    prompts, the change syncs, and the audit event says why (one of `ENDED_REASONS`). The schema has no separate
    "ended" state, so ending is a soft removal: the row and its history stay in the database."""
    if reason not in ENDED_REASONS:
        raise UserError(f"Say why the need has ended: one of {', '.join(ENDED_REASONS)}.")
    now = runtime.now()
    with runtime.db.write() as conn:
        item = care.get_vulnerability(conn, vulnerability_id)
        if item is None:
            raise NotFoundError("That need is no longer on record; it may have been ended already.")
        care.save_vulnerability(conn, item, hlc=runtime.stamp(), now=now, deleted_at=now)
        append_event(conn, runtime, action=AuditAction.ENDED_VULNERABILITY, subject=str(item.caller_id),
                     detail=f"{item.id} ended: {reason}")
    return Done(item, Changes(callers=frozenset({item.caller_id}), outbox_pending=True))


def mark_follow_up_done(runtime: Runtime, interaction_id: UUID) -> Done[Interaction]:
    now = runtime.now()
    with runtime.db.write() as conn:
        item = interactions.get_interaction(conn, interaction_id)
        if item is None or item.follow_up is None:
            raise NotFoundError(f"No follow-up on interaction {interaction_id}.")
        if item.follow_up.done_at is None:
            item = replace(item, follow_up=replace(item.follow_up, done_at=now))
            interactions.save_interaction(conn, item, hlc=runtime.stamp(), now=now)
    callers = frozenset({item.caller_id}) if item.caller_id else frozenset()
    ids = frozenset({interaction_id})
    return Done(item, Changes(callers=callers, interactions=ids, follow_ups=ids, outbox_pending=True))
