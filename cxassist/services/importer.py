"""Import callers from a CSV file (contract: docs/csv-import.md).

`import_callers` checks the whole file first (encoding, header, CSV syntax: `importer_file`), so a file that
cannot be imported changes nothing. It then streams the rows and commits them in chunks of `CHUNK_ROWS`, one
transaction each: a crash, a full disk or a cancel loses at most the chunk in hand, and running the same file
again finishes the job without duplicates. A bad row is reported with the physical line it starts on and a plain
reason while the good rows are imported.

Identity: a row is the caller with the same external id; else the caller who has one of the row's numbers and
the same full name (case and spacing aside), unless that caller carries another external id; else a new caller.
A row also finds callers that earlier rows of the same file created (`importer_state`), so duplicate rows make
one caller. Updating keeps the caller's id and everything the row leaves empty; numbers, tags and emergency
contacts are added or updated, never removed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass, field, replace
from enum import Enum
from itertools import islice
from pathlib import Path
from uuid import UUID

from cxassist.domain.models import Address, Caller, Consent, EmergencyContact, PhoneNumber
from cxassist.services.audit_log import AuditAction, append_event
from cxassist.services.importer_file import CsvSource, Record
from cxassist.services.importer_rows import ImportedCaller, ImportedContact, RowError, name_key, parse_row
from cxassist.services.importer_state import ChunkState
from cxassist.services.runtime import Runtime

CHUNK_ROWS = 500
MAX_LISTED = 1000  # rejected rows listed in the report; the count is always exact


@dataclass(frozen=True, slots=True)
class RejectedRow:
    line: int  # the physical line of the file the row starts on (the header is line 1)
    reason: str
    external_id: str = ""
    full_name: str = ""


@dataclass(frozen=True, slots=True)
class ImportReport:
    file: str
    rows: int  # rows read (blank lines aside): created + updated + unchanged + rejected_count
    created: int
    updated: int
    unchanged: int
    rejected_count: int
    repeated: int  # rows naming a caller that an earlier row of the same file had already imported
    cancelled: bool  # stopped between chunks; the rows counted here are saved, the rest were not read
    rejected: tuple[RejectedRow, ...]  # the first MAX_LISTED, in file order


class _Outcome(Enum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass
class _Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    repeated: int = 0
    rejected_count: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    seen: set[UUID] = field(default_factory=set)

    @property
    def rows(self) -> int:
        return self.created + self.updated + self.unchanged + self.rejected_count

    def reject(self, line: int, reason: str, cells: dict[str, str] | None) -> None:
        self.rejected_count += 1
        if len(self.rejected) < MAX_LISTED:
            found = cells or {}
            self.rejected.append(
                RejectedRow(line, reason, _context(found.get("external_id", "")), _context(found.get("full_name", "")))
            )

    def count(self, outcome: _Outcome, caller_id: UUID) -> None:
        if caller_id in self.seen:
            self.repeated += 1
        self.seen.add(caller_id)
        if outcome is _Outcome.CREATED:
            self.created += 1
        elif outcome is _Outcome.UPDATED:
            self.updated += 1
        else:
            self.unchanged += 1


def import_callers(
    runtime: Runtime,
    path: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import the callers in `path`; see the module docstring and docs/csv-import.md.

    Raises UserError (naming the file) before writing anything when the file cannot be imported as a whole.
    `progress(rows_done, rows_total)` is called after each committed chunk; `cancelled()` is asked before each
    chunk, and a cancel returns the report of the chunks already saved. Runs in the caller's thread: the GUI
    runs it through the task runner's writer, never on the Qt main thread.
    """
    source = CsvSource(path)
    total = source.check()
    tally = _Tally()
    stopped = False
    if progress is not None:
        progress(0, total)
    consent = Consent(at=runtime.now(), how=f"imported from {path.name}", by=runtime.agent_id)
    with closing(source.rows()) as records:
        while chunk := list(islice(records, CHUNK_ROWS)):
            if cancelled is not None and cancelled():
                stopped = True
                break
            _import_chunk(runtime, chunk, tally, consent, source=path.name)
            if progress is not None:
                progress(tally.rows, total)
    return ImportReport(
        file=str(path),
        rows=tally.rows,
        created=tally.created,
        updated=tally.updated,
        unchanged=tally.unchanged,
        rejected_count=tally.rejected_count,
        repeated=tally.repeated,
        cancelled=stopped,
        rejected=tuple(tally.rejected),
    )


