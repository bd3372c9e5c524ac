"""The entities of DESIGN.md as plain, immutable dataclasses.

Repositories return these, services take and return them, and the UI shows them; none of them knows about the
database. Times are aware datetimes in UTC; dates without a time (a review-by date, a follow-up due date) are `date`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from uuid import UUID


class Channel(StrEnum):
    PHONE = "phone"
    CHAT = "chat"
    EMAIL = "email"
    WEB = "web"
    IN_PERSON = "in-person"


class Direction(StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"


class Status(StrEnum):
    IN_PROGRESS = "in-progress"
    COMPLETED = "completed"


class Outcome(StrEnum):
    """Judged by the customer: did the contact fail, meet or exceed their expectations."""

    FAILED = "failed"
    MET = "met"
    EXCEEDED = "exceeded"


class Role(StrEnum):
    AGENT = "agent"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class VulnerabilityDriver(StrEnum):
    """The four drivers of vulnerability in the FCA's guidance FG21/1."""

    HEALTH = "health"
    LIFE_EVENT = "life-event"
    RESILIENCE = "resilience"
    CAPABILITY = "capability"


class ContactPurpose(StrEnum):
    """What an emergency contact may be contacted about."""

    HEALTH = "health"
    WELFARE = "welfare"
    ANY = "any"


class FollowUpKind(StrEnum):
    CALLBACK = "callback"
    SENIOR_CALLBACK = "senior-callback"
    TASK = "task"


class EmergencyActionKind(StrEnum):
    KEPT_ON_LINE = "kept-on-line"
    ADDRESS_CONFIRMED = "address-confirmed"
    EMERGENCY_SERVICES_CALLED = "emergency-services-called"
    CONTACT_NOTIFIED = "contact-notified"
    STAYED_ON_LINE = "stayed-until-help-arrived"
    HANDED_OVER = "handed-over"
    NOTE = "note"


@dataclass(frozen=True, slots=True)
class Agent:
    id: str
    display_name: str
    role: Role = Role.AGENT
    team: str = ""


@dataclass(frozen=True, slots=True)
class PhoneNumber:
    e164: str
    label: str = ""
    is_primary: bool = False


@dataclass(frozen=True, slots=True)
class Address:
    lines: tuple[str, ...] = ()
    city: str = ""
    postcode: str = ""
    country: str = ""  # ISO 3166-1 alpha-2, e.g. "GB"

    def one_line(self) -> str:
        parts = [*self.lines, self.city, self.postcode]
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class Caller:
    id: UUID
    full_name: str
    preferred_name: str = ""
    pronunciation: str = ""
    phones: tuple[PhoneNumber, ...] = ()
    email: str = ""
    address: Address = field(default_factory=Address)
    preferred_channel: Channel | None = None
    language: str = ""
    customer_since: date | None = None
    external_id: str | None = None
    notes: str = ""
    tags: tuple[str, ...] = ()
    needs_attention: bool = False  # sync found concurrent edits to settle
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def display_name(self) -> str:
        return self.preferred_name or self.full_name


@dataclass(frozen=True, slots=True)
class Consent:
    at: datetime
    how: str  # e.g. "verbal, on a recorded call"
    by: str  # the agent who recorded it


@dataclass(frozen=True, slots=True)
class EmergencyContact:
    id: UUID
    caller_id: UUID
    name: str
    relationship: str
    phones: tuple[PhoneNumber, ...]
    may_contact_for: tuple[ContactPurpose, ...]
    consent: Consent | None
    priority: int = 1


@dataclass(frozen=True, slots=True)
class Vulnerability:
    id: UUID
    caller_id: UUID
    driver: VulnerabilityDriver
    detail: str
    adjustments: str
    consent: Consent | None
    recorded_by: str
    review_by: date

    def is_due_for_review(self, today: date) -> bool:
        return self.review_by <= today


@dataclass(frozen=True, slots=True)
class FollowUp:
    due: date
    owner: str = ""
    kind: FollowUpKind = FollowUpKind.CALLBACK
    done_at: datetime | None = None

    def is_open(self) -> bool:
        return self.done_at is None

    def is_overdue(self, today: date) -> bool:
        return self.is_open() and self.due < today


@dataclass(frozen=True, slots=True)
class Interaction:
    id: UUID
    caller_id: UUID | None
    phone: str  # the number called from, E.164 where it could be parsed, else as received
    agent_id: str
    channel: Channel
    direction: Direction
    status: Status
    started_at: datetime
    ended_at: datetime | None = None
    reason: str = ""
    outcome: Outcome | None = None
    resolution: str = ""
    follow_up: FollowUp | None = None
    note: str = ""
    tags: tuple[str, ...] = ()
    flag_emergency: bool = False
    flag_vulnerable: bool = False
    flag_conflict: bool = False


@dataclass(frozen=True, slots=True)
class EmergencyAction:
    id: UUID
    interaction_id: UUID
    at: datetime
    kind: EmergencyActionKind
    detail: str = ""
    agent_id: str = ""


@dataclass(frozen=True, slots=True)
class AuditEvent:
    id: UUID
    at: datetime
    actor: str
    action: str
    subject: str
    detail: str
    prev_hash: str
    hash: str
