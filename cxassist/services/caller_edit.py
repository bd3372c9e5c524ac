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
    """Add or correct an emergency contact; consent is recorded now, by this agent, unless `consent_at` says when."""
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
    contact = EmergencyContact(
        id=contact_id or runtime.new_id(), caller_id=caller_id, name=clean_name,
        relationship=_text(relationship, field="relationship", limit=60), phones=numbers,
        may_contact_for=tuple(dict.fromkeys(may_contact_for)),
        consent=Consent(at=consent_at or runtime.now(), how=how, by=runtime.agent_id), priority=max(1, priority),
    )
    with runtime.db.write() as conn:
        care.save_contact(conn, contact, hlc=runtime.stamp(), now=runtime.now())
        append_event(conn, runtime, action=AuditAction.SAVED_EMERGENCY_CONTACT, subject=str(caller_id),
                     detail=str(contact.id))
    return Done(contact, Changes(callers=frozenset({caller_id}), outbox_pending=True))


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
    most 12 months ahead."""
    check_review_by(review_by, runtime.today())
    how = _text(consent_how, field="consent", limit=200)
    if not how:
        raise UserError("Record how the caller agreed to us keeping this (for example, verbally on this call).")
    item = Vulnerability(
        id=vulnerability_id or runtime.new_id(), caller_id=caller_id, driver=driver,
        detail=_text(detail, field="detail", limit=2000),
        adjustments=_text(adjustments, field="adjustments", limit=2000),
        consent=Consent(at=runtime.now(), how=how, by=runtime.agent_id), recorded_by=runtime.agent_id,
        review_by=review_by,
    )
    with runtime.db.write() as conn:
        care.save_vulnerability(conn, item, hlc=runtime.stamp(), now=runtime.now())
        append_event(conn, runtime, action=AuditAction.SAVED_VULNERABILITY, subject=str(caller_id), detail=str(item.id))
    return Done(item, Changes(callers=frozenset({caller_id}), outbox_pending=True))


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
