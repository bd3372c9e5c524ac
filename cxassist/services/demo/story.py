"""The story caller, Margaret "Peggy" Hale: the demo's one scripted caller, whose number pops exactly and whose
last call let her down. Her records come from `data.STORY_*`, her ids from the generator (so they, too, are the
same for a seed).

Her number and her contacts' numbers are reserved (`Generator` never hands them out), so she is the only exact match
for her number however many callers the demo has.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from cxassist.domain.models import (
    Address,
    Caller,
    Channel,
    Consent,
    ContactPurpose,
    Direction,
    EmergencyContact,
    FollowUp,
    PhoneNumber,
    Vulnerability,
    VulnerabilityDriver,
)
from cxassist.services.calls import clean_text
from cxassist.services.demo import data, history
from cxassist.services.demo.generate import Generator, Record


def story_record(gen: Generator) -> Record:
    """Margaret "Peggy" Hale, 81, lives alone; her last call about a refund let her down (CX-PRINCIPLES.md)."""
    s: dict[str, Any] = data.STORY_CALLER
    lines, city, postcode = s["address"]
    caller = Caller(
        id=gen.uuid(),
        full_name=s["full_name"],
        preferred_name=s["preferred_name"],
        pronunciation=s["pronunciation"],
        phones=(PhoneNumber(data.STORY_NUMBER, "home", is_primary=True),),
        address=Address(lines, city, postcode, "GB"),
        preferred_channel=Channel.PHONE,
        language="en-GB",
        customer_since=date(*s["customer_since"]),
        external_id=data.STORY_EXTERNAL_ID,
        notes=clean_text(s["notes"], field="notes", limit=10_000),
        tags=s["tags"],
    )
    record = Record(caller=caller, phone_ids=[gen.uuid()])
    consent_at = datetime.combine(
        (gen.now - timedelta(days=data.STORY_CONSENT_DAYS_AGO)).date(), time(10, 15), tzinfo=UTC
    )
    consent = Consent(at=consent_at, how="verbal, recorded call", by="sam.okafor")
    driver, detail, adjustments = data.STORY_VULNERABILITY
    record.vulnerabilities.append(
        Vulnerability(
            id=gen.uuid(),
            caller_id=caller.id,
            driver=VulnerabilityDriver(driver),
            detail=detail,
            adjustments=adjustments,
            consent=consent,
            recorded_by="sam.okafor",
            review_by=consent_at.date() + timedelta(days=365),
        )
    )
    for priority, (name, relationship, phones, purposes) in enumerate(data.STORY_CONTACTS, start=1):
        record.contacts.append(
            EmergencyContact(
                id=gen.uuid(),
                caller_id=caller.id,
                name=name,
                relationship=relationship,
                phones=tuple(PhoneNumber(n, label, is_primary=i == 0) for i, (n, label) in enumerate(phones)),
                may_contact_for=tuple(ContactPurpose(p) for p in purposes),
                consent=consent,
                priority=priority,
            )
        )
    for call in data.STORY_CALLS:
        hour, minute = (int(part) for part in call.at.split(":"))
        started = datetime.combine((gen.now - timedelta(days=call.days_ago)).date(), time(hour, minute), UTC)
        started = min(started, gen.now - timedelta(hours=1))
        follow_up = None
        if call.follow_up_in_days is not None:
            done = call.follow_up_done_days_ago
            follow_up = FollowUp(
                due=started.date() + timedelta(days=call.follow_up_in_days),
                owner=call.agent,
                done_at=None if done is None else started + timedelta(days=call.days_ago - done, hours=5),
            )
        fields = {
            "month": data.MONTHS[(started.month - 2) % 12],
            "due": f"{started + timedelta(days=call.follow_up_in_days or 0):%A}",
        }
        history.add(
            gen,
            record,
            started,
            channel=Channel.PHONE,
            agent=call.agent,
            reason=call.reason,
            outcome=call.outcome,
            note=call.note.format(**fields),
            resolution=call.resolution,
            follow_up=follow_up,
            direction=Direction(call.direction),
            minutes=call.minutes,
        )
    return record
