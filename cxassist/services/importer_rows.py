"""One row of a callers CSV (docs/csv-import.md) read into plain values, or refused with one plain reason.

Pure: no database, no file. `parse_row` takes the row's cells by column name and returns an `ImportedCaller`,
or raises `RowError` whose text names the column and the value at fault ("phones: 'abc' is not a phone number:
it contains letters"). An empty cell means "not given" (None, or an empty tuple for lists): an import never
erases what is on file. Free text passes through redaction (`clean_text`) before it can reach the database.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import phonenumbers

from cxassist.domain.models import Channel, ContactPurpose, PhoneNumber
from cxassist.domain.phones import PhoneError, normalise
from cxassist.services.calls import clean_text

CONTACT_SLOTS = (1, 2, 3)
CONTACT_FIELDS = ("name", "relationship", "phones", "may_contact_for", "consent")
CALLER_COLUMNS = (
    "external_id", "full_name", "preferred_name", "pronunciation", "phones", "email", "address_line1",
    "address_line2", "city", "postcode", "country", "preferred_channel", "language", "customer_since", "tags",
    "notes",
)
COLUMNS = CALLER_COLUMNS + tuple(f"ec{slot}_{name}" for slot in CONTACT_SLOTS for name in CONTACT_FIELDS)
REQUIRED_COLUMNS = ("full_name", "phones")

MAX_PHONES = 10
MAX_TAGS = 20
MAX_NOTES_CHARS = 100_000
_LIMITS = {  # characters, after trimming
    "external_id": 128, "full_name": 200, "preferred_name": 100, "pronunciation": 100, "email": 254,
    "address_line1": 200, "address_line2": 200, "city": 100, "postcode": 16, "tag": 60, "label": 30,
    "name": 200, "relationship": 60,
}
_YES = frozenset({"yes", "y", "true"})
_NO = frozenset({"no", "n", "false"})
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}", re.ASCII)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_SPACES = re.compile(r"\s+")
_COUNTRY_HINTS = {"UK": "GB", "EN": "GB"}


class RowError(ValueError):
    """A row was refused; the text is the plain reason, without the line number."""


@dataclass(frozen=True, slots=True)
class ImportedContact:
    slot: int  # 1-3, from the ecN_ columns; also the contact's priority
    name: str
    relationship: str | None
    phones: tuple[PhoneNumber, ...]
    may_contact_for: tuple[ContactPurpose, ...]
    # No consent field: a contact is imported only when the row says the caller consented (ecN_consent = yes).


@dataclass(frozen=True, slots=True)
class ImportedCaller:
    """What one row says about a caller; None (or an empty tuple) for every cell left empty."""

    full_name: str
    phones: tuple[PhoneNumber, ...]
    external_id: str | None = None
    preferred_name: str | None = None
    pronunciation: str | None = None
    email: str | None = None
    address_lines: tuple[str, ...] = ()
    city: str | None = None
    postcode: str | None = None
    country: str | None = None
    preferred_channel: Channel | None = None
    language: str | None = None
    customer_since: date | None = None
    tags: tuple[str, ...] = ()
    notes: str | None = None
    contacts: tuple[ImportedContact, ...] = ()


def name_key(name: str) -> str:
    """How names are compared for identity: case-insensitive, with runs of spaces as one space."""
    return _SPACES.sub(" ", name).strip().casefold()


def parse_row(cells: Mapping[str, str], *, default_region: str, today: date) -> ImportedCaller:
    """Read one row; `cells` maps column names (lower case) to raw values. RowError names the first fault."""
    for column, value in cells.items():
        if "\x00" in value:
            raise RowError(f"{column} contains a NUL character (byte 0), which is never part of text; "
                           "the file may be damaged")
    full_name = _line(cells, "full_name")
    if full_name is None:
        raise RowError("full_name is empty")
    phones = parse_phones(cells.get("phones", ""), column="phones", default_region=default_region)
    if not phones:
        raise RowError("phones is empty; a caller needs at least one number")
    lines = tuple(line for line in (_line(cells, "address_line1"), _line(cells, "address_line2")) if line)
    notes = cells.get("notes", "").strip()
    contacts = tuple(
        contact
        for slot in CONTACT_SLOTS
        if (contact := parse_contact(cells, slot=slot, default_region=default_region)) is not None
    )
    seen: dict[str, int] = {}
    for contact in contacts:
        earlier = seen.setdefault(name_key(contact.name), contact.slot)
        if earlier != contact.slot:
            raise RowError(f"ec{contact.slot}_name names the same person as ec{earlier}_name")
    return ImportedCaller(
        full_name=full_name,
        phones=phones,
        external_id=parse_external_id(cells.get("external_id", "")),
        preferred_name=_line(cells, "preferred_name"),
        pronunciation=_line(cells, "pronunciation"),
        email=parse_email(cells.get("email", "")),
        address_lines=lines,
        city=_line(cells, "city"),
        postcode=_postcode(cells.get("postcode", "")),
        country=parse_country(cells.get("country", "")),
        preferred_channel=parse_channel(cells.get("preferred_channel", "")),
        language=parse_language(cells.get("language", "")),
        customer_since=parse_date(cells.get("customer_since", ""), column="customer_since", today=today),
        tags=parse_tags(cells.get("tags", "")),
        notes=_clean(notes, "notes", MAX_NOTES_CHARS) if notes else None,
        contacts=contacts,
    )


def parse_phones(text: str, *, column: str, default_region: str) -> tuple[PhoneNumber, ...]:
    """Numbers separated by ';', each written "number" or "label:number"; E.164 out, the first one primary.

    A number given twice keeps its first label. A `tel:` URI counts as a number, not as a label "tel".
    """
    found: dict[str, str] = {}
    for item in text.split(";"):
        item = item.strip()
        if not item:
            continue
        label, number = _split_label(item)
        if not number.strip():
            raise RowError(f"{column}: '{_short(item)}' has a label but no number")
        if len(label) > _LIMITS["label"]:
            raise RowError(f"{column}: the label '{label[:40]}' is longer than {_LIMITS['label']} characters")
        try:
            e164 = normalise(number, default_region)
        except PhoneError as error:
            raise RowError(f"{column}: {error}") from None
        found.setdefault(e164, label)
        if len(found) > MAX_PHONES:
            raise RowError(f"{column} has more than {MAX_PHONES} numbers")
    return tuple(
        PhoneNumber(e164=e164, label=label, is_primary=index == 0)
        for index, (e164, label) in enumerate(found.items())
    )


def _split_label(item: str) -> tuple[str, str]:
    if item[:4].lower() == "tel:":
        return "", item
    label, colon, number = item.partition(":")
    if not colon or any(ch.isdecimal() for ch in label):
        return "", item
    if number.strip()[:4].lower() == "tel:":
        return _SPACES.sub(" ", label).strip(), number.strip()
    return _SPACES.sub(" ", label).strip(), number


def parse_external_id(text: str) -> str | None:
    """Kept exactly as written (trimmed): it is a key. One that redaction would mask, a payment card number,
    is refused rather than masked, since two masked ids could then name the same caller."""
    value = text.strip()
    if not value:
        return None
    limit = _LIMITS["external_id"]
    if len(value) > limit:
        raise RowError(f"external_id is {len(value):,} characters long; the limit is {limit}")
    if clean_text(value, field="external_id", limit=limit) != value:
        raise RowError("external_id looks like a payment card number, which is never stored")
    return value


def parse_date(text: str, *, column: str, today: date) -> date | None:
    """YYYY-MM-DD only (not 01/02/2024, whose day and month depend on who wrote it); not after `today`."""
    text = text.strip()
    if not text:
        return None
    try:
        if not _DATE.fullmatch(text):
            raise ValueError(text)
        value = date.fromisoformat(text)
    except ValueError:
        raise RowError(
            f"{column} '{_short(text)}' is not a date; write it as YYYY-MM-DD, e.g. 2019-04-30"
        ) from None
    if value > today:
        raise RowError(f"{column} '{text}' is in the future")
    return value


def parse_country(text: str) -> str | None:
    code = text.strip().upper()
    if not code:
        return None
    if code in _COUNTRY_HINTS:
        raise RowError(f"country '{text.strip()}' is not an ISO 3166 alpha-2 code; the United Kingdom is "
                       f"{_COUNTRY_HINTS[code]}")
    if len(code) != 2 or code not in phonenumbers.SUPPORTED_REGIONS:
        raise RowError(f"country '{_short(text.strip())}' is not an ISO 3166 alpha-2 code, such as GB or IE")
    return code


def parse_channel(text: str) -> Channel | None:
    value = text.strip().lower()
    if not value:
        return None
    try:
        return Channel(value)
    except ValueError:
        allowed = ", ".join(c.value for c in Channel)
        raise RowError(f"preferred_channel '{_short(text.strip())}' must be one of {allowed}") from None


def parse_language(text: str) -> str | None:
    value = text.strip()
    if not value:
        return None
    if len(value) > 16 or not _LANGUAGE.fullmatch(value):
        raise RowError(f"language '{_short(value)}' is not a language tag such as en, cy or en-GB")
    return value


def parse_email(text: str) -> str | None:
    value = text.strip()
    if not value:
        return None
    if len(value) > _LIMITS["email"] or not _EMAIL.fullmatch(value):
        raise RowError(f"email '{_short(value)}' is not an email address")
    return value


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags separated by ';', in lower case, each at most once."""
    tags = tuple(dict.fromkeys(_SPACES.sub(" ", t).strip().lower() for t in text.split(";") if t.strip()))
    if len(tags) > MAX_TAGS:
        raise RowError(f"tags has {len(tags)} tags; the limit is {MAX_TAGS}")
    return tuple(_clean(tag, "tag", _LIMITS["tag"]) for tag in tags)


