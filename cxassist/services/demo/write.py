"""Writing demo records: a chunk of callers in one transaction, each table's rows in one `rows.save_many`.

The rows are those the store's own `save_*` functions write (their value builders, an HLC stamp of its own per row,
an outbox entry per row in the same transaction), but one statement per table per chunk: a demo of 10,000 callers
has about 90,000 rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table

from cxassist.services.demo.generate import Record
from cxassist.store import tables
from cxassist.store.callers import caller_values, phone_values
from cxassist.store.care import contact_values, vulnerability_values
from cxassist.store.interactions import action_values, interaction_values
from cxassist.store.rows import save_many

ORDER = (  # parents first: foreign keys are on
    tables.caller,
    tables.caller_phone,
    tables.emergency_contact,
    tables.vulnerability,
    tables.interaction,
    tables.emergency_action,
)


def _rows(record: Record) -> dict[Table, list[dict[str, Any]]]:
    caller = record.caller
    return {
        tables.caller: [caller_values(caller)],
        tables.caller_phone: [
            phone_values(caller.id, phone, phone_id)
            for phone, phone_id in zip(caller.phones, record.phone_ids, strict=True)
        ],
        tables.emergency_contact: [contact_values(contact) for contact in record.contacts],
        tables.vulnerability: [vulnerability_values(item) for item in record.vulnerabilities],
        tables.interaction: [interaction_values(item) for item in record.interactions],
        tables.emergency_action: [action_values(action) for action in record.actions],
    }


def write_chunk(conn: Connection, records: Sequence[Record], *, hlc: Callable[[], str], now: datetime) -> None:
    """Save `records` on `conn`, a table at a time in `ORDER`, each row with a stamp of its own from `hlc`."""
    rows = [_rows(record) for record in records]
    for table in ORDER:
        save_many(conn, table, [values for by_table in rows for values in by_table[table]], hlc=hlc, now=now)
