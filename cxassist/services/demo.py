"""Seed a believable demo database (`cxassist demo`): callers, their histories and the records that make care
possible.

Deterministic by seed: names, numbers, reasons, outcomes and ids all come from one `random.Random(seed)`; dates are
placed relative to `runtime.now()`, so the demo always looks current. Rows are written as `store.rows.save` writes
them (an upsert with a fresh HLC stamp and an outbox entry in the same transaction), from the store's own value
builders, but one statement per table per chunk of callers: `save` builds a statement per row, which would make
10,000 callers take minutes. Every note passes through redaction like any other.

The story caller (Margaret "Peggy" Hale, external id DEMO-0001) is generated first and written last: her presence
means an earlier run finished, so a second run reuses the data and writes nothing. An interrupted run is completed:
callers already stored are skipped. Fictional number ranges are small (about 15,000 valid UK drama numbers, shared
with emergency contacts), so past about 5,000 callers some numbers are shared, as a household's would be; the story
caller's and her contacts' numbers never are.
"""

from __future__ import annotations

import functools
import random
import re
import unicodedata
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar
from uuid import UUID

from sqlalchemy import Connection, Table, func, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from cxassist.domain.models import (
    Address,
    Caller,
    Channel,
    Consent,
    ContactPurpose,
    Direction,
    EmergencyAction,
    EmergencyActionKind,
    EmergencyContact,
    FollowUp,
    FollowUpKind,
    Interaction,
    Outcome,
    PhoneNumber,
    Role,
    Status,
    Vulnerability,
    VulnerabilityDriver,
)
from cxassist.domain.phones import national_number, tail_digits
from cxassist.services import demo_data as data
from cxassist.services.calls import MAX_NOTE_CHARS, clean_tags, clean_text
from cxassist.services.runtime import Runtime
from cxassist.store import callers as caller_store
from cxassist.store import interactions as interaction_store
from cxassist.store import tables
from cxassist.store.rows import payload_of, save

CHUNK = 50  # callers per transaction, at least
MAX_CHUNK = 250
EXTERNAL_PREFIX = "DEMO-"
HISTORY_WEIGHTS = (6, 10, 12, 12, 11, 10, 9, 8, 7, 5, 4, 3, 3)  # of 0 to 12 contacts in the last two years
CHANNEL_WEIGHTS = (50, 18, 15, 12, 5)  # phone, chat, email, web, in-person
MINUTES = {
    Channel.PHONE: (4, 25),
    Channel.CHAT: (6, 30),
    Channel.EMAIL: (2, 10),
    Channel.WEB: (3, 15),
    Channel.IN_PERSON: (10, 35),
}
_FREE_DIGITS = re.compile(r"\{n:0(\d)d\}")
_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # the letters UK postcodes use in their inward part
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What the database holds: counts of the demo callers' records, and of every agent on file."""

    callers: int
    interactions: int
    emergency_contacts: int
    vulnerabilities: int
    follow_ups_open: int
    agents: int
    story_caller_number: str
    reused: bool


@dataclass
class Record:
    """One caller and everything about them, written in one transaction."""

    caller: Caller
    phone_ids: list[UUID]
    contacts: list[EmergencyContact] = field(default_factory=list)
    vulnerabilities: list[Vulnerability] = field(default_factory=list)
    interactions: list[Interaction] = field(default_factory=list)
    actions: list[EmergencyAction] = field(default_factory=list)