def parse_purposes(text: str, *, column: str) -> tuple[ContactPurpose, ...]:
    """health, welfare and any, separated by ';'; empty when none is given."""
    values = [v.strip().lower() for v in text.split(";") if v.strip()]
    purposes: dict[ContactPurpose, None] = {}
    for value in values:
        try:
            purposes[ContactPurpose(value)] = None
        except ValueError:
            raise RowError(
                f"{column} '{_short(value)}' must be health, welfare or any (several separated by ';')"
            ) from None
    return tuple(purposes)


def parse_consent(text: str, *, column: str) -> bool | None:
    """yes (y, true) or no (n, false), in any case; None when empty."""
    value = text.strip().lower()
    if not value:
        return None
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise RowError(f"{column} '{_short(text.strip())}' must be yes or no")


def parse_contact(cells: Mapping[str, str], *, slot: int, default_region: str) -> ImportedContact | None:
    """The emergency contact in the ecN_ columns; None when all of them are empty."""
    prefix = f"ec{slot}_"
    given = [name for name in CONTACT_FIELDS if cells.get(prefix + name, "").strip()]
    if not given:
        return None
    name = _line(cells, prefix + "name", limit="name")
    if name is None:
        raise RowError(f"{prefix}{given[0]} is given but {prefix}name is empty")
    column = prefix + "phones"
    phones = parse_phones(cells.get(column, ""), column=column, default_region=default_region)
    if not phones:
        raise RowError(f"{prefix}phones is empty; an emergency contact needs at least one number")
    purposes = parse_purposes(cells.get(prefix + "may_contact_for", ""), column=prefix + "may_contact_for")
    if not purposes:
        raise RowError(f"{prefix}may_contact_for is empty; say what {name} may be contacted about: health, "
                       "welfare or any")
    consent = parse_consent(cells.get(prefix + "consent", ""), column=prefix + "consent")
    if consent is not True:
        said = "is empty" if consent is None else "is no"
        raise RowError(f"{prefix}consent {said}: an emergency contact is kept only with the caller's consent; "
                       f"leave the {prefix} columns empty to import the caller without {name}")
    return ImportedContact(
        slot=slot,
        name=name,
        relationship=_line(cells, prefix + "relationship", limit="relationship"),
        phones=phones,
        may_contact_for=purposes,
    )


def _line(cells: Mapping[str, str], column: str, *, limit: str | None = None) -> str | None:
    """A one-line text value: whitespace runs (newlines too) become one space; redacted; None when empty."""
    value = _SPACES.sub(" ", cells.get(column, "")).strip()
    if not value:
        return None
    return _clean(value, column, _LIMITS[limit or column])


def _postcode(text: str) -> str | None:
    value = _SPACES.sub(" ", text).strip().upper()
    if not value:
        return None
    if len(value) > _LIMITS["postcode"]:
        raise RowError(f"postcode '{_short(value)}' is longer than {_LIMITS['postcode']} characters")
    return value


def _clean(value: str, column: str, limit: int) -> str:
    if len(value) > limit:
        raise RowError(f"{column} is {len(value):,} characters long; the limit is {limit:,}")
    return clean_text(value, field=column, limit=limit)


def _short(text: str, width: int = 40) -> str:
    shown = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)
    return shown if len(shown) <= width else shown[: width - 1] + "…"
