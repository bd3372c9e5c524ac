"""One random demo caller: who they are, how to reach them, where they live, the care records that make a caring
response possible (vulnerabilities and emergency contacts, all consented), then their history."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta

from cxassist.domain.models import (
    Address,
    Caller,
    Channel,
    ContactPurpose,
    EmergencyContact,
    Vulnerability,
    VulnerabilityDriver,
)
from cxassist.services.calls import clean_tags, clean_text
from cxassist.services.demo import data, history
from cxassist.services.demo.generate import Generator, Record

_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # the letters UK postcodes use in their inward part


def _ascii(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if ch.isascii() and ch.isalpha()).lower()


def make_caller(gen: Generator, index: int) -> Record:
    """Demo caller number `index` (external id DEMO-0002 and up) with everything about them."""
    rng = gen.rng
    places = data.GB_PLACES if rng.random() < 0.9 else data.ABROAD_PLACES
    place = gen.pick(places, [p.weight for p in places])
    age = gen.pick((rng.randint(18, 39), rng.randint(40, 64), rng.randint(65, 95)), (35, 40, 25))
    era = "younger" if age < 40 else "middle" if age < 65 else "older"
    origins = list(data.ORIGIN_WEIGHTS) if place.country == "GB" else ["en", "ie", "south-asian", "chinese"]
    origin = gen.pick(origins, [data.ORIGIN_WEIGHTS[o] for o in origins])
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
    count = gen.pick((1, 2, 3), (45, 40, 15))
    labels = (["home", "mobile"] if rng.random() < 0.7 else ["mobile", "home"]) + ["work"]
    phones = gen.phones(place, labels[:count])
    since = min(date(rng.randint(1995, 2025), rng.randint(1, 12), rng.randint(1, 28)), gen.today)
    channels: list[Channel | None] = [*Channel, None]
    prefers = gen.pick(channels, (60, 8, 8, 6, 3, 15) if age >= 65 else (38, 18, 20, 14, 3, 7))
    caller = Caller(
        id=gen.uuid(),
        full_name=f"{first.name} {surname}",
        preferred_name=preferred,
        pronunciation="; ".join(hints),
        phones=phones,
        email=_email(gen, first.name, surname) if rng.random() < (0.45 if age >= 75 else 0.8) else "",
        address=_address(gen, place),
        preferred_channel=prefers,
        language=language,
        customer_since=since,
        external_id=f"{data.EXTERNAL_PREFIX}{index:04d}",
        notes=clean_text(rng.choice(data.CALLER_NOTES), field="notes", limit=10_000) if rng.random() < 0.12 else "",
        tags=clean_tags(tuple(rng.sample(data.CALLER_TAGS, rng.choice((0, 0, 0, 1, 1, 2))))),
    )
    record = Record(caller=caller, phone_ids=[gen.uuid() for _ in phones])
    _care(gen, record, age=age, surname=surname, place=place)
    history.fill(gen, record, name=preferred or first.name, country=place.country)
    return record


def _email(gen: Generator, first: str, surname: str) -> str:
    domain = gen.rng.choice(("example.com", "example.co.uk", "example.org", "example.net"))
    number = str(gen.rng.randint(1, 99)) if gen.rng.random() < 0.3 else ""
    return f"{_ascii(first)}.{_ascii(surname)}{number}@{domain}"


def _address(gen: Generator, place: data.Place) -> Address:
    rng = gen.rng
    if place.country == "GB":
        street = f"{rng.randint(1, 220)} {rng.choice(data.STREETS)}"
        lines = (f"Flat {rng.randint(1, 12)}", street) if rng.random() < 0.2 else (street,)
        inward = f"{rng.randint(1, 9)}{rng.choice(_LETTERS)}{rng.choice(_LETTERS)}"
        return Address(lines, place.city, f"{rng.choice(place.postcodes)} {inward}", "GB")
    streets = data.US_STREETS if place.country == "US" else data.AU_STREETS
    line = f"{rng.randint(1, 2400 if place.country == 'US' else 180)} {rng.choice(streets)}"
    return Address((line,), place.city, f"{place.region} {rng.choice(place.postcodes)}", place.country)


def _care(gen: Generator, record: Record, *, age: int, surname: str, place: data.Place) -> None:
    """Vulnerabilities (consented, reviewed yearly, a few past review) and emergency contacts (consented)."""
    rng = gen.rng
    caller = record.caller
    if rng.random() < (0.3 if age >= 65 else 0.08):
        fits = [v for v in data.VULNERABILITIES if not caller.language.startswith("en") or "English" not in v[1]]
        for driver, detail, adjustments in rng.sample(fits, 1 if rng.random() < 0.85 else 2):
            overdue = rng.random() >= 0.9 or gen.past_review > 0
            gen.past_review -= overdue
            days = rng.randint(370, 540) if overdue else rng.randint(10, 330)
            at, by = gen.moment(days, place.country), rng.choice(gen.agents)
            record.vulnerabilities.append(
                Vulnerability(
                    id=gen.uuid(),
                    caller_id=caller.id,
                    driver=VulnerabilityDriver(driver),
                    detail=detail,
                    adjustments=adjustments,
                    consent=gen.consent(at, by),
                    recorded_by=by,
                    review_by=at.date() + timedelta(days=365),
                )
            )
    if rng.random() >= (0.85 if record.vulnerabilities else 0.5 if age >= 65 else 0.1):
        return
    at, by = gen.moment(rng.randint(5, 700), place.country), rng.choice(gen.agents)
    relationships = rng.sample(data.CONTACT_RELATIONSHIPS, 1 if rng.random() < 0.6 else 2)
    for priority, (relationship, purposes) in enumerate(relationships, start=1):
        labels = ("mobile",) if rng.random() < 0.6 else ("mobile", "home")
        record.contacts.append(
            EmergencyContact(
                id=gen.uuid(),
                caller_id=caller.id,
                name=_contact_name(gen, relationship, surname),
                relationship=relationship,
                phones=gen.phones(place, labels),
                may_contact_for=tuple(ContactPurpose(p) for p in purposes),
                consent=gen.consent(at, by),
                priority=priority,
            )
        )


def _contact_name(gen: Generator, relationship: str, surname: str) -> str:
    female = relationship in {"daughter", "wife", "sister", "niece", "mother"}
    male = relationship in {"son", "husband", "brother", "father"}
    names = [
        f.name
        for f in data.FIRST_NAMES
        if f.era != "older"
        and not (female and f.name in data.MALE_NAMES)
        and not (male and f.name not in data.MALE_NAMES)
    ]
    family = relationship not in {"neighbour", "friend", "carer"} and gen.rng.random() < 0.75
    return f"{gen.rng.choice(names)} {surname if family else gen.rng.choice(data.SURNAMES['en'])}"
