"""Writing demo records: a chunk of callers in one transaction, each table's rows in one `rows.save_many`.

The rows are those the store's own `save_*` functions write (their value builders, or the same columns where a
store function builds its values inline; an HLC stamp of its own per row, an outbox entry per row in the same
transaction), but one statement per table per chunk: a demo of 10,000 callers has about 90,000 rows. Reviews,
feedback, friction points, prompt events and suggestions carry the time they were made as `created_at`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table

from cxassist.services.demo.generate import AuditNote, PromptEvent, Record
from cxassist.store import audit, tables
from cxassist.store.callers import caller_values, phone_values
from cxassist.store.care import contact_values, vulnerability_values
from cxassist.store.interactions import action_values, interaction_values
from cxassist.store.prompt_suggestions import Suggestion
from cxassist.store.reviews import FeedbackRecord, FrictionRecord, ReviewRecord
from cxassist.store.rows import save_many

ORDER = (  # parents first: foreign keys are on
    tables.caller,
    tables.caller_phone,
    tables.emergency_contact,
    tables.vulnerability,
    tables.interaction,
    tables.emergency_action,
    tables.review,
    tables.feedback,
    tables.friction_point,
    tables.prompt_event,
    tables.prompt_suggestion,
)


def _review_values(item: ReviewRecord) -> dict[str, Any]:  # as store.reviews.save_review
    return {
        "id": item.id,
        "interaction_id": item.interaction_id,
        "reviewer_id": item.reviewer_id,
        "scores": dict(item.scores),
        "comment": item.comment,
        "kudos": item.kudos,
        "duty_of_care_outcome": item.duty_of_care_outcome,
        "created_at": item.created_at,
    }


def _feedback_values(item: FeedbackRecord) -> dict[str, Any]:  # as store.reviews.save_feedback
    return {
        "id": item.id,
        "interaction_id": item.interaction_id,
        "kind": item.kind,
        "channel": item.channel,
        "text": item.text,
        "created_at": item.created_at,
    }


def _friction_values(item: FrictionRecord) -> dict[str, Any]:  # as store.reviews.save_friction
    return {
        "id": item.id,
        "interaction_id": item.interaction_id,
        "rule": item.rule,
        "words": item.words,
        "status": item.status,
        "created_at": item.created_at,
    }


def _event_values(item: PromptEvent) -> dict[str, Any]:  # as store.prompt_events.save_events
    return {
        "id": item.id,
        "interaction_id": item.interaction_id,
        "rule_id": item.rule_id,
        "pack_version": item.pack_version,
        "event": item.event,
        "reason": item.reason,
        "at": item.at,
        "created_at": item.at,
    }


def _suggestion_values(item: Suggestion) -> dict[str, Any]:  # as store.prompt_events.save_suggestion
    return {
        "id": item.id,
        "agent_id": item.agent_id,
        "interaction_id": item.interaction_id,
        "category": item.category,
        "text": item.text,
        "status": item.status,
        "created_at": item.suggested_at,
    }


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
        tables.review: [_review_values(item) for item in record.reviews],
        tables.feedback: [_feedback_values(item) for item in record.feedback],
        tables.friction_point: [_friction_values(item) for item in record.friction],
        tables.prompt_event: [_event_values(item) for item in record.prompt_events],
        tables.prompt_suggestion: [_suggestion_values(item) for item in record.suggestions],
    }


def write_chunk(conn: Connection, records: Sequence[Record], *, hlc: Callable[[], str], now: datetime) -> None:
    """Save `records` on `conn`, a table at a time in `ORDER`, each row with a stamp of its own from `hlc`."""
    rows = [_rows(record) for record in records]
    for table in ORDER:
        save_many(conn, table, [values for by_table in rows for values in by_table[table]], hlc=hlc, now=now)


def write_audit(conn: Connection, notes: Sequence[AuditNote], *, hlc: Callable[[], str]) -> None:
    """Append `notes` to the audit trail oldest first, each linked into the hash chain as `store.audit` does."""
    for note in sorted(notes, key=lambda n: (n.at, n.id)):
        audit.append(
            conn, event_id=note.id, at=note.at, actor=note.actor, action=note.action, subject=note.subject,
            detail=note.detail, hlc=hlc(),
        )  # fmt: skip
