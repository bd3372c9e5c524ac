"""The callers one chunk of an import may touch: loaded in a few queries, changed in memory, written in bulk.

Each table is written with one `store.rows.save_many` per chunk (an upsert that keeps `created_at`, and one
outbox row per written row in the same transaction), callers first, then numbers, then contacts, so a parent
always goes out before its children. A caller's row, numbers and contacts share the stamp of that change.

Identity rules (the module docstring of `importer` states them) are applied against this in-memory state, which
starts as the database holds it and takes in each row's changes, so a row finds a caller that an earlier row of
the same chunk created; earlier chunks are committed and found in the database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, select

from cxassist.domain.models import Caller, EmergencyContact
from cxassist.services.importer_rows import ImportedCaller, RowError, name_key
from cxassist.store import callers as caller_store
from cxassist.store import care, tables
from cxassist.store.rows import save_many

_caller = tables.caller
_phone = tables.caller_phone
_contact = tables.emergency_contact
_IN_LIMIT = 500  # values per IN (...): far below SQLite's limit on bound parameters


class ChunkState:
    """Callers, their numbers and emergency contacts as far as one chunk of rows needs them."""

    def __init__(self, conn: Connection, rows: Sequence[ImportedCaller]) -> None:
        self._conn = conn
        self.by_external_id: dict[str, UUID] = {}
        self.erased_external_ids: set[str] = set()
        self.by_number: dict[str, set[UUID]] = defaultdict(set)
        self.callers: dict[UUID, Caller] = {}
        self.contacts: dict[UUID, list[EmergencyContact]] = {}
        self._load(rows)
        self._original_callers = dict(self.callers)
        self._original_contacts = {c.id: c for found in self.contacts.values() for c in found}
        self._dirty: dict[UUID, None] = {}  # callers changed by this chunk, in the order first changed

    def find(self, row: ImportedCaller) -> UUID | None:
        """The caller this row is about, or None for a new one; RowError when that cannot be said safely."""
        if row.external_id is not None:
            if row.external_id in self.erased_external_ids:
                raise RowError(
                    f"external_id '{row.external_id}' belongs to a caller whose record was erased; "
                    "it is not imported again"
                )
            found = self.by_external_id.get(row.external_id)
            if found is not None:
                return found
        key = name_key(row.full_name)
        candidates = {owner for phone in row.phones for owner in self.by_number.get(phone.e164, ())}
        same = sorted(
            (
                caller.id
                for caller in (self.callers[owner] for owner in candidates)
                if name_key(caller.full_name) == key
                and (row.external_id is None or caller.external_id in (None, row.external_id))
            ),
            key=str,
        )
        if len(same) > 1:
            raise RowError(
                f"its number and name match {len(same)} callers already on file; settle those "
                "duplicates in the app, or give the row an external_id"
            )
        return same[0] if same else None

    def put(self, caller: Caller, contacts: Iterable[EmergencyContact]) -> None:
        """Take in a row's result: the caller as it now stands and the contacts it added or changed."""
        self.callers[caller.id] = caller
        if caller.external_id is not None:
            self.by_external_id[caller.external_id] = caller.id
        for phone in caller.phones:
            self.by_number[phone.e164].add(caller.id)
        held = self.contacts.setdefault(caller.id, [])
        for contact in contacts:
            index = next((i for i, c in enumerate(held) if c.id == contact.id), None)
            if index is None:
                held.append(contact)
            else:
                held[index] = contact
        self._dirty[caller.id] = None

    def write(self, *, stamp: Callable[[], str], now: datetime, new_id: Callable[[], UUID]) -> list[UUID]:
        """Write what changed since loading, with one outbox row per written row; returns the ids of the
        callers whose emergency contacts were written (for the audit trail)."""
        caller_rows: list[tuple[dict[str, Any], str]] = []  # row values, and the stamp of the caller's change
        phone_rows: list[tuple[dict[str, Any], str]] = []
        contact_rows: list[tuple[dict[str, Any], str]] = []
        with_contacts: list[UUID] = []
        phone_ids = self._phone_ids()
        for caller_id in self._dirty:
            caller = self.callers[caller_id]
            before = self._original_callers.get(caller_id)
            hlc = stamp()
            if before is None or replace(caller, phones=()) != replace(before, phones=()):
                values = caller_store.caller_values(caller)
                caller_rows.append((values, hlc))
            old_phones = {p.e164: p for p in before.phones} if before is not None else {}
            for phone in caller.phones:
                if old_phones.get(phone.e164) == phone:
                    continue
                values = caller_store.phone_values(caller_id, phone, phone_ids.get((caller_id, phone.e164)) or new_id())
                phone_rows.append((values, hlc))
            changed = [c for c in self.contacts.get(caller_id, ()) if self._original_contacts.get(c.id) != c]
            contact_rows.extend((care.contact_values(c), hlc) for c in changed)
            if changed:
                with_contacts.append(caller_id)
        for table, stamped in ((_caller, caller_rows), (_phone, phone_rows), (_contact, contact_rows)):
            stamps = iter([hlc for _, hlc in stamped]).__next__
            save_many(self._conn, table, [values for values, _ in stamped], hlc=stamps, now=now)
        return with_contacts

    def _load(self, rows: Sequence[ImportedCaller]) -> None:
        conn = self._conn
        external_ids = sorted({row.external_id for row in rows if row.external_id is not None})
        numbers = sorted({phone.e164 for row in rows for phone in row.phones})
        for part in _parts(external_ids):
            for caller_id, external_id, deleted_at in conn.execute(
                select(_caller.c.id, _caller.c.external_id, _caller.c.deleted_at).where(_caller.c.external_id.in_(part))
            ):
                if deleted_at is None:
                    self.by_external_id[external_id] = caller_id
                else:
                    self.erased_external_ids.add(external_id)
        for part in _parts(numbers):
            for caller_id, e164 in conn.execute(
                select(_phone.c.caller_id, _phone.c.e164)
                .join(_caller, _caller.c.id == _phone.c.caller_id)
                .where(_phone.c.e164.in_(part), _phone.c.deleted_at.is_(None), _caller.c.deleted_at.is_(None))
            ):
                self.by_number[e164].add(caller_id)
        wanted = sorted(set(self.by_external_id.values()).union(*self.by_number.values()), key=str)
        for part in _parts(wanted):
            for caller in caller_store.get_callers(self._conn, part):
                self.callers[caller.id] = caller
                self.contacts[caller.id] = []
            found = conn.execute(
                select(_contact)
                .where(_contact.c.caller_id.in_(part), _contact.c.deleted_at.is_(None))
                .order_by(_contact.c.priority, _contact.c.name)
            ).mappings()
            for row in found:
                contact = care.contact_from_row(row)
                self.contacts[contact.caller_id].append(contact)

    def _phone_ids(self) -> dict[tuple[UUID, str], UUID]:
        """Row ids of the numbers on file of the callers this chunk changed: a number kept keeps its row."""
        known = sorted((cid for cid in self._dirty if cid in self._original_callers), key=str)
        ids: dict[tuple[UUID, str], UUID] = {}
        for part in _parts(known):
            rows = self._conn.execute(
                select(_phone.c.id, _phone.c.caller_id, _phone.c.e164).where(_phone.c.caller_id.in_(part))
            )
            ids.update({(caller_id, e164): row_id for row_id, caller_id, e164 in rows})
        return ids


def _parts(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), _IN_LIMIT):
        yield values[start : start + _IN_LIMIT]