class Numbers:
    """Fictional numbers, each handed out once while its range lasts. When every range asked for is used up, a
    number already given out is shared (a household line), which the screen pop shows as shared."""

    def __init__(self, seed: int, reserved: frozenset[str]) -> None:
        self._seed = seed
        self._reserved = reserved
        self._free: dict[str, list[str]] = {}
        self._given: dict[str, list[str]] = {}

    def _pool(self, pattern: str) -> list[str]:
        if pattern not in self._free:
            digits = _FREE_DIGITS.search(pattern)
            numbers = [pattern.format(n=n) for n in range(10 ** int(digits.group(1)))] if digits else [pattern]
            random.Random(f"{self._seed}:{pattern}").shuffle(numbers)
            self._free[pattern] = [n for n in numbers if n not in self._reserved]
            self._given[pattern] = []
        return self._free[pattern]

    def take(self, rng: random.Random, patterns: Sequence[str]) -> str:
        for pattern in patterns:
            pool = self._pool(pattern)
            if pool:
                number = pool.pop()
                self._given[pattern].append(number)
                return number
        pattern = rng.choice([p for p in patterns if self._given[p]])
        return rng.choice(self._given[pattern])


def _ascii(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if ch.isascii() and ch.isalpha()).lower()


@functools.cache
def _clean_label(text: str) -> str:
    """A reason or resolution from the word lists, redacted like any other (once: there are only a few dozen)."""
    return clean_text(text, field="reason", limit=500)


