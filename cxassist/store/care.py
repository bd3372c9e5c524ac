"""Emergency contacts and vulnerabilities: the records that make a caring response possible."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, RowMapping, bindparam, select

from cxassist.domain.models import (
    Consent,
    ContactPurpose,
    EmergencyContact,
    PhoneNumber,
    Vulnerability,
    VulnerabilityDriver,
)
from cxassist.store import tables
from cxassist.store.rows import save

_contact = tables.emergency_contact
_vulnerability = tables.vulnerability


def _consent(row: RowMapping) -> Consent | None:
    if row["consent_at"] is None:
        return None
    return Consent(at=row["consent_at"], how=row["consent_how"], by=row["consent_by"])


def _consent_values(consent: Consent | None) -> dict[str, Any]:
    if consent is None:
        return {"consent_at": None, "consent_how": "", "consent_by": ""}
    return {"consent_at": consent.at, "consent_how": consent.how, "consent_by": consent.by}


def contact_from_row(row: RowMapping) -> EmergencyContact:
    return EmergencyContact(
        id=row["id"],
        caller_id=row["caller_id"],
        name=row["name"],
        relationship=row["relationship"],
        phones=tuple(
            PhoneNumber(e164=p["e164"], label=p.get("label", ""), is_primary=bool(p.get("is_primary")))
            for p in row["phones"]
        ),
        may_contact_for=tuple(ContactPurpose(p) for p in row["may_contact_for"]),
        consent=_consent(row),
        priority=row["priority"],
    )


_CONTACTS_FOR_CALLER = (
    select(_contact)
    .where(_contact.c.caller_id == bindparam("caller_id"), _contact.c.deleted_at.is_(None))
    .order_by(_contact.c.priority, _contact.c.name)
)
_VULNERABILITIES_FOR_CALLER = (
    select(_vulnerability)
    .where(_vulnerability.c.caller_id == bindparam("caller_id"), _vulnerability.c.deleted_at.is_(None))
    .order_by(_vulnerability.c.review_by)
)


def contacts_for_caller(conn: Connection, caller_id: UUID) -> list[EmergencyContact]:
    rows = conn.execute(_CONTACTS_FOR_CALLER, {"caller_id": caller_id}).mappings()
    return [contact_from_row(row) for row in rows]


def contact_values(contact: EmergencyContact, *, deleted_at: datetime | None = None) -> dict[str, Any]:
    return {
        "id": contact.id,
        "caller_id": contact.caller_id,
        "name": contact.name,
        "relationship": contact.relationship,
        "phones": [{"e164": p.e164, "label": p.label, "is_primary": p.is_primary} for p in contact.phones],
        "may_contact_for": [p.value for p in contact.may_contact_for],
        "priority": contact.priority,
        "deleted_at": deleted_at,
        **_consent_values(contact.consent),
    }


def save_contact(
    conn: Connection, contact: EmergencyContact, *, hlc: str, now: datetime, deleted_at: datetime | None = None
) -> None:
    """Insert or correct a contact; `deleted_at` removes it softly (the removal syncs like any other change)."""
    save(conn, _contact, contact_values(contact, deleted_at=deleted_at), hlc=hlc, now=now)


def get_contact(conn: Connection, contact_id: UUID) -> EmergencyContact | None:
    """The contact unless it does not exist or was removed."""
    row = conn.execute(
        select(_contact).where(_contact.c.id == contact_id, _contact.c.deleted_at.is_(None))
    ).mappings().first()
    return contact_from_row(row) if row is not None else None


def vulnerability_from_row(row: RowMapping) -> Vulnerability:
    return Vulnerability(
        id=row["id"],
        caller_id=row["caller_id"],
        driver=VulnerabilityDriver(row["driver"]),
        detail=row["detail"],
        adjustments=row["adjustments"],
        consent=_consent(row),
        recorded_by=row["recorded_by"],
        review_by=row["review_by"],
    )


def vulnerabilities_for_caller(conn: Connection, caller_id: UUID) -> list[Vulnerability]:
    """Every vulnerability on record that has not been removed, including those past their review date: a
    review date passing does not make the caller less vulnerable, it asks a person to look again."""
    rows = conn.execute(_VULNERABILITIES_FOR_CALLER, {"caller_id": caller_id}).mappings()
    return [vulnerability_from_row(row) for row in rows]


def vulnerability_values(item: Vulnerability, *, deleted_at: datetime | None = None) -> dict[str, Any]:
    return {
        "id": item.id,
        "caller_id": item.caller_id,
        "driver": item.driver.value,
        "detail": item.detail,
        "adjustments": item.adjustments,
        "recorded_by": item.recorded_by,
        "review_by": item.review_by,
        "deleted_at": deleted_at,
        **_consent_values(item.consent),
    }


def save_vulnerability(
    conn: Connection, item: Vulnerability, *, hlc: str, now: datetime, deleted_at: datetime | None = None
) -> None:
    """Insert or correct a vulnerability; `deleted_at` ends it (it no longer shows; the change syncs)."""
    save(conn, _vulnerability, vulnerability_values(item, deleted_at=deleted_at), hlc=hlc, now=now)


def get_vulnerability(conn: Connection, vulnerability_id: UUID) -> Vulnerability | None:
    """The vulnerability unless it does not exist or has ended."""
    row = conn.execute(
        select(_vulnerability).where(_vulnerability.c.id == vulnerability_id, _vulnerability.c.deleted_at.is_(None))
    ).mappings().first()
    return vulnerability_from_row(row) if row is not None else None
