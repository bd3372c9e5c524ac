"""Callers and their phone numbers: lookups for the screen pop, and writes with their outbox rows.

A number taken off a caller is not deleted: its row gets `deleted_at` and is saved (so synced) like any edit, so the
removal reaches every desktop. Every lookup here ignores removed numbers; adding the number again revives the row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, RowMapping, bindparam, func, select

from cxassist.domain.models import Address, Caller, Channel, PhoneNumber
from cxassist.domain.phones import national_number, tail_digits
from cxassist.store import tables
from cxassist.store.rows import save

_caller = tables.caller
_phone = tables.caller_phone


@dataclass(frozen=True, slots=True)
class Candidate:
    caller_id: UUID
    matched_number: str
    reason: str  # "same number", "same national number, other country code", "same last digits"


# The screen pop's statements are built once: building a SQLAlchemy statement costs about as much as running it.
_IDS_FOR_NUMBER = (
    select(_phone.c.caller_id)
    .join(_caller, _caller.c.id == _phone.c.caller_id)
    .where(_phone.c.e164 == bindparam("e164"), _phone.c.deleted_at.is_(None), _caller.c.deleted_at.is_(None))
    .distinct()
)
_CALLERS_BY_ID = select(_caller).where(_caller.c.id.in_(bindparam("ids", expanding=True)))
_PHONES_BY_CALLER = (
    select(_phone.c.caller_id, _phone.c.e164, _phone.c.label, _phone.c.is_primary)
    .where(_phone.c.caller_id.in_(bindparam("ids", expanding=True)), _phone.c.deleted_at.is_(None))
    .order_by(_phone.c.is_primary.desc(), _phone.c.created_at)
)


def caller_ids_for_number(conn: Connection, e164: str) -> list[UUID]:
    return list(conn.execute(_IDS_FOR_NUMBER, {"e164": e164}).scalars())


def probable_candidates(
    conn: Connection, *, e164: str | None, national: str | None, tail: str | None, digits: str, limit: int = 10
) -> list[Candidate]:
    """Numbers that are probably the caller's: the same national number under another country code, or a stored
    number that ends with every digit received (a number dialled without its area code). Never the exact number."""
    found: dict[UUID, Candidate] = {}
    if national:
        rows = conn.execute(
            select(_phone.c.caller_id, _phone.c.e164)
            .join(_caller, _caller.c.id == _phone.c.caller_id)
            .where(_phone.c.national == national, _phone.c.deleted_at.is_(None), _caller.c.deleted_at.is_(None))
            .limit(limit)
        )
        for caller_id, number in rows:
            if number != e164:
                found.setdefault(caller_id, Candidate(caller_id, number, "same national number, other country code"))
    if tail and len(found) < limit:
        tail_rows = conn.execute(
            select(_phone.c.caller_id, _phone.c.e164, _phone.c.national)
            .join(_caller, _caller.c.id == _phone.c.caller_id)
            .where(_phone.c.tail == tail, _phone.c.deleted_at.is_(None), _caller.c.deleted_at.is_(None))
            .limit(limit * 5)
        )
        for caller_id, number, stored_national in tail_rows:
            if number == e164 or caller_id in found:
                continue
            if stored_national.endswith(digits) or digits.endswith(stored_national):
                found[caller_id] = Candidate(caller_id, number, "same last digits")
            if len(found) >= limit:
                break
    return list(found.values())


def _phones_by_caller(conn: Connection, caller_ids: Sequence[UUID]) -> dict[UUID, list[PhoneNumber]]:
    result: dict[UUID, list[PhoneNumber]] = {cid: [] for cid in caller_ids}
    if not caller_ids:
        return result
    for caller_id, e164, label, is_primary in conn.execute(_PHONES_BY_CALLER, {"ids": list(caller_ids)}):
        result[caller_id].append(PhoneNumber(e164=e164, label=label, is_primary=bool(is_primary)))
    return result


def caller_from_row(row: RowMapping, phones: Iterable[PhoneNumber]) -> Caller:
    channel = row["preferred_channel"]
    return Caller(
        id=row["id"],
        full_name=row["full_name"],
        preferred_name=row["preferred_name"],
        pronunciation=row["pronunciation"],
        phones=tuple(phones),
        email=row["email"],
        address=Address(
            lines=tuple(row["address_lines"]), city=row["city"], postcode=row["postcode"], country=row["country"]
        ),
        preferred_channel=Channel(channel) if channel else None,
        language=row["language"],
        customer_since=row["customer_since"],
        external_id=row["external_id"],
        notes=row["notes"],
        tags=tuple(row["tags"]),
        needs_attention=bool(row["needs_attention"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def get_callers(conn: Connection, caller_ids: Sequence[UUID]) -> list[Caller]:
    if not caller_ids:
        return []
    rows = conn.execute(_CALLERS_BY_ID, {"ids": list(caller_ids)}).mappings().all()
    phones = _phones_by_caller(conn, [row["id"] for row in rows])
    by_id = {row["id"]: caller_from_row(row, phones[row["id"]]) for row in rows}
    return [by_id[cid] for cid in caller_ids if cid in by_id]


def get_caller(conn: Connection, caller_id: UUID) -> Caller | None:
    found = get_callers(conn, [caller_id])
    return found[0] if found else None


def caller_by_external_id(conn: Connection, external_id: str) -> UUID | None:
    return conn.execute(select(_caller.c.id).where(_caller.c.external_id == external_id)).scalar_one_or_none()


def caller_values(caller: Caller) -> dict[str, Any]:
    return {
        "id": caller.id,
        "full_name": caller.full_name,
        "preferred_name": caller.preferred_name,
        "pronunciation": caller.pronunciation,
        "email": caller.email,
        "address_lines": list(caller.address.lines),
        "city": caller.address.city,
        "postcode": caller.address.postcode,
        "country": caller.address.country,
        "preferred_channel": caller.preferred_channel.value if caller.preferred_channel else None,
        "language": caller.language,
        "customer_since": caller.customer_since,
        "external_id": caller.external_id,
        "notes": caller.notes,
        "tags": list(caller.tags),
        "needs_attention": caller.needs_attention,
        "deleted_at": None,
    }


def save_caller(
    conn: Connection,
    caller: Caller,
    *,
    hlc: str,
    now: datetime,
    new_phone_id: Callable[[], UUID],
) -> None:
    """Write the caller and replace their numbers with `caller.phones` (E.164; their lookup keys are derived).

    Numbers kept from before keep their row id, so a number edited on two desktops does not become two rows; a
    number no longer given is marked removed (and synced), and one given again is the same row, revived.
    """
    save(conn, _caller, caller_values(caller), hlc=hlc, now=now)
    rows = conn.execute(select(_phone).where(_phone.c.caller_id == caller.id)).mappings().all()
    wanted = {phone.e164 for phone in caller.phones}
    existing: dict[str, UUID] = {}
    for row in sorted(rows, key=lambda r: r["deleted_at"] is None):  # a live row's id wins over a removed one's
        existing[row["e164"]] = row["id"]
        if row["e164"] not in wanted and row["deleted_at"] is None:
            removed = {name: value for name, value in row.items() if name not in ("hlc", "updated_at")}
            save(conn, _phone, {**removed, "deleted_at": now}, hlc=hlc, now=now)
    for phone in caller.phones:
        values = phone_values(caller.id, phone, existing.get(phone.e164) or new_phone_id())
        save(conn, _phone, values, hlc=hlc, now=now)


def phone_values(caller_id: UUID, phone: PhoneNumber, phone_id: UUID) -> dict[str, Any]:
    """The caller_phone row for one of a caller's numbers, with the lookup keys derived from its E.164 form: the
    national number (the same number under another country code) and the last seven digits (dialled without its
    area code)."""
    return {
        "id": phone_id,
        "caller_id": caller_id,
        "e164": phone.e164,
        "national": national_number(phone.e164),
        "tail": tail_digits(phone.e164),
        "label": phone.label,
        "is_primary": phone.is_primary,
        "deleted_at": None,
    }


def count_callers(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(_caller)).scalar_one())