@functools.cache
def _clean_tags(tags: tuple[str, ...]) -> tuple[str, ...]:
    return clean_tags(tags)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class Generator:
    """Makes callers one at a time: every choice from `rng`, every date relative to `now`."""

    def __init__(
        self,
        rng: random.Random,
        *,
        seed: int,
        now: datetime,
        today: date,
        agent_id: str,
        emergency_numbers: dict[str, str],
    ) -> None:
        self.rng = rng
        self.numbers = Numbers(
            seed,
            frozenset(
                {data.STORY_NUMBER, *(number for contact in data.STORY_CONTACTS for number, _label in contact[2])}
            ),
        )
        self.now = now
        self.today = today
        self.agents = [a[0] for a in data.AGENTS if a[2] == "agent"] + [agent_id]
        self.first_names = {agent_id: "the agent"} | {a[0]: a[1].split()[0] for a in data.AGENTS}
        self.emergency_numbers = emergency_numbers
        self.gb = tuple(dict.fromkeys(p for place in data.GB_PLACES for p in place.numbers))
        self.past_review = 2  # even a small demo has a couple of vulnerabilities waiting for their review
        self.emergencies = 0  # ... and a call where emergency mode was used

    def uuid(self) -> UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def pick(self, items: Sequence[T], weights: Sequence[float]) -> T:
        return self.rng.choices(items, weights=weights)[0]

    def agent(self) -> str:
        return self.pick(self.agents, [10] * (len(self.agents) - 1) + [6])

    def moment(self, days_ago: int, country: str = "GB") -> datetime:
        """A time in the caller's office hours `days_ago` days before now, never in the future."""
        day = (self.now - timedelta(days=days_ago)).date()
        local = datetime.combine(day, time(self.rng.randint(8, 18), self.rng.randrange(60)), tzinfo=UTC)
        at = local - timedelta(hours=data.HOURS_FROM_UTC.get(country, 0))
        return min(at, self.now - timedelta(minutes=self.rng.randint(30, 300)))

    def consent(self, at: datetime, by: str) -> Consent:
        return Consent(at=at, how=self.rng.choice(data.CONSENT_HOW), by=by)

    def patterns(self, place: data.Place, label: str) -> tuple[str, ...]:
        """Number ranges for a number with this label, best first, then the rest of the country's."""
        if place.country == "GB":
            first = {"mobile": (data.LONDON,), "work": (data.GB_WORK, *place.numbers)}.get(label, place.numbers)
            return tuple(dict.fromkeys((*first, *self.gb, data.GB_WORK)))
        same = tuple(p for other in data.ABROAD_PLACES if other.country == place.country for p in other.numbers)
        first = data.AU_MOBILES if place.country == "AU" and label == "mobile" else place.numbers
        return tuple(dict.fromkeys((*first, *same)))

    def phones(self, place: data.Place, labels: Sequence[str]) -> tuple[PhoneNumber, ...]:
        return tuple(
            PhoneNumber(self.numbers.take(self.rng, self.patterns(place, label)), label, is_primary=i == 0)
            for i, label in enumerate(labels)
        )

    # -- a caller ----------------------------------------------------------------------------------------------
    def caller(self, index: int) -> Record:
        rng = self.rng
        places = data.GB_PLACES if rng.random() < 0.9 else data.ABROAD_PLACES
        place = self.pick(places, [p.weight for p in places])
        age = self.pick((rng.randint(18, 39), rng.randint(40, 64), rng.randint(65, 95)), (35, 40, 25))
        era = "younger" if age < 40 else "middle" if age < 65 else "older"
        origins = list(data.ORIGIN_WEIGHTS) if place.country == "GB" else ["en", "ie", "south-asian", "chinese"]
        origin = self.pick(origins, [data.ORIGIN_WEIGHTS[o] for o in origins])
        first = rng.choice(
            [f for f in data.FIRST_NAMES if f.origin == origin and f.era in (era, "any")]
            or [f for f in data.FIRST_NAMES if f.origin == "en" and f.era == era]
        )
        surname = rng.choice(data.SURNAMES[origin if rng.random() < 0.85 else "en"])
        preferred = rng.choice(first.nicknames) if first.nicknames and rng.random() < 0.5 else ""
        hints = [f"{n}: {s}" for n, s in ((first.name, first.say), (surname, data.SURNAME_SAY.get(surname, ""))) if s]
        language = data.LANGUAGE_BY_COUNTRY[place.country]
        other = data.OTHER_LANGUAGE.get(origin)
        if other is not None and rng.random() < other[1]:
            language = other[0]
        count = self.pick((1, 2, 3), (45, 40, 15))
        labels = (["home", "mobile"] if rng.random() < 0.7 else ["mobile", "home"]) + ["work"]
        phones = self.phones(place, labels[:count])
        since = min(date(rng.randint(1995, 2025), rng.randint(1, 12), rng.randint(1, 28)), self.today)
        channels: list[Channel | None] = [*Channel, None]
        prefers = self.pick(channels, (60, 8, 8, 6, 3, 15) if age >= 65 else (38, 18, 20, 14, 3, 7))
        caller = Caller(
            id=self.uuid(),
            full_name=f"{first.name} {surname}",
            preferred_name=preferred,
            pronunciation="; ".join(hints),
            phones=phones,
            email=self.email(first.name, surname) if rng.random() < (0.45 if age >= 75 else 0.8) else "",
            address=self.address(place),
            preferred_channel=prefers,
            language=language,
            customer_since=since,
            external_id=f"{EXTERNAL_PREFIX}{index:04d}",
            notes=clean_text(rng.choice(data.CALLER_NOTES), field="notes", limit=10_000) if rng.random() < 0.12 else "",
            tags=clean_tags(tuple(rng.sample(data.CALLER_TAGS, rng.choice((0, 0, 0, 1, 1, 2))))),
        )
        record = Record(caller=caller, phone_ids=[self.uuid() for _ in phones])
        self.care(record, age=age, surname=surname, place=place)
        self.history(record, name=preferred or first.name, country=place.country)
        return record

    def email(self, first: str, surname: str) -> str:
        domain = self.rng.choice(("example.com", "example.co.uk", "example.org", "example.net"))
        number = str(self.rng.randint(1, 99)) if self.rng.random() < 0.3 else ""
        return f"{_ascii(first)}.{_ascii(surname)}{number}@{domain}"

    def address(self, place: data.Place) -> Address:
        rng = self.rng
        if place.country == "GB":
            street = f"{rng.randint(1, 220)} {rng.choice(data.STREETS)}"
            lines = (f"Flat {rng.randint(1, 12)}", street) if rng.random() < 0.2 else (street,)
            inward = f"{rng.randint(1, 9)}{rng.choice(_LETTERS)}{rng.choice(_LETTERS)}"
            return Address(lines, place.city, f"{rng.choice(place.postcodes)} {inward}", "GB")
        streets = data.US_STREETS if place.country == "US" else data.AU_STREETS
        line = f"{rng.randint(1, 2400 if place.country == 'US' else 180)} {rng.choice(streets)}"
        return Address((line,), place.city, f"{place.region} {rng.choice(place.postcodes)}", place.country)

    def care(self, record: Record, *, age: int, surname: str, place: data.Place) -> None:
        """Vulnerabilities (consented, reviewed yearly, a few past review) and emergency contacts (consented)."""
        rng = self.rng
        caller = record.caller
        if rng.random() < (0.3 if age >= 65 else 0.08):
            fits = [v for v in data.VULNERABILITIES if not caller.language.startswith("en") or "English" not in v[1]]
            for driver, detail, adjustments in rng.sample(fits, 1 if rng.random() < 0.85 else 2):
                overdue = rng.random() >= 0.9 or self.past_review > 0
                self.past_review -= overdue
                days = rng.randint(370, 540) if overdue else rng.randint(10, 330)
                at, by = self.moment(days, place.country), rng.choice(self.agents)
                record.vulnerabilities.append(
                    Vulnerability(
                        id=self.uuid(),
                        caller_id=caller.id,
                        driver=VulnerabilityDriver(driver),
                        detail=detail,
                        adjustments=adjustments,
                        consent=self.consent(at, by),
                        recorded_by=by,
                        review_by=at.date() + timedelta(days=365),
                    )
                )
        if rng.random() >= (0.85 if record.vulnerabilities else 0.5 if age >= 65 else 0.1):
            return
        at, by = self.moment(rng.randint(5, 700), place.country), rng.choice(self.agents)
        relationships = rng.sample(data.CONTACT_RELATIONSHIPS, 1 if rng.random() < 0.6 else 2)
        for priority, (relationship, purposes) in enumerate(relationships, start=1):
            labels = ("mobile",) if rng.random() < 0.6 else ("mobile", "home")
            record.contacts.append(
                EmergencyContact(
                    id=self.uuid(),
                    caller_id=caller.id,
                    name=self.contact_name(relationship, surname),
                    relationship=relationship,
                    phones=self.phones(place, labels),
                    may_contact_for=tuple(ContactPurpose(p) for p in purposes),
                    consent=self.consent(at, by),
                    priority=priority,
                )
            )

    def contact_name(self, relationship: str, surname: str) -> str:
        female = relationship in {"daughter", "wife", "sister", "niece", "mother"}
        male = relationship in {"son", "husband", "brother", "father"}
        names = [
            f.name
            for f in data.FIRST_NAMES
            if f.era != "older"
            and not (female and f.name in data.MALE_NAMES)
            and not (male and f.name not in data.MALE_NAMES)
        ]
        family = relationship not in {"neighbour", "friend", "carer"} and self.rng.random() < 0.75
        return f"{self.rng.choice(names)} {surname if family else self.rng.choice(data.SURNAMES['en'])}"

    # -- a history ---------------------------------------------------------------------------------------------
    def history(self, record: Record, *, name: str, country: str) -> None:
        """0-12 contacts over the last two years (none before they became a customer), oldest first."""
        since = record.caller.customer_since or self.today
        oldest = min(730, (self.today - since).days)
        if oldest < 2:
            return
        count = self.pick(range(len(HISTORY_WEIGHTS)), HISTORY_WEIGHTS)
        for days_ago in sorted((self.rng.randint(1, oldest) for _ in range(count)), reverse=True):
            self.contact(record, days_ago, name=name, country=country)
        if record.vulnerabilities and record.contacts and (self.rng.random() < 0.25 or not self.emergencies):
            self.emergencies += 1
            self.emergency(record, self.rng.randint(1, oldest), name=name, country=country)

    def contact(self, record: Record, days_ago: int, *, name: str, country: str) -> None:
        rng = self.rng
        reason = self.pick(data.REASONS, [r.weight for r in data.REASONS])
        outcome = self.pick(list(Outcome), reason.outcomes)
        preferred = record.caller.preferred_channel
        channel = preferred if preferred and rng.random() < 0.6 else self.pick(list(Channel), CHANNEL_WEIGHTS)
        started, agent = self.moment(days_ago, country), self.agent()
        fields = {
            "name": name,
            "amount": f"{rng.randint(8, 480)}.{rng.choice(('00', '50', '99', '20', '75'))}",
            "ref": f"REF-{rng.randint(100000, 999999)}",
            "month": data.MONTHS[(started.month - 2) % 12],
            "last4": f"{rng.randint(0, 9999):04d}",
            "day": _ordinal(rng.randint(1, 28)),
            "day0": _ordinal(rng.randint(1, 28)),
            "relative": rng.choice(data.RELATIVES),
            "topic": rng.choice(data.TOPICS),
            "agent": self.first_names[self.agent()],
        }
        follow_up = self.follow_up(reason, outcome, started, agent)
        self.add(
            record,
            started,
            channel=channel,
            agent=agent,
            reason=reason.label,
            outcome=outcome,
            note=rng.choice(reason.notes[outcome]).format(**fields),
            resolution=reason.resolutions[outcome],
            tags=reason.tags,
            follow_up=follow_up,
        )
        if follow_up is not None and follow_up.done_at is not None and rng.random() < 0.5:
            self.add(
                record,
                follow_up.done_at,
                channel=Channel.PHONE,
                agent=agent,
                reason=reason.label,
                outcome=self.pick((Outcome.MET, Outcome.EXCEEDED), (3, 1)),
                direction=Direction.OUTBOUND,
                note=f"Called {name} back as promised about the {reason.label.lower()}; sorted it out.",
                resolution="Callback done",
            )

    def follow_up(self, reason: data.Reason, outcome: Outcome, started: datetime, agent: str) -> FollowUp | None:
        """Open (not due yet), overdue, or done; complaints get a senior person calling back."""
        rng = self.rng
        chance = {Outcome.FAILED: 0.6, Outcome.MET: 0.08, Outcome.EXCEEDED: 0.03}[outcome]
        if reason.senior_callback and outcome is not Outcome.EXCEEDED:
            chance = 0.8
        if rng.random() >= chance:
            return None
        due = started.date() + timedelta(days=rng.randint(1, 7))
        kind = (
            FollowUpKind.SENIOR_CALLBACK
            if reason.senior_callback
            else (FollowUpKind.CALLBACK if rng.random() < 0.8 else FollowUpKind.TASK)
        )
        done_at = None
        if due < self.today and rng.random() < (0.7 if outcome is Outcome.FAILED else 0.85):
            hours = rng.randint(2, 24 * (due - started.date()).days + 30)
            done_at = min(started + timedelta(hours=hours), self.now - timedelta(hours=1))
        owner = rng.choice(data.SUPERVISORS) if kind is FollowUpKind.SENIOR_CALLBACK else agent
        return FollowUp(due=due, owner=owner, kind=kind, done_at=done_at)

    def add(
        self,
        record: Record,
        started: datetime,
        *,
        channel: Channel,
        agent: str,
        reason: str,
        outcome: Outcome,
        note: str,
        resolution: str,
        tags: tuple[str, ...] = (),
        follow_up: FollowUp | None = None,
        direction: Direction = Direction.INBOUND,
        minutes: int | None = None,
        emergency: bool = False,
    ) -> Interaction:
        caller = record.caller
        phone = ""
        if channel is Channel.PHONE and caller.phones:
            phone = caller.phones[0 if self.rng.random() < 0.8 else -1].e164
        length = minutes if minutes is not None else self.rng.randint(*MINUTES[channel])
        item = Interaction(
            id=self.uuid(),
            caller_id=caller.id,
            phone=phone,
            agent_id=agent,
            channel=channel,
            direction=direction,
            status=Status.COMPLETED,
            started_at=started,
            ended_at=min(started + timedelta(minutes=length), self.now),
            reason=_clean_label(reason),
            outcome=outcome,
            resolution=_clean_label(resolution),
            follow_up=follow_up,
            note=clean_text(note, field="note", limit=MAX_NOTE_CHARS),
            tags=_clean_tags(tags),
            flag_emergency=emergency,
            flag_vulnerable=emergency
            or any(v.consent is not None and v.consent.at <= started for v in record.vulnerabilities),
        )
        record.interactions.append(item)
        return item

    def emergency(self, record: Record, days_ago: int, *, name: str, country: str) -> None:
        """A call where the caller needed help: every step of emergency mode, timestamped."""
        label, template = self.rng.choice(data.EMERGENCIES)
        contact = record.contacts[0]
        number = self.emergency_numbers.get(country) or self.emergency_numbers.get("default", "112")
        note = template.format(
            name=name, emergency=number, contact_rel=contact.relationship, contact=contact.name.split()[0]
        )
        started, agent = self.moment(days_ago, country), self.agent()
        wait = self.rng.randint(12, 35)
        item = self.add(
            record,
            started,
            channel=Channel.PHONE,
            agent=agent,
            reason=label,
            note=note,
            outcome=self.pick((Outcome.MET, Outcome.EXCEEDED), (2, 1)),
            resolution="Help arrived",
            tags=("emergency",),
            minutes=wait + 3,
            emergency=True,
        )
        steps = (
            (0, EmergencyActionKind.KEPT_ON_LINE, f"Kept {name} talking"),
            (1, EmergencyActionKind.ADDRESS_CONFIRMED, record.caller.address.one_line()),
            (2, EmergencyActionKind.EMERGENCY_SERVICES_CALLED, f"Called {number}"),
            (
                6,
                EmergencyActionKind.CONTACT_NOTIFIED,
                f"Rang {contact.name} ({contact.relationship}) on {contact.phones[0].e164}",
            ),
            (wait, EmergencyActionKind.STAYED_ON_LINE, "Stayed on the line until help arrived"),
        )
        for minute, kind, detail in steps:
            record.actions.append(
                EmergencyAction(
                    id=self.uuid(),
                    interaction_id=item.id,
                    at=started + timedelta(minutes=minute),
                    kind=kind,
                    detail=clean_text(detail, field="detail", limit=10_000),
                    agent_id=agent,
                )
            )

    # -- the story caller --------------------------------------------------------------------------------------
    def story(self) -> Record:
        """Margaret "Peggy" Hale, 81, lives alone; her last call about a refund let her down (CX-PRINCIPLES.md)."""
        s: dict[str, Any] = data.STORY_CALLER
        lines, city, postcode = s["address"]
        caller = Caller(
            id=self.uuid(),
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
        record = Record(caller=caller, phone_ids=[self.uuid()])
        consent_at = datetime.combine(
            (self.now - timedelta(days=data.STORY_CONSENT_DAYS_AGO)).date(), time(10, 15), tzinfo=UTC
        )
        consent = Consent(at=consent_at, how="verbal, recorded call", by="sam.okafor")
        driver, detail, adjustments = data.STORY_VULNERABILITY
        record.vulnerabilities.append(
            Vulnerability(
                id=self.uuid(),
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
                    id=self.uuid(),
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
            started = datetime.combine((self.now - timedelta(days=call.days_ago)).date(), time(hour, minute), UTC)
            started = min(started, self.now - timedelta(hours=1))
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
            self.add(
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


# -- writing ---------------------------------------------------------------------------------------------------
ORDER = ("caller", "caller_phone", "emergency_contact", "vulnerability", "interaction", "emergency_action")


def _consent(consent: Consent | None) -> dict[str, Any]:
    if consent is None:
        return {"consent_at": None, "consent_how": "", "consent_by": ""}
    return {"consent_at": consent.at, "consent_how": consent.how, "consent_by": consent.by}


class Batch:
    """Rows of one chunk, saved as `rows.save` saves one row (upsert with an HLC stamp, and an outbox entry in the
    same transaction) but one statement per table: `save` builds its statement per row, which costs milliseconds,
    and a demo of 10,000 callers has about 90,000 rows. Values come from the store's own builders."""

    def __init__(self) -> None:
        self.rows: dict[str, list[dict[str, Any]]] = {}

    def add(self, table: Table, values: dict[str, Any]) -> None:
        self.rows.setdefault(table.name, []).append(values)

    def record(self, record: Record) -> None:
        caller = record.caller
        self.add(tables.caller, caller_store.caller_values(caller))
        for phone, phone_id in zip(caller.phones, record.phone_ids, strict=True):
            keys = {"e164": phone.e164, "national": national_number(phone.e164), "tail": tail_digits(phone.e164)}
            self.add(
                tables.caller_phone,
                {"id": phone_id, "caller_id": caller.id, **keys, "label": phone.label, "is_primary": phone.is_primary},
            )
        for item in record.interactions:
            self.add(tables.interaction, interaction_store.interaction_values(item))
        for contact in record.contacts:
            phones = [{"e164": p.e164, "label": p.label, "is_primary": p.is_primary} for p in contact.phones]
            self.add(
                tables.emergency_contact,
                {
                    "id": contact.id,
                    "caller_id": caller.id,
                    "name": contact.name,
                    "relationship": contact.relationship,
                    "phones": phones,
                    "may_contact_for": [p.value for p in contact.may_contact_for],
                    "priority": contact.priority,
                    "deleted_at": None,
                    **_consent(contact.consent),
                },
            )
        for vulnerability in record.vulnerabilities:
            self.add(
                tables.vulnerability,
                {
                    "id": vulnerability.id,
                    "caller_id": caller.id,
                    "driver": vulnerability.driver.value,
                    "detail": vulnerability.detail,
                    "adjustments": vulnerability.adjustments,
                    "recorded_by": vulnerability.recorded_by,
                    "review_by": vulnerability.review_by,
                    "deleted_at": None,
                    **_consent(vulnerability.consent),
                },
            )
        for action in record.actions:
            self.add(
                tables.emergency_action,
                {
                    "id": action.id,
                    "interaction_id": action.interaction_id,
                    "at": action.at,
                    "kind": action.kind.value,
                    "detail": action.detail,
                    "agent_id": action.agent_id,
                },
            )

    def write(self, conn: Connection, runtime: Runtime, now: datetime) -> None:
        for name in ORDER:  # parents first: foreign keys are on
            batch = self.rows.get(name)
            if not batch:
                continue
            table = tables.caller.metadata.tables[name]
            (key,) = (column.name for column in table.primary_key.columns)
            stamped = [{**values, "hlc": runtime.stamp(), "updated_at": now, "created_at": now} for values in batch]
            statement = sqlite_insert(table)
            updates = {c: statement.excluded[c] for c in stamped[0] if c not in (key, "created_at")}
            conn.execute(statement.on_conflict_do_update(index_elements=[key], set_=updates), stamped)
            outbox = [
                {
                    "entity": name,
                    "row_id": str(values[key]),
                    "hlc": values["hlc"],
                    "payload": payload_of(values),
                    "created_at": now,
                    "state": "pending",
                }
                for values in stamped
            ]
            conn.execute(insert(tables.outbox), outbox)


def write_chunk(conn: Connection, runtime: Runtime, records: Sequence[Record], now: datetime) -> None:
    batch = Batch()
    for record in records:
        batch.record(record)
    batch.write(conn, runtime, now)


def save_agents(conn: Connection, runtime: Runtime, now: datetime) -> None:
    """The demo team and this desktop's agent; an agent already on file is left exactly as it is."""
    roles = runtime.settings.roles
    role = (
        Role.ADMIN
        if runtime.agent_id in roles.admins
        else (Role.SUPERVISOR if runtime.agent_id in roles.supervisors else Role.AGENT)
    )
    own = (
        runtime.agent_id,
        runtime.settings.agent.name or runtime.agent_id,
        role.value,
        runtime.settings.agent.team or "Thames",
    )
    existing = set(conn.execute(select(tables.agent.c.id)).scalars())
    for agent_id, name, agent_role, team in (*data.AGENTS, own):
        if agent_id not in existing:
            existing.add(agent_id)
            values = {"id": agent_id, "display_name": name, "role": agent_role, "team": team}
            save(conn, tables.agent, values, hlc=runtime.stamp(), now=now)


def summarise(conn: Connection, *, reused: bool) -> DemoSummary:
    caller, interaction = tables.caller, tables.interaction
    contact, vulnerability = tables.emergency_contact, tables.vulnerability
    demo = caller.c.external_id.like(f"{EXTERNAL_PREFIX}%")
    ids = select(caller.c.id).where(demo)

    def count(table: Table, *where: Any) -> int:
        return int(conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one())

    return DemoSummary(
        callers=count(caller, demo),
        interactions=count(interaction, interaction.c.caller_id.in_(ids)),
        emergency_contacts=count(contact, contact.c.caller_id.in_(ids), contact.c.deleted_at.is_(None)),
        vulnerabilities=count(vulnerability, vulnerability.c.caller_id.in_(ids), vulnerability.c.deleted_at.is_(None)),
        follow_ups_open=count(
            interaction,
            interaction.c.caller_id.in_(ids),
            interaction.c.follow_up_due.is_not(None),
            interaction.c.follow_up_done_at.is_(None),
        ),
        agents=count(tables.agent),
        story_caller_number=data.STORY_NUMBER,
        reused=reused,
    )


def seed_demo(
    runtime: Runtime, *, callers: int, seed: int, progress: Callable[[int], None] | None = None
) -> DemoSummary:
    """Fill the database with `callers` demo callers, the story caller first among them, or reuse what an earlier
    run made (then nothing is written). Returns after the last commit."""
    if callers < 1:
        raise ValueError("callers must be at least 1")
    with runtime.db.read() as conn:
        if caller_store.caller_by_external_id(conn, data.STORY_EXTERNAL_ID) is not None:
            return summarise(conn, reused=True)
        demo = tables.caller.c.external_id.like(f"{EXTERNAL_PREFIX}%")
        stored = set(conn.execute(select(tables.caller.c.external_id).where(demo)).scalars())
    now = runtime.now()
    generator = Generator(
        random.Random(seed),
        seed=seed,
        now=now,
        today=runtime.today(),
        agent_id=runtime.agent_id,
        emergency_numbers=dict(runtime.settings.emergency.numbers),
    )
    story = generator.story()
    with runtime.db.write() as conn:
        save_agents(conn, runtime, now)
    size = min(MAX_CHUNK, max(CHUNK, callers // 50))  # bigger demos: fewer commits, each one an fsync
    for start in range(2, callers + 1, size):
        chunk = [generator.caller(index) for index in range(start, min(start + size, callers + 1))]
        with runtime.db.write() as conn:
            write_chunk(conn, runtime, [r for r in chunk if r.caller.external_id not in stored], now)
        if progress is not None:
            progress(start + len(chunk) - 2)
    with runtime.db.write() as conn:
        write_chunk(conn, runtime, [story], now)
        summary = summarise(conn, reused=False)
    if progress is not None:
        progress(callers)
    return summary