def _import_chunk(runtime: Runtime, chunk: list[Record], tally: _Tally, consent: Consent, *, source: str) -> None:
    """Parse outside the transaction (phone numbers and redaction take most of the time), then apply the rows in
    file order to the chunk's state and write what changed, in one transaction."""
    today = runtime.today()
    parsed: list[tuple[Record, ImportedCaller]] = []
    for record in chunk:
        if record.cells is None:
            tally.reject(record.line, str(record.problem), None)
            continue
        try:
            parsed.append((record, parse_row(record.cells, default_region=runtime.default_region, today=today)))
        except RowError as error:
            tally.reject(record.line, str(error), record.cells)
    if not parsed:
        return
    results: list[tuple[Record, _Outcome | RowError, UUID | None]] = []
    with runtime.db.write() as conn:
        state = ChunkState(conn, [row for _record, row in parsed])
        for record, row in parsed:
            try:
                outcome, imported = _apply_row(state, row, consent=consent, new_id=runtime.new_id)
            except RowError as error:
                results.append((record, error, None))
            else:
                results.append((record, outcome, imported))
        now = runtime.now()
        with_contacts = state.write(stamp=runtime.stamp, now=now, new_id=runtime.new_id)
        if with_contacts:
            ids = " ".join(str(each) for each in with_contacts)
            append_event(conn, runtime, action=AuditAction.SAVED_EMERGENCY_CONTACT, subject=f"import:{source}",
                         detail=f"emergency contacts imported for {len(with_contacts)} callers: {ids}")
    # Counted once the chunk has committed: a failed commit raises, and no report claims its rows.
    for record, result, found in results:
        if isinstance(result, RowError):
            tally.reject(record.line, str(result), record.cells)
        elif found is not None:
            tally.count(result, found)


def _apply_row(
    state: ChunkState, row: ImportedCaller, *, consent: Consent, new_id: Callable[[], UUID]
) -> tuple[_Outcome, UUID]:
    caller_id = state.find(row)
    existing = state.callers.get(caller_id) if caller_id is not None else None
    caller = _merged_caller(existing, row, new_id=new_id())
    contacts = _changed_contacts(state.contacts.get(caller.id, []), row.contacts, caller_id=caller.id,
                                 consent=consent, new_id=new_id)
    if existing is not None and caller == existing and not contacts:
        return _Outcome.UNCHANGED, caller.id
    state.put(caller, contacts)
    return (_Outcome.CREATED if existing is None else _Outcome.UPDATED), caller.id


def _merged_caller(existing: Caller | None, row: ImportedCaller, *, new_id: UUID) -> Caller:
    base = existing or Caller(id=new_id, full_name=row.full_name)
    address = base.address
    return replace(
        base,
        full_name=_name(row.full_name, base.full_name),
        preferred_name=_given(row.preferred_name, base.preferred_name),
        pronunciation=_given(row.pronunciation, base.pronunciation),
        phones=merge_phones(base.phones, row.phones),
        email=_given(row.email, base.email),
        address=Address(
            lines=row.address_lines or address.lines,
            city=_given(row.city, address.city),
            postcode=_given(row.postcode, address.postcode),
            country=_given(row.country, address.country),
        ),
        preferred_channel=row.preferred_channel or base.preferred_channel,
        language=_given(row.language, base.language),
        customer_since=row.customer_since or base.customer_since,
        external_id=row.external_id or base.external_id,
        notes=_given(row.notes, base.notes),
        tags=tuple(dict.fromkeys((*base.tags, *row.tags))),
    )


def merge_phones(on_file: tuple[PhoneNumber, ...], given: Iterable[PhoneNumber]) -> tuple[PhoneNumber, ...]:
    """The numbers on file, in their order, then the new ones; a label given replaces the label on file. The
    primary number stays; when there is none, the first number becomes primary."""
    merged = {phone.e164: phone for phone in on_file}
    for phone in given:
        old = merged.get(phone.e164)
        if old is None:
            merged[phone.e164] = PhoneNumber(e164=phone.e164, label=phone.label, is_primary=False)
        elif phone.label and phone.label != old.label:
            merged[phone.e164] = replace(old, label=phone.label)
    result = list(merged.values())
    if result and not any(phone.is_primary for phone in result):
        result[0] = replace(result[0], is_primary=True)
    return tuple(result)


def _changed_contacts(
    on_file: list[EmergencyContact],
    given: tuple[ImportedContact, ...],
    *,
    caller_id: UUID,
    consent: Consent,
    new_id: Callable[[], UUID],
) -> list[EmergencyContact]:
    """The emergency contacts the row adds or changes; the contact on file is the one with the same name.

    Every contact in a row comes with the caller's consent (`parse_row` refuses it otherwise): a consent on file
    (when, how and by whom it was first recorded) is kept, else it is recorded now, as given by this import.
    """
    by_name = {name_key(contact.name): contact for contact in on_file}
    changed = []
    for item in given:
        old = by_name.get(name_key(item.name))
        base = old or EmergencyContact(
            id=new_id(), caller_id=caller_id, name=item.name, relationship="", phones=(), may_contact_for=(),
            consent=None, priority=item.slot,
        )
        merged = replace(
            base,
            name=_name(item.name, base.name),
            relationship=_given(item.relationship, base.relationship),
            phones=merge_phones(base.phones, item.phones),
            may_contact_for=item.may_contact_for,
            consent=base.consent or consent,
            priority=item.slot,
        )
        if merged != old:
            changed.append(merged)
    return changed


def _name(given: str, on_file: str) -> str:
    """The name on file stays when the row writes it differently only in case or spacing ("PEGGY HALE"), so a
    file that spells a caller two ways does not change them back and forth on every run."""
    return on_file if name_key(given) == name_key(on_file) else given


def _given(value: str | None, on_file: str) -> str:
    return on_file if value is None else value


def _context(value: str, width: int = 80) -> str:
    """A cell shown beside a rejected row: one line, printable, short."""
    shown = " ".join(value.split())
    shown = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in shown)
    return shown if len(shown) <= width else shown[: width - 1] + "…"
